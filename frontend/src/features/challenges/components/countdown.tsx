import { FieldTimeOutlined, TeamOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import dayjs from 'dayjs';

import { useI18n } from '@/i18n/i18n';

import type { ChallengeSummary } from '../api/get-challenges';

export type Countdown = { kind: 'days'; days: number } | { kind: 'today' } | { kind: 'over' };

/** Time left to bid, in calendar days of the reader's clock: a deadline tonight is 今日截止, not "0 天". */
export function countdown(deadline: string, now: Date = new Date()): Countdown {
  const end = dayjs(deadline);
  if (!end.isAfter(now)) return { kind: 'over' };
  const days = end.startOf('day').diff(dayjs(now).startOf('day'), 'day');
  return days === 0 ? { kind: 'today' } : { kind: 'days', days };
}

/** 还剩 N 天 / 今日截止 / 已截止 while the challenge takes bids; afterwards its status says enough. */
export function CountdownTag({ challenge }: { challenge: Pick<ChallengeSummary, 'bid_deadline' | 'status'> }) {
  const { t } = useI18n();
  if (challenge.status !== 'published') return null;
  const left = countdown(challenge.bid_deadline);
  let text: string;
  if (left.kind === 'over') text = t('challenges.countdown.over');
  else if (left.kind === 'today') text = t('challenges.countdown.today');
  else text = left.days === 1 ? t('challenges.countdown.oneDay') : t('challenges.countdown.days', { n: left.days });
  const urgent = left.kind !== 'days' || left.days <= 7;
  return (
    <Tag color={urgent ? 'orange' : 'blue'} icon={<FieldTimeOutlined aria-hidden />} data-testid="challenge-countdown" data-kind={left.kind}>
      {text}
    </Tag>
  );
}

/** How many bids the challenge has received (never who sent them). */
export function BidCount({ count }: { count: number }) {
  const { t } = useI18n();
  return (
    <span data-testid="challenge-bid-count">
      <TeamOutlined aria-hidden /> {count === 1 ? t('challenges.bidCount.one') : t('challenges.bidCount', { n: count })}
    </span>
  );
}
