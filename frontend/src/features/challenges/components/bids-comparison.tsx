import { TrophyOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Flex, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';

import { ErrorResult, LoadingBlock, useErrorMessage } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';
import { formatAmount } from '@/utils/money';

import { useBids, useShortlistBid, type Bid } from '../api/bids';
import type { Challenge } from '../api/get-challenge';
import { AwardModal } from './award-modal';
import { BidMilestones, BidPartners, BidStatusTag, NotAwardedReason, hasPendingPartners } from './bid-parts';

const LIVE: readonly string[] = ['submitted', 'shortlisted'];

interface Row {
  key: string;
  label: string;
  render: (bid: Bid) => ReactNode;
}

/**
 * The owner's view of every bid, side by side (one column per bid) so price, duration, partners
 * and milestones compare at a glance; shortlisting and choosing the winners (定榜) happen here.
 */
export function BidsComparison({ challenge }: { challenge: Challenge }) {
  const { t, locale, formatMinute } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const { data: bids, error, isPending, refetch } = useBids(challenge.id);
  const shortlist = useShortlistBid(challenge.id);
  const [selected, setSelected] = useState<number[]>([]);
  const [awardOpen, setAwardOpen] = useState(false);

  if (isPending) return <LoadingBlock rows={4} />;
  if (error) return <ErrorResult error={error} onRetry={() => void refetch()} />;
  if (bids.length === 0) {
    return <Typography.Paragraph type="secondary">{t('bids.empty')}</Typography.Paragraph>;
  }

  const maxWinners = challenge.max_winners ?? 1;
  const canDecide = challenge.status === 'published' || challenge.status === 'closed';
  const toggle = (bidId: number, checked: boolean) =>
    setSelected((current) => (checked ? [...current, bidId] : current.filter((id) => id !== bidId)));

  const rows: Row[] = [
    {
      key: 'status',
      label: t('bids.status'),
      render: (bid) => (
        <>
          <BidStatusTag status={bid.status} />
          <NotAwardedReason bid={bid} />
        </>
      ),
    },
    {
      key: 'price',
      label: t('bids.price'),
      render: (bid) => (
        <span className="amount" title={t('common.yuanExact', { amount: bid.price })}>
          {formatAmount(bid.price, locale)}
        </span>
      ),
    },
    { key: 'duration', label: t('bids.duration'), render: (bid) => t('bids.days', { days: bid.duration_days }) },
    { key: 'partners', label: t('bids.partners'), render: (bid) => <BidPartners bid={bid} /> },
    {
      key: 'proposal',
      label: t('bids.proposal'),
      render: (bid) => <Typography.Paragraph ellipsis={{ rows: 4, expandable: true }} style={{ margin: 0 }}>{bid.proposal}</Typography.Paragraph>,
    },
    {
      key: 'approach',
      label: t('bids.approach'),
      render: (bid) => <Typography.Paragraph ellipsis={{ rows: 4, expandable: true }} style={{ margin: 0 }}>{bid.approach}</Typography.Paragraph>,
    },
    { key: 'milestones', label: t('bids.milestones'), render: (bid) => <BidMilestones bid={bid} /> },
    { key: 'created', label: t('bids.submittedAt'), render: (bid) => formatMinute(bid.created_at) },
  ];
  if (canDecide) {
    rows.push({
      key: 'decide',
      label: t('common.actions'),
      render: (bid) =>
        LIVE.includes(bid.status ?? 'submitted') && hasPendingPartners(bid) ? (
          // The server refuses both (409) until every partner has answered; say so instead of offering them.
          <Typography.Text type="warning" data-testid="partners-pending">
            {t('bids.partnersPending')}
          </Typography.Text>
        ) : LIVE.includes(bid.status ?? 'submitted') ? (
          <Flex vertical gap={8} align="flex-start">
            {bid.status === 'submitted' ? (
              <Button
                size="small"
                loading={shortlist.isPending && shortlist.variables === bid.id}
                onClick={() =>
                  shortlist.mutate(bid.id, {
                    onSuccess: () => void message.success(t('bids.shortlisted', { name: bid.organisation.name })),
                    onError: (err) => void message.error(describe(err)),
                  })
                }
              >
                {t('bids.shortlist')}
              </Button>
            ) : null}
            <Checkbox
              checked={selected.includes(bid.id)}
              disabled={!selected.includes(bid.id) && selected.length >= maxWinners}
              onChange={(event) => toggle(bid.id, event.target.checked)}
            >
              {t('bids.selectWinner')}
            </Checkbox>
          </Flex>
        ) : null,
    });
  }

  return (
    <>
      {canDecide ? (
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">
            {t('bids.awardHint', { mode: t(`enum.mode.${challenge.mode ?? 'jiebang'}`), n: maxWinners })}
          </Typography.Text>
          <Button type="primary" icon={<TrophyOutlined aria-hidden />} disabled={selected.length === 0} onClick={() => setAwardOpen(true)}>
            {t('bids.award', { n: selected.length, max: maxWinners })}
          </Button>
        </Flex>
      ) : null}
      <Table<Row>
        data-testid="bids-comparison"
        size="small"
        bordered
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowKey="key"
        dataSource={rows}
        columns={[
          { key: 'label', title: t('bids.attribute'), dataIndex: 'label', fixed: 'left', width: 96, render: (label: string) => <strong>{label}</strong> },
          ...bids.map((bid) => ({
            key: String(bid.id),
            title: bid.organisation.name,
            width: 260,
            onCell: () => ({ className: bid.status === 'withdrawn' || bid.status === 'not_awarded' ? 'bid-inactive' : undefined }),
            render: (_: unknown, row: Row) => row.render(bid),
          })),
        ]}
      />
      <AwardModal
        open={awardOpen}
        challenge={challenge}
        bids={bids}
        winners={selected}
        onDone={() => {
          setSelected([]);
          void message.success(t('challenges.action.award.done'));
        }}
        onClose={() => setAwardOpen(false)}
      />
    </>
  );
}
