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

type PartnerState = Bid['partners'][number]['state'];
const PARTNER_STATE_COLORS: Record<PartnerState, string> = { pending: 'warning', accepted: 'success', declined: 'default' };

export function PartnerStateTag({ state }: { state: PartnerState }) {
  const { t } = useI18n();
  return (
    <Tag color={PARTNER_STATE_COLORS[state]} data-testid="partner-state" data-state={state} bordered={false}>
      {t(`enum.partnerState.${state}`)}
    </Tag>
  );
}

/** The consortium with each partner's answer: only accepted partners are members; declined ones are struck out. */
export function BidPartners({ bid }: { bid: Pick<Bid, 'partners'> }) {
  const { t } = useI18n();
  if (bid.partners.length === 0) return <Typography.Text type="secondary">{t('bids.alone')}</Typography.Text>;
  return (
    <ul className="plain-list">
      {bid.partners.map((partner) => {
        const name = partner.role ? t('common.withNote', { text: partner.organisation.name, note: partner.role }) : partner.organisation.name;
        return (
          <li key={partner.organisation.id} data-testid="bid-partner">
            {partner.state === 'declined' ? <Typography.Text delete>{name}</Typography.Text> : name} <PartnerStateTag state={partner.state} />
          </li>
        );
      })}
    </ul>
  );
}

/** Whether a partner has still to answer: such a bid can be neither shortlisted nor awarded. */
export const hasPendingPartners = (bid: Pick<Bid, 'partners'>) => bid.partners.some((partner) => partner.state === 'pending');

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

/** Why the owner did not award the bid (its team and the owner read it; the API shows it to nobody else). */
export function NotAwardedReason({ bid }: { bid: Pick<Bid, 'not_awarded_reason' | 'not_awarded_note'> }) {
  const { t } = useI18n();
  if (!bid.not_awarded_reason) return null;
  const reason = t(`enum.notAwardedReason.${bid.not_awarded_reason}`);
  return (
    <Typography.Paragraph type="secondary" data-testid="not-awarded-reason" style={{ margin: '4px 0 0' }}>
      {t('bids.notAwardedReason', { reason: bid.not_awarded_note ? t('common.withNote', { text: reason, note: bid.not_awarded_note }) : reason })}
    </Typography.Paragraph>
  );
}
