import { App } from 'antd';

import { FormModal } from '@/components/form-modal';
import { useI18n } from '@/i18n/i18n';
import { isOneOf } from '@/utils/enums';

import { useDealAction } from '../api/deal-actions';
import { DEAL_ENTRY_KINDS } from './deal-tags';
import { ReasonField } from './ledger-fields';
import type { LedgerDialogProps } from './register-dialog';

/**
 * Ending a contract with a reason: 作废 (ledger keepers; it stays in the ledger but no longer
 * counts) or 撤回 (the recording organisation, before registration; it ends 已作废 too).
 */
function EndDialog({ deal, open, onClose, action: name }: LedgerDialogProps & { action: 'void' | 'withdraw' }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const action = useDealAction(deal.id);
  return (
    <FormModal<{ reason: string }>
      open={open}
      title={t(`deals.action.${name}.title`)}
      intro={t(`deals.action.${name}.intro`)}
      okText={t(`deals.action.${name}`)}
      danger
      initialValues={{ reason: '' }}
      onSubmit={(values) =>
        action.mutateAsync({ action: name, body: { reason: values.reason.trim() } }).then(() => void message.success(t(`deals.action.${name}.done`)))
      }
      onClose={onClose}
    >
      <ReasonField />
    </FormModal>
  );
}

export const VoidDialog = (props: LedgerDialogProps) => <EndDialog {...props} action="void" />;
export const WithdrawDialog = (props: LedgerDialogProps) => <EndDialog {...props} action="withdraw" />;

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
