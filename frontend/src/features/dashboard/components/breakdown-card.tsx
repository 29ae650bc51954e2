import { Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, type ReactNode } from 'react';

import { CardTitle } from '@/components/card-title';
import { EmptyBlock } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';

import type { DashboardSummary, FigureItem } from '../api/get-dashboard-summary';
import { drillTo, isFigure, type DrillTarget } from '../api/get-drilldown';
import { buildBreakdownBarOption, buildShareOption, type ChartOption } from '../utils/chart-options';
import { formatRatio } from '../utils/figures';

import { Amount, useChartContext } from './amount';
import { EChart } from './echart';
import { FigureButton } from './figure-button';

export interface BreakdownCardProps {
  title: string;
  summary: DashboardSummary;
  items: readonly FigureItem[];
  onDrill: (target: DrillTarget) => void;
  /** Bars for many categories (districts, industries), a donut for a few shares (types, origins). */
  chart: 'bars' | 'donut' | 'none';
  /** Sort the bars by amount (industries); districts keep the API's fixed order. */
  sorted?: boolean;
  testId: string;
  /** Label column heading (区县, 产业链…). */
  labelTitle: string;
  /** Optional text under the label (a party's credit code). */
  describe?: (item: FigureItem) => ReactNode;
  extra?: ReactNode;
  footer?: ReactNode;
}

export function hasAmounts(items: readonly FigureItem[]): boolean {
  return items.some((item) => item.deals > 0);
}

/** One breakdown of the counted amount: a chart, and a table whose every amount opens its contracts. */
export function BreakdownCard({ title, summary, items, onDrill, chart, sorted, testId, labelTitle, describe, extra, footer }: BreakdownCardProps) {
  const { t } = useI18n();
  const ctx = useChartContext(items.map((item) => item.amount));
  const option = useMemo<ChartOption | null>(() => {
    if (chart === 'bars') return buildBreakdownBarOption(summary, items, ctx, { sorted });
    if (chart === 'donut') return buildShareOption(summary, items, ctx);
    return null;
  }, [chart, summary, items, ctx, sorted]);
  const columns: ColumnsType<FigureItem> = [
    {
      title: labelTitle,
      key: 'label',
      // Sticky while the figures scroll sideways on a narrow screen.
      fixed: 'left',
      width: 132,
      render: (_, item) => (
        <>
          <span>{item.label}</span>
          {describe ? <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{describe(item)}</div> : null}
        </>
      ),
    },
    {
      title: t('dashboard.table.amount'),
      key: 'amount',
      align: 'right',
      render: (_, item) =>
        isFigure(item.figure) ? (
          <FigureButton target={drillTo(summary, item.figure, item.key)} label={item.label} onDrill={onDrill}>
            <Amount value={item.amount} />
          </FigureButton>
        ) : (
          <Amount value={item.amount} />
        ),
    },
    { title: t('dashboard.table.deals'), dataIndex: 'deals', align: 'right', width: 72 },
    { title: t('dashboard.table.share'), key: 'share', align: 'right', width: 80, render: (_, item) => formatRatio(item.share) },
  ];
  const rowHeight = 30;
  return (
    <Card title={<CardTitle>{title}</CardTitle>} extra={extra} data-testid={testId} style={{ height: '100%' }}>
      {!hasAmounts(items) ? (
        <EmptyBlock title={t('dashboard.breakdown.empty')} />
      ) : (
        <>
          {option ? (
            <EChart
              option={option}
              onDrill={onDrill}
              height={chart === 'bars' ? Math.max(160, items.length * rowHeight + 40) : 260}
              ariaLabel={t('dashboard.breakdown.aria', { title })}
            />
          ) : null}
          <Table<FigureItem>
            rowKey={(item) => `${item.figure}:${item.key}`}
            size="small"
            columns={columns}
            dataSource={[...items]}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
          {footer ? <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>{footer}</Typography.Paragraph> : null}
        </>
      )}
    </Card>
  );
}
