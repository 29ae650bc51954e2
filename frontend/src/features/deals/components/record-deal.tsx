import { Alert, App, Card } from 'antd';
import { useNavigate } from 'react-router';

import { ErrorResult, LoadingBlock } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';
import { isApiError } from '@/lib/api-error';
import type { User } from '@/lib/auth';
import { CHALLENGE_STATUSES, type ChallengeStatus } from '@/utils/enums';

import { useDealPrefill, type DealPrefill, type DealSource } from '../api/get-deal-prefill';
import { useRecordDeal } from '../api/record-deal';
import { DealForm } from './deal-form';
import { isLedgerKeeper } from './keeper';

function RecordForm({ prefill }: { prefill?: DealPrefill }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const record = useRecordDeal();
  return (
    <Card>
      <DealForm
        prefill={prefill}
        submitting={record.isPending}
        onSubmit={(input) =>
          record.mutateAsync(input).then((deal) => {
            void message.success(t('dealForm.created'));
            void navigate(`/deals/${deal.id}`);
          })
        }
      />
    </Card>
  );
}

/**
 * Recording a contract: from an awarded challenge, a need or a capability (the posting's
 * organisation, officials and the operator), pre-filled by the server; or an offline contract
 * (officials and the operator only).
 */
export function RecordDeal({ source, user }: { source: DealSource | null; user: User }) {
  const { t } = useI18n();
  const prefill = useDealPrefill(source);

  if (source === null) {
    return isLedgerKeeper(user) ? <RecordForm /> : <Alert type="warning" showIcon message={t('dealForm.offlineNotAllowed')} />;
  }
  if (prefill.isPending) return <LoadingBlock rows={6} />;
  if (prefill.error) {
    const error = prefill.error;
    if (isApiError(error) && error.status === 403) return <Alert type="warning" showIcon message={t('dealForm.notAllowed')} />;
    if (isApiError(error) && error.status === 409) {
      const status = error.extra.status;
      const message = CHALLENGE_STATUSES.includes(status as ChallengeStatus)
        ? t('dealForm.notAwarded', { status: t(`enum.challengeStatus.${status as ChallengeStatus}`) })
        : error.detail; // a draft need or capability: the server says which
      return <Alert type="warning" showIcon message={message} />;
    }
    return <ErrorResult error={error} onRetry={() => void prefill.refetch()} />;
  }
  return <RecordForm prefill={prefill.data} />;
}
