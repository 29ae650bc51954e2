import { Alert, App, Card } from 'antd';
import { useNavigate } from 'react-router';

import { ErrorResult, LoadingBlock } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';
import type { User } from '@/lib/auth';

import { AWARDED_STATUSES, useChallengePrefill, type ChallengePrefill } from '../api/get-challenge-prefill';
import { useRecordDeal } from '../api/record-deal';
import { DealForm } from './deal-form';
import { isLedgerKeeper } from './keeper';

function RecordForm({ prefill }: { prefill?: ChallengePrefill }) {
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
 * Recording a contract: from an awarded challenge (its organisation, officials and the operator),
 * pre-filled; or an offline contract (officials and the operator only).
 */
export function RecordDeal({ challengeId, user }: { challengeId: number | null; user: User }) {
  const { t } = useI18n();
  const prefill = useChallengePrefill(challengeId);
  const keeper = isLedgerKeeper(user);

  if (challengeId === null) {
    return keeper ? <RecordForm /> : <Alert type="warning" showIcon message={t('dealForm.offlineNotAllowed')} />;
  }
  if (prefill.isPending) return <LoadingBlock rows={6} />;
  if (prefill.error) return <ErrorResult error={prefill.error} onRetry={() => void prefill.refetch()} />;
  const { challenge } = prefill.data;
  if (!keeper && user.organisation?.id !== challenge.organisation.id) {
    return <Alert type="warning" showIcon message={t('dealForm.notAllowed')} />;
  }
  if (!AWARDED_STATUSES.includes(challenge.status ?? 'draft')) {
    return <Alert type="warning" showIcon message={t('dealForm.notAwarded', { status: t(`enum.challengeStatus.${challenge.status ?? 'draft'}`) })} />;
  }
  return <RecordForm prefill={prefill.data} />;
}
