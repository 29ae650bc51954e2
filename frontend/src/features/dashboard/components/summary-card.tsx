import { Card, Col, Row, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';

import { CardTitle } from '@/components/card-title';
import { useI18n } from '@/i18n/i18n';

import type { DashboardSummary } from '../api/get-dashboard-summary';
import { drillTo, type DrillTarget } from '../api/get-drilldown';
import { buildGaugeOption } from '../utils/chart-options';
import { formatRatio, paceOf, type Pace } from '../utils/figures';

import { Amount, useAmountFormat, useChartContext } from './amount';
import { EChart } from './echart';
import { FigureButton } from './figure-button';
import { Kpi } from './kpi';

/**
 * The year at a glance: a gauge of progress to the target (with the even-pace position), the
 * counted amount (click: every counted contract), the gap to the even pace, last year and the
 * projection with the API's explanation of how it was made.
 */
export function SummaryCard({ summary, onDrill, isPhone }: { summary: DashboardSummary; onDrill: (target: DrillTarget) => void; isPhone: boolean }) {
  const { t, formatDate } = useI18n();
  const ctx = useChartContext();
  const { format } = useAmountFormat();
  const option = useMemo(() => buildGaugeOption(summary, ctx), [summary, ctx]);
  const total = drillTo(summary, 'total', '');
  const lastYear = drillTo(summary, 'total', '', summary.year - 1);
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
                <Amount value={summary.counted_amount} />
              </FigureButton>
            </Kpi>
            <Kpi
              label={t('dashboard.kpi.target')}
              testId="kpi-target"
              hint={
                <Tooltip title={summary.rule.target_source_text}>
                  <Tag color={summary.target_source === 'policy' ? 'green' : 'default'} style={{ marginTop: 2 }} data-testid="target-source">
                    {t(`dashboard.target.source.${summary.target_source}`)}
                  </Tag>
                </Tooltip>
              }
            >
              <Amount value={summary.target_amount} />
            </Kpi>
            <Kpi
              label={t('dashboard.kpi.progress')}
              testId="kpi-progress"
              hint={t('dashboard.kpi.expectedHint', {
                date: formatDate(summary.reference_date),
                amount: format(summary.expected_amount),
                progress: formatRatio(summary.expected_progress),
              })}
            >
              {formatRatio(summary.progress, 2)}
            </Kpi>
            <Kpi label={t('dashboard.kpi.gap')} testId="kpi-gap">
              <PaceText pace={paceOf(summary)} gap={summary.gap_to_expected} year={summary.year} />
            </Kpi>
            <Kpi
              label={t('dashboard.kpi.lastYear', { year: summary.year - 1 })}
              testId="kpi-last-year"
              hint={t('dashboard.kpi.samePeriod', { amount: format(summary.last_year_same_period_amount) })}
            >
              <FigureButton target={lastYear} label={t('dashboard.kpi.lastYear', { year: summary.year - 1 })} onDrill={onDrill} strong>
                <Amount value={summary.last_year_amount} />
              </FigureButton>
            </Kpi>
            <Kpi label={t('dashboard.kpi.projection')} testId="kpi-projection">
              {summary.projection.method === 'not_started' ? '—' : <Amount value={summary.projection.amount} />}{' '}
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

const PACE_COLORS: Partial<Record<Pace, string>> = { behind: '#cf1322', ahead: '#389e0d', on_pace: '#389e0d' };

/** 落后 / 领先 / 持平 the even pace, or why there is no pace yet (never a green "领先 0元" for a future year). */
function PaceText({ pace, gap, year }: { pace: Pace; gap: string; year: number }) {
  const { t } = useI18n();
  const { format, exact } = useAmountFormat();
  const distance = gap.replace(/^-/, '');
  const color = { color: PACE_COLORS[pace] ?? 'rgba(0,0,0,0.55)' };
  if (pace === 'behind' || pace === 'ahead') {
    return (
      <Tooltip title={exact(distance)} mouseEnterDelay={0.3}>
        <span style={color} data-pace={pace}>
          {t(pace === 'behind' ? 'dashboard.kpi.behind' : 'dashboard.kpi.ahead', { amount: format(distance) })}
        </span>
      </Tooltip>
    );
  }
  const words = {
    on_pace: t('dashboard.kpi.onPace'),
    not_started: t('dashboard.kpi.notStarted', { year }),
    no_expectation: t('dashboard.kpi.noExpectation'),
    city_target: t('dashboard.kpi.cityTarget'),
  }[pace];
  return (
    <span style={{ ...color, fontSize: pace === 'on_pace' ? undefined : 14, fontWeight: pace === 'on_pace' ? undefined : 'normal' }} data-pace={pace}>
      {pace === 'on_pace' ? words : `— ${words}`}
    </span>
  );
}

const METHODS = ['seasonal', 'linear', 'final', 'not_started'] as const;

function projectionMethod(method: string): (typeof METHODS)[number] {
  return (METHODS as readonly string[]).includes(method) ? (method as (typeof METHODS)[number]) : 'linear';
}
