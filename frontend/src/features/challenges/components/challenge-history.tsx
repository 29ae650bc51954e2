import { Timeline, Typography } from 'antd';

import { ErrorResult, LoadingBlock } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';
import { CHALLENGE_STATUS_COLORS, isOneOf, CHALLENGE_STATUSES } from '@/utils/enums';

import { useChallengeHistory, type ChallengeTransition } from '../api/get-challenge-history';

// Tag presets to timeline dot colours; 'purple' and 'cyan' are CSS colours already.
const TIMELINE_COLORS: Record<string, string> = { success: 'green', error: 'red', processing: 'blue', warning: 'orange', default: 'gray' };

/** Every status change: from, to, who (organisation and role), when and why (the API keeps them append-only). */
export function ChallengeHistory({ challengeId }: { challengeId: number }) {
  const { t, formatMinute } = useI18n();
  const { data, error, isPending, refetch } = useChallengeHistory(challengeId);
  if (isPending) return <LoadingBlock rows={2} label={t('challenges.history.loading')} />;
  if (error) return <ErrorResult error={error} onRetry={() => void refetch()} />;
  if (data.length === 0) return <Typography.Text type="secondary">{t('challenges.history.empty')}</Typography.Text>;

  // Who acted, as the API shows everybody: the organisation and its role (账号 only to the operator
  // and to the owner's own members, when the API sends `by`).
  const actor = (entry: ChallengeTransition) => {
    if (entry.by_role === 'system') return t('challenges.history.system');
    if (!entry.by_organisation) return entry.by_role_label;
    return t('challenges.history.actor', { role: entry.by_role_label, organisation: entry.by_organisation });
  };
  const label = (status: string) => (isOneOf(CHALLENGE_STATUSES, status) ? t(`enum.challengeStatus.${status}`) : status);
  return (
    <Timeline
      data-testid="challenge-history"
      items={data.map((entry, index) => ({
        key: `${entry.at}-${index}`,
        color: TIMELINE_COLORS[CHALLENGE_STATUS_COLORS[entry.to_status]] ?? CHALLENGE_STATUS_COLORS[entry.to_status],
        children: (
          <div>
            <Typography.Text strong>
              {entry.from_status === entry.to_status
                ? t('challenges.history.extended')
                : entry.from_status
                  ? t('challenges.history.change', { from: label(entry.from_status), to: label(entry.to_status) })
                  : label(entry.to_status)}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="history-actor">
                {formatMinute(entry.at)} · {actor(entry)}
                {entry.by ? ` · ${t('challenges.history.account', { username: entry.by })}` : null}
              </Typography.Text>
            </div>
            {entry.reason ? <div>{entry.reason}</div> : null}
          </div>
        ),
      }))}
    />
  );
}
