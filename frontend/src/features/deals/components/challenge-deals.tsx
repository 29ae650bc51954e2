import { Card, List, Space, Typography } from 'antd';
import { Link } from 'react-router';

import { ErrorResult, LoadingBlock } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';

import { AWARDED_STATUSES } from '../api/get-deal-prefill';
import { useDeals } from '../api/get-deals';
import { Amount, DealStatusTag } from './deal-tags';

export interface ChallengeDealsProps {
  challenge: { id: number; status?: string; organisation: { id: number } };
}

/**
 * On an awarded challenge's page, for its organisation: the contracts recorded from it, so none is
 * recorded twice by mistake (the "登记合同" button is among the owner's actions in the header).
 */
export function ChallengeDeals({ challenge }: ChallengeDealsProps) {
  const { t, formatDate } = useI18n();
  const awarded = AWARDED_STATUSES.includes(challenge.status ?? 'draft');
  // The API filters by origin and party but not by challenge: the challenge's organisation is a
  // party to every contract recorded from it, so its contracts from challenges are few enough.
  const deals = useDeals(
    { origin: 'challenge', organisation: challenge.organisation.id, page_size: 200 },
    { enabled: awarded },
  );
  if (!awarded) return null;

  let body;
  if (deals.isPending) body = <LoadingBlock rows={1} />;
  else if (deals.error) body = <ErrorResult error={deals.error} onRetry={() => void deals.refetch()} />;
  else {
    const mine = deals.data.results.filter((deal) => deal.origin_challenge === challenge.id);
    body = mine.length === 0 ? (
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('deals.ofChallenge.empty')}
      </Typography.Paragraph>
    ) : (
      <List
        size="small"
        dataSource={mine}
        renderItem={(deal) => (
          <List.Item data-testid="challenge-deal">
            <Space wrap size={[8, 4]}>
              <Link to={`/deals/${deal.id}`}>{deal.title}</Link>
              <Typography.Text type="secondary">{deal.contract_number}</Typography.Text>
              <Amount value={deal.technical_amount} />
              <Typography.Text type="secondary">{formatDate(deal.signed_on)}</Typography.Text>
              <DealStatusTag status={deal.status} />
            </Space>
          </List.Item>
        )}
      />
    );
  }
  return (
    <Card
      title={<h2 className="card-title">{t('deals.ofChallenge.title')}</h2>}
      data-testid="challenge-deals"
    >
      {body}
    </Card>
  );
}
