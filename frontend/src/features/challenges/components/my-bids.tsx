import { App, Button, Card, Descriptions, Popconfirm, Typography } from 'antd';

import { useErrorMessage } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';
import { formatAmount } from '@/utils/money';

import { useWithdrawBid, type Bid } from '../api/bids';
import { BidMilestones, BidPartners, BidStatusTag, NotAwardedReason } from './bid-parts';

/** The bids of the viewer's organisation (as lead or consortium partner), with withdraw. */
export function MyBids({ challengeId, bids, myOrganisationId }: { challengeId: number; bids: Bid[]; myOrganisationId: number }) {
  const { t, locale, formatMinute } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const withdraw = useWithdrawBid(challengeId);

  return (
    <div data-testid="my-bids">
      {bids.map((bid) => {
        const lead = bid.organisation.id === myOrganisationId;
        const live = bid.status === 'submitted' || bid.status === 'shortlisted';
        return (
          <Card
            key={bid.id}
            size="small"
            style={{ marginBottom: 12 }}
            title={lead ? t('bids.mine') : t('bids.asPartner', { name: bid.organisation.name })}
            extra={<BidStatusTag status={bid.status} />}
          >
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              items={[
                { key: 'price', label: t('bids.price'), children: formatAmount(bid.price, locale) },
                { key: 'duration', label: t('bids.duration'), children: t('bids.days', { days: bid.duration_days }) },
                { key: 'created', label: t('bids.submittedAt'), children: formatMinute(bid.created_at) },
                { key: 'partners', label: t('bids.partners'), children: <BidPartners bid={bid} /> },
                { key: 'proposal', label: t('bids.proposal'), span: 'filled', children: bid.proposal },
                { key: 'milestones', label: t('bids.milestones'), span: 'filled', children: <BidMilestones bid={bid} /> },
              ]}
            />
            <NotAwardedReason bid={bid} />
            {lead && live ? (
              <Popconfirm
                title={t('bids.withdrawConfirm')}
                okText={t('bids.withdraw')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() =>
                  withdraw.mutateAsync(bid.id).then(
                    () => void message.success(t('bids.withdrawn')),
                    (error: unknown) => void message.error(describe(error)),
                  )
                }
              >
                <Button danger size="small" loading={withdraw.isPending}>
                  {t('bids.withdraw')}
                </Button>
              </Popconfirm>
            ) : null}
            {bid.status === 'withdrawn' ? (
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {t('bids.withdrawnHint')}
              </Typography.Paragraph>
            ) : null}
          </Card>
        );
      })}
    </div>
  );
}
