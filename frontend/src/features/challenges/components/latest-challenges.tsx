import { ClockCircleOutlined } from '@ant-design/icons';
import { Flex, List, Typography } from 'antd';
import { Link } from 'react-router';

import { EmptyBlock, ErrorResult, LoadingBlock } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';
import { industryName } from '@/i18n/industries';
import { formatAmount } from '@/utils/money';

import { useChallenges, type ChallengeQuery } from '../api/get-challenges';
import { ModeTag } from './challenge-tags';

export const LATEST_CHALLENGES_QUERY: ChallengeQuery = { status: 'published', page: 1, page_size: 5 };

/** The newest published challenges, for the home page. */
export function LatestChallenges() {
  const { t, locale, formatDate } = useI18n();
  const { data, error, isPending, refetch } = useChallenges(LATEST_CHALLENGES_QUERY);
  if (isPending) return <LoadingBlock rows={4} label={t('challenges.loading')} />;
  if (error && !data) return <ErrorResult error={error} onRetry={() => void refetch()} />;
  if (data.results.length === 0) return <EmptyBlock title={t('challenges.latest.empty')} />;
  return (
    <List
      data-testid="latest-challenges"
      itemLayout="vertical"
      dataSource={data.results}
      renderItem={(challenge) => (
        <List.Item key={challenge.id}>
          <Flex justify="space-between" align="flex-start" gap={12} wrap>
            <div style={{ flex: '1 1 280px', minWidth: 0 }}>
              <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
                <Link to={`/challenges/${challenge.id}`}>{challenge.title}</Link>
              </Typography.Title>
              <Flex wrap gap="4px 12px" className="listing-meta" style={{ marginTop: 6 }}>
                <span>{challenge.organisation.name}</span>
                <span>{industryName(challenge.industry, locale)}</span>
                <span>
                  <ClockCircleOutlined aria-hidden /> {t('challenges.deadlineOn', { date: formatDate(challenge.bid_deadline) })}
                </span>
                <ModeTag mode={challenge.mode} maxWinners={challenge.max_winners} />
              </Flex>
            </div>
            <div className="listing-amount">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('challenges.field.bounty')}
              </Typography.Text>
              <div className="amount">{formatAmount(challenge.bounty, locale)}</div>
            </div>
          </Flex>
        </List.Item>
      )}
    />
  );
}
