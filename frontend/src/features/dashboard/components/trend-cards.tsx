import { Card, Collapse, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';

import { CardTitle } from '@/components/card-title';
import { useI18n } from '@/i18n/i18n';

import type { DashboardSummary, MonthFigure } from '../api/get-dashboard-summary';
import { drillTo, type DrillTarget } from '../api/get-drilldown';
import { buildCumulativeOption, buildMonthlyOption } from '../utils/chart-options';
import { expectedCumulativeByMonth, monthsElapsed } from '../utils/figures';

import { Amount, useAmountFormat, useChartContext } from './amount';
import { EChart } from './echart';
import { FigureButton } from './figure-button';

interface TrendProps {
  summary: DashboardSummary;
  onDrill: (target: DrillTarget) => void;
  isPhone: boolean;
}

/** Expected (even pace to the target) against actual, cumulative by month, with last year and the projection. */
export function CumulativeCard({ summary, onDrill, isPhone }: TrendProps) {
  const { t, formatDate } = useI18n();
  const ctx = useChartContext();
  const { format } = useAmountFormat();
  const option = useMemo(() => buildCumulativeOption(summary, ctx), [summary, ctx]);
  return (
    <Card title={<CardTitle>{t('dashboard.cumulative.title')}</CardTitle>} data-testid="cumulative-card">
      <EChart
        option={option}
        height={isPhone ? 440 : 480}
        onDrill={onDrill}
        ariaLabel={t('dashboard.cumulative.aria', {
          date: formatDate(summary.reference_date),
          actual: format(summary.counted_amount),
          expected: format(summary.expected_amount),
          target: format(summary.target_amount),
        })}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        {t('dashboard.cumulative.notePanels')}
      </Typography.Paragraph>
    </Card>
  );
}

interface MonthRow extends MonthFigure {
  expected: string;
  happened: boolean;
}

/** Monthly counted amounts, this year against last; every amount opens that month's contracts. */
export function MonthlyCard({ summary, onDrill, isPhone }: TrendProps) {
  const { t } = useI18n();
  const ctx = useChartContext();
  const option = useMemo(() => buildMonthlyOption(summary, ctx), [summary, ctx]);
  const rows = useMemo<MonthRow[]>(() => {
    const expected = expectedCumulativeByMonth(summary.target_amount, summary.year);
    const elapsed = monthsElapsed(summary.year, summary.reference_date);
    return summary.monthly.map((m, index) => ({ ...m, expected: expected[index] ?? '0', happened: m.month <= elapsed }));
  }, [summary]);
  const month = (m: number) => t('dashboard.month', { month: m });
  const target = (m: MonthFigure, year: number): DrillTarget => drillTo(summary, 'month', m.key, year);
  const columns: ColumnsType<MonthRow> = [
    { title: t('dashboard.table.month'), dataIndex: 'month', render: (m: number) => month(m), width: 64, fixed: 'left' },
    {
      title: t('dashboard.series.year', { year: summary.year }),
      key: 'amount',
      align: 'right',
      render: (_, m) => (
        <FigureButton target={target(m, summary.year)} label={t('dashboard.monthOfYear', { year: summary.year, month: m.month })} onDrill={onDrill}>
          <Amount value={m.amount} />
        </FigureButton>
      ),
    },
    { title: t('dashboard.table.deals'), dataIndex: 'deals', align: 'right', width: 80 },
    {
      title: t('dashboard.table.cumulative'),
      key: 'cumulative',
      align: 'right',
      render: (_, m) => (m.happened ? <Amount value={m.cumulative} /> : '—'),
    },
    { title: t('dashboard.series.expected'), key: 'expected', align: 'right', render: (_, m) => <Amount value={m.expected} /> },
    {
      title: t('dashboard.series.year', { year: summary.year - 1 }),
      key: 'last',
      align: 'right',
      render: (_, m) => (
        <FigureButton target={target(m, summary.year - 1)} label={t('dashboard.monthOfYear', { year: summary.year - 1, month: m.month })} onDrill={onDrill}>
          <Amount value={m.last_year_amount} />
        </FigureButton>
      ),
    },
    { title: t('dashboard.table.deals'), dataIndex: 'last_year_deals', align: 'right', width: 80 },
  ];

  return (
    <Card title={<CardTitle>{t('dashboard.monthly.title', { year: summary.year, last: summary.year - 1 })}</CardTitle>} data-testid="monthly-card">
      <EChart
        option={option}
        height={isPhone ? 240 : 300}
        onDrill={onDrill}
        ariaLabel={t('dashboard.monthly.aria', { year: summary.year, last: summary.year - 1 })}
      />
      <Collapse
        ghost
        size="small"
        items={[
          {
            key: 'table',
            label: t('dashboard.monthly.table'),
            children: (
              <Table<MonthRow>
                rowKey="month"
                size="small"
                columns={columns}
                dataSource={rows}
                pagination={false}
                scroll={{ x: 720 }}
                data-testid="monthly-table"
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
