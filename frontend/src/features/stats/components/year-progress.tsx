import { RiseOutlined } from '@ant-design/icons';
import { Card, Progress, Skeleton, Typography } from 'antd';

import { useI18n } from '@/i18n/i18n';
import { formatAmount } from '@/utils/money';

import { useStats } from '../api/get-stats';

/** Percent (0–100, one decimal) from the API's ratio string ("0.4312"), for the bar only. */
export function progressPercent(ratio: string): number {
  const value = Number(ratio);
  return Number.isFinite(value) ? Math.min(100, Math.max(0, Math.round(value * 1000) / 10)) : 0;
}

/** The year's registered technology-transaction volume against its target (200亿元 in 2027). */
export function YearProgress() {
  const { t, locale } = useI18n();
  const { data } = useStats();
  if (!data) return <Skeleton active paragraph={{ rows: 1 }} />;
  const { year, counted_amount, target_amount, counted_deals, progress } = data.transactions;
  const percent = progressPercent(progress);
  return (
    <Card size="small" data-testid="year-progress">
      <Typography.Text strong>
        <RiseOutlined aria-hidden /> {t('stats.transactions.title', { year })}
      </Typography.Text>
      <Progress
        percent={percent}
        format={() => `${percent}%`}
        aria-label={t('stats.transactions.aria', { year, percent })}
        strokeColor="#d4380d"
      />
      <Typography.Text type="secondary">
        {t('stats.transactions.detail', {
          counted: formatAmount(counted_amount, locale),
          target: formatAmount(target_amount, locale),
          deals: counted_deals,
        })}
      </Typography.Text>
    </Card>
  );
}
