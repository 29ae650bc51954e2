import { AuditOutlined, EditOutlined, RollbackOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';

import { useI18n } from '@/i18n/i18n';

import type { Deal } from '../api/get-deal';
import { AmendDialog } from './amend-dialog';
import { ReverseDialog, VoidDialog, WithdrawDialog } from './reason-dialogs';
import { RegisterDialog } from './register-dialog';

type Dialog = 'register' | 'amend' | 'void' | 'reverse' | 'withdraw' | null;

/**
 * What the viewer may do with the contract now, as the server lists it (`deal.actions`): ledger
 * keepers 认定登记, 更正, 作废 and 冲销 the latest line; the organisation that recorded it 更正 and
 * 撤回 until it is registered. Each asks for what it needs and appends one ledger line; the server
 * has the last word (403/409 when the contract changed meanwhile).
 */
export function LedgerActions({ deal }: { deal: Deal }) {
  const { t } = useI18n();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const allowed = new Set(deal.actions);
  const entries = deal.entries;
  const latest = entries[entries.length - 1];
  const reversible = allowed.has('reverse') && latest !== undefined && entries.length > 1 && latest.kind !== 'record';

  return (
    <>
      {allowed.has('register') ? (
        <Button type="primary" icon={<AuditOutlined aria-hidden />} onClick={() => setDialog('register')}>
          {t('deals.action.register')}
        </Button>
      ) : null}
      {allowed.has('amend') ? (
        <Button icon={<EditOutlined aria-hidden />} onClick={() => setDialog('amend')}>
          {t('deals.action.amend')}
        </Button>
      ) : null}
      {reversible ? (
        <Button icon={<RollbackOutlined aria-hidden />} onClick={() => setDialog('reverse')}>
          {t('deals.action.reverse')}
        </Button>
      ) : null}
      {allowed.has('void') ? (
        <Button danger icon={<StopOutlined aria-hidden />} onClick={() => setDialog('void')}>
          {t('deals.action.void')}
        </Button>
      ) : null}
      {allowed.has('withdraw') ? (
        <Button danger icon={<UndoOutlined aria-hidden />} onClick={() => setDialog('withdraw')}>
          {t('deals.action.withdraw')}
        </Button>
      ) : null}

      <RegisterDialog deal={deal} open={dialog === 'register'} onClose={close} />
      <AmendDialog deal={deal} open={dialog === 'amend'} onClose={close} />
      <VoidDialog deal={deal} open={dialog === 'void'} onClose={close} />
      <ReverseDialog deal={deal} open={dialog === 'reverse'} onClose={close} />
      <WithdrawDialog deal={deal} open={dialog === 'withdraw'} onClose={close} />
    </>
  );
}
