import { Card, Col, Row, Tag, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';

import { CardTitle } from '@/components/card-title';
import { useI18n } from '@/i18n/i18n';
import { formatAmount } from '@/utils/money';

import type { DashboardSummary } from '../api/get-dashboard-summary';
import type { DrillTarget } from '../api/get-drilldown';
import { buildGaugeOption } from '../utils/chart-options';
import { formatRatio, isNegativeAmount } from '../utils/figures';

import { EChart } from './echart';
import { FigureButton } from './figure-button';

function Kpi({ label, children, hint, testId }: { label: string; children: ReactNode; hint?: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <dt style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>{label}</dt>
      <dd style={{ margin: 0, fontSize: 20, fontWeight: 600, lineHeight: 1.4, wordBreak: 'break-word' }}>{children}</dd>
      {hint ? <dd style={{ margin: 0, fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{hint}</dd> : null}
    </div>
  );
}

/**
 * The year at a glance: a gauge of progress to the target (with the even-pace position), the
 * counted amount (click: every counted contract), the gap to the even pace, last year and the
 * projection with the API's explanation of how it was made.
 */
export function SummaryCard({ summary, onDrill, isPhone }: { summary: DashboardSummary; onDrill: (target: DrillTarget) => void; isPhone: boolean }) {
  const { t, locale, formatDate } = useI18n();
  const option = useMemo(() => buildGaugeOption(summary, { t, locale }), [summary, t, locale]);
  const total: DrillTarget = { year: summary.year, figure: 'total', key: '', asOf: summary.as_of };
  const lastYear: DrillTarget = { ...total, year: summary.year - 1 };
  const behind = isNegativeAmount(summary.gap_to_expected);
  const gap = formatAmount(summary.gap_to_expected.replace(/^-/, ''), locale);
  const allLabel = t('dashboard.kpi.counted');

  return (
    <Card title={<CardTitle>{t('dashboard.summary.title', { year: summary.year })}</CardTitle>} data-testid="summary-card">
      <Row gutter={[24, 16]} align="middle">
        <Col xs={24} md={10}>
          <EChart
            option={option}
            height={isPhone ? 220 : 260}
            onDrill={onDrill}
            ariaLabel={t('dashboard.gauge.aria', {
              progress: formatRatio(summary.progress, 2),
              expected: formatRatio(summary.expected_progress),
            })}
          />
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center', fontSize: 12, marginBottom: 0 }}>
            <span style={{ color: '#1677ff' }} aria-hidden>
              ●
            </span>{' '}
            {t('dashboard.gauge.legendActual', { progress: formatRatio(summary.progress, 2) })}{' '}
            <span style={{ color: '#fa8c16' }} aria-hidden>
              ▼
            </span>{' '}
            {t('dashboard.gauge.legendExpected', { progress: formatRatio(summary.expected_progress) })}
          </Typography.Paragraph>
        </Col>
        <Col xs={24} md={14}>
          <dl style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: 16, margin: '0 0 12px' }}>
            <Kpi label={allLabel} testId="kpi-counted" hint={t('dashboard.dealsCount', { n: summary.counted_deals })}>
              <FigureButton target={total} label={allLabel} onDrill={onDrill} strong>
                {formatAmount(summary.counted_amount, locale)}
              </FigureButton>
            </Kpi>
            <Kpi label={t('dashboard.kpi.target')} testId="kpi-target">
              {formatAmount(summary.target_amount, locale)}
            </Kpi>
            <Kpi
              label={t('dashboard.kpi.progress')}
              testId="kpi-progress"
              hint={t('dashboard.kpi.expectedHint', {
                date: formatDate(summary.reference_date),
                amount: formatAmount(summary.expected_amount, locale),
                progress: formatRatio(summary.expected_progress),
              })}
            >
              {formatRatio(summary.progress, 2)}
            </Kpi>
            <Kpi label={t('dashboard.kpi.gap')} testId="kpi-gap">
              <span style={{ color: behind ? '#cf1322' : '#389e0d' }}>
                {behind ? t('dashboard.kpi.behind', { amount: gap }) : t('dashboard.kpi.ahead', { amount: gap })}
              </span>
            </Kpi>
            <Kpi
              label={t('dashboard.kpi.lastYear', { year: summary.year - 1 })}
              testId="kpi-last-year"
              hint={t('dashboard.kpi.samePeriod', { amount: formatAmount(summary.last_year_same_period_amount, locale) })}
            >
              <FigureButton target={lastYear} label={t('dashboard.kpi.lastYear', { year: summary.year - 1 })} onDrill={onDrill} strong>
                {formatAmount(summary.last_year_amount, locale)}
              </FigureButton>
            </Kpi>
            <Kpi label={t('dashboard.kpi.projection')} testId="kpi-projection">
              {summary.projection.method === 'not_started' ? '—' : formatAmount(summary.projection.amount, locale)}{' '}
              <Tag style={{ verticalAlign: 'middle', fontWeight: 'normal' }}>{t(`dashboard.projection.${projectionMethod(summary.projection.method)}`)}</Tag>
            </Kpi>
          </dl>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }} data-testid="projection-explanation">
            {summary.projection.explanation}
          </Typography.Paragraph>
        </Col>
      </Row>
    </Card>
  );
}

const METHODS = ['seasonal', 'linear', 'final', 'not_started'] as const;

function projectionMethod(method: string): (typeof METHODS)[number] {
  return (METHODS as readonly string[]).includes(method) ? (method as (typeof METHODS)[number]) : 'linear';
}
