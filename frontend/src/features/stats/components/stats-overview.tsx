import { BankOutlined, BulbOutlined, FlagOutlined, MoneyCollectOutlined, SolutionOutlined } from '@ant-design/icons';
import { Card, Col, Row, Skeleton, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

import { ErrorResult } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';
import type { MessageKey } from '@/i18n/messages';
import { formatAmount } from '@/utils/money';

import { useStats, type MarketplaceStats } from '../api/get-stats';

interface Figure {
  key: Exclude<keyof MarketplaceStats, 'transactions'>; // the year's volume has its own card (YearProgress)
  label: MessageKey;
  icon: ReactNode;
  to: string;
}

const FIGURES: Figure[] = [
  { key: 'open_challenges', label: 'stats.openChallenges', icon: <FlagOutlined aria-hidden />, to: '/challenges?status=published' },
  { key: 'open_bounty', label: 'stats.openBounty', icon: <MoneyCollectOutlined aria-hidden />, to: '/challenges?status=published' },
  { key: 'open_needs', label: 'stats.openNeeds', icon: <SolutionOutlined aria-hidden />, to: '/needs?status=open' },
  { key: 'capabilities', label: 'stats.capabilities', icon: <BulbOutlined aria-hidden />, to: '/capabilities?status=published' },
  { key: 'institutes', label: 'stats.institutes', icon: <BankOutlined aria-hidden />, to: '/capabilities' },
];

/** Live figures of the marketplace: open challenges and their bounty, open needs, capabilities, institutes. */
export function StatsOverview() {
  const { t, locale } = useI18n();
  const { data, error, isPending, refetch } = useStats();
  if (error && !data) return <ErrorResult error={error} onRetry={() => void refetch()} title={t('stats.error')} />;
  return (
    <Row gutter={[12, 12]} data-testid="stats-overview" aria-busy={isPending}>
      {FIGURES.map((figure) => (
        // Five figures share a row on a wide screen (the bounty, a longer figure, a little more).
        <Col key={figure.key} xs={12} sm={8} lg={{ flex: figure.key === 'open_bounty' ? '1.4 1 0' : '1 1 0' }}>
          <Card size="small" className="stat-card" style={{ height: '100%' }}>
            {data ? (
              <Link to={figure.to} className="stat-link" data-testid={`stat-${figure.key}`}>
                <Statistic
                  title={
                    <span>
                      {figure.icon} {t(figure.label)}
                    </span>
                  }
                  value={figure.key === 'open_bounty' ? formatAmount(data.open_bounty, locale) : data[figure.key]}
                  valueStyle={figure.key === 'open_bounty' ? { color: '#d4380d' } : undefined}
                />
              </Link>
            ) : (
              <Skeleton active paragraph={false} title={{ width: '80%' }} />
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
