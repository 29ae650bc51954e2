import { Tag, Typography } from 'antd';

import { useI18n } from '@/i18n/i18n';
import { BID_STATUS_COLORS, type BidStatus } from '@/utils/enums';

import type { Bid } from '../api/bids';

export function BidStatusTag({ status }: { status: BidStatus | undefined }) {
  const { t } = useI18n();
  const value = status ?? 'submitted';
  return (
    <Tag color={BID_STATUS_COLORS[value]} data-testid="bid-status" data-status={value}>
      {t(`enum.bidStatus.${value}`)}
    </Tag>
  );
}

export function BidPartners({ bid }: { bid: Pick<Bid, 'partners'> }) {
  const { t } = useI18n();
  if (bid.partners.length === 0) return <Typography.Text type="secondary">{t('bids.alone')}</Typography.Text>;
  return (
    <ul className="plain-list">
      {bid.partners.map((partner) => (
        <li key={partner.organisation.id}>
          {partner.role ? t('common.withNote', { text: partner.organisation.name, note: partner.role }) : partner.organisation.name}
        </li>
      ))}
    </ul>
  );
}

export function BidMilestones({ bid }: { bid: Bid }) {
  const { t } = useI18n();
  if (bid.milestones.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <ol className="plain-list">
      {[...bid.milestones]
        .sort((a, b) => a.due_day - b.due_day)
        .map((milestone, index) => (
          <li key={`${milestone.due_day}-${index}`}>
            <Typography.Text strong>{t('bids.milestoneDay', { day: milestone.due_day })}</Typography.Text> {milestone.title}
            {milestone.deliverable ? <div className="muted">{t('bids.deliverable', { text: milestone.deliverable })}</div> : null}
          </li>
        ))}
    </ol>
  );
}
