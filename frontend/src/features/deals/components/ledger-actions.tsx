import { AuditOutlined, EditOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';

import { useI18n } from '@/i18n/i18n';

import type { Deal } from '../api/get-deal';
import { AmendDialog } from './amend-dialog';
import { ReverseDialog, VoidDialog } from './reason-dialogs';
import { RegisterDialog } from './register-dialog';

type Dialog = 'register' | 'amend' | 'void' | 'reverse' | null;

/**
 * The ledger keepers' actions (科技部门 and the operator): 认定登记 a recorded contract, 更正,
 * 作废, and 冲销 the latest line. Each asks for what it needs and appends one ledger line;
 * the server has the last word (409 when the contract's state forbids it).
 */
export function LedgerActions({ deal }: { deal: Deal }) {
  const { t } = useI18n();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const status = deal.status ?? 'recorded';
  const entries = deal.entries;
  const latest = entries[entries.length - 1];
  const reversible = latest !== undefined && entries.length > 1 && latest.kind !== 'record';

  return (
    <>
      {status === 'recorded' ? (
        <Button type="primary" icon={<AuditOutlined aria-hidden />} onClick={() => setDialog('register')}>
          {t('deals.action.register')}
        </Button>
      ) : null}
      {status !== 'voided' ? (
        <Button icon={<EditOutlined aria-hidden />} onClick={() => setDialog('amend')}>
          {t('deals.action.amend')}
        </Button>
      ) : null}
      {reversible ? (
        <Button icon={<RollbackOutlined aria-hidden />} onClick={() => setDialog('reverse')}>
          {t('deals.action.reverse')}
        </Button>
      ) : null}
      {status !== 'voided' ? (
        <Button danger icon={<StopOutlined aria-hidden />} onClick={() => setDialog('void')}>
          {t('deals.action.void')}
        </Button>
      ) : null}

      <RegisterDialog deal={deal} open={dialog === 'register'} onClose={close} />
      <AmendDialog deal={deal} open={dialog === 'amend'} onClose={close} />
      <VoidDialog deal={deal} open={dialog === 'void'} onClose={close} />
      <ReverseDialog deal={deal} open={dialog === 'reverse'} onClose={close} />
    </>
  );
}
