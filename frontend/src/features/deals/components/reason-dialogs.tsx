import { App } from 'antd';

import { FormModal } from '@/components/form-modal';
import { useI18n } from '@/i18n/i18n';
import { isOneOf } from '@/utils/enums';

import { useDealAction } from '../api/deal-actions';
import { DEAL_ENTRY_KINDS } from './deal-tags';
import { ReasonField } from './ledger-fields';
import type { LedgerDialogProps } from './register-dialog';

/** 作废: the contract stays in the ledger but no longer counts. */
export function VoidDialog({ deal, open, onClose }: LedgerDialogProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const action = useDealAction(deal.id);
  return (
    <FormModal<{ reason: string }>
      open={open}
      title={t('deals.action.void.title')}
      intro={t('deals.action.void.intro')}
      okText={t('deals.action.void')}
      danger
      initialValues={{ reason: '' }}
      onSubmit={(values) =>
        action.mutateAsync({ action: 'void', body: { reason: values.reason.trim() } }).then(() => void message.success(t('deals.action.void.done')))
      }
      onClose={onClose}
    >
      <ReasonField />
    </FormModal>
  );
}

/** 撤回: the recording organisation takes back a contract not yet registered (it ends 已作废). */
export function WithdrawDialog({ deal, open, onClose }: LedgerDialogProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const action = useDealAction(deal.id);
  return (
    <FormModal<{ reason: string }>
      open={open}
      title={t('deals.action.withdraw.title')}
      intro={t('deals.action.withdraw.intro')}
      okText={t('deals.action.withdraw')}
      danger
      initialValues={{ reason: '' }}
      onSubmit={(values) =>
        action
          .mutateAsync({ action: 'withdraw', body: { reason: values.reason.trim() } })
          .then(() => void message.success(t('deals.action.withdraw.done')))
      }
      onClose={onClose}
    >
      <ReasonField />
    </FormModal>
  );
}

/** 冲销: undoes the latest ledger line (the dialog says which). */
export function ReverseDialog({ deal, open, onClose }: LedgerDialogProps) {
  const { t, formatDateTime } = useI18n();
  const { message } = App.useApp();
  const action = useDealAction(deal.id);
  const entries = deal.entries;
  const latest = entries[entries.length - 1];
  if (!latest) return null;
  const kind = isOneOf(DEAL_ENTRY_KINDS, latest.kind) ? t(`enum.dealEntryKind.${latest.kind}`) : latest.kind;
  return (
    <FormModal<{ reason: string }>
      open={open}
      title={t('deals.action.reverse.title')}
      intro={t('deals.action.reverse.intro', { n: entries.length, kind, by: latest.by, at: latest.at ? formatDateTime(latest.at) : '' })}
      okText={t('deals.action.reverse')}
      initialValues={{ reason: '' }}
      onSubmit={(values) =>
        action
          .mutateAsync({ action: 'reverse', body: { entry: latest.id, reason: values.reason.trim() } })
          .then(() => void message.success(t('deals.action.reverse.done')))
      }
      onClose={onClose}
    >
      <ReasonField />
    </FormModal>
  );
}
