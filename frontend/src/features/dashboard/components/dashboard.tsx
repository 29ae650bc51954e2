import { Col, Grid, Row, Typography } from 'antd';

import { PageHeader } from '@/components/page-header';
import { ErrorResult, LoadingBlock } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';

import { useDashboardSummary } from '../api/get-dashboard-summary';
import { useDashboardParams } from '../hooks/use-dashboard-params';
import { formatInUnit, pickUnit } from '../utils/amount-unit';
import { formatRatio } from '../utils/figures';

import { AmountUnitProvider } from './amount';

import { BreakdownCard } from './breakdown-card';
import { CountingRuleCard } from './counting-rule-card';
import { DashboardNav } from './dashboard-nav';
import { DashboardNotices, ScopeTag } from './dashboard-notices';
import { DrilldownDrawer } from './drilldown-drawer';
import { FlowsCard } from './flows-card';
import { FunnelCard } from './funnel-card';
import { QualificationsCard } from './qualifications-card';
import { SummaryCard } from './summary-card';
import { CumulativeCard, MonthlyCard } from './trend-cards';
import { YearControls } from './year-controls';

const GUTTER: [number, number] = [16, 16];

/**
 * The officials' dashboard for one year: progress to the target, expected against actual, months,
 * breakdowns (by qualification too), the 揭榜挂帅 funnel, top parties and the counting rule. Every
 * amount but the qualification breakdown's (no drill-down figure yet) opens the contracts behind it
 * in a drawer, from which exactly those rows can be exported.
 */
export function Dashboard() {
  const { t, locale } = useI18n();
  const screens = Grid.useBreakpoint();
  const isPhone = screens.md === false;
  const params = useDashboardParams();
  const summary = useDashboardSummary({ year: params.year, asOf: params.asOf, recordedAsOf: params.recordedAsOf });
  const data = summary.data;
  // One unit for the whole screen, from this year's and last year's totals (see pickUnit).
  const unit = pickUnit([data?.counted_amount, data?.last_year_amount], locale);
  // A zone's figure is already in its district's: say so beside it, so that no one adds them up.
  const zoneNotes = new Map(
    (data?.by_district ?? []).flatMap((item) =>
      item.parent ? [[item.key, t('dashboard.district.zoneOf', { district: t(`enum.region.${item.parent}`) })] as const] : [],
    ),
  );

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        intro={t('dashboard.intro')}
        tags={data ? <ScopeTag summary={data} /> : null}
        extra={
          <YearControls year={params.year} asOf={params.asOf} recordedAsOf={params.recordedAsOf} onYear={params.setYear} onDate={params.setDate} />
        }
      />
      <DashboardNav />
      {summary.isPending ? (
        <LoadingBlock cards={3} label={t('dashboard.loading')} />
      ) : summary.isError && !data ? (
        <ErrorResult error={summary.error} onRetry={() => void summary.refetch()} />
      ) : data ? (
        <AmountUnitProvider unit={unit}>
          <div
            aria-busy={summary.isPlaceholderData}
            style={{ opacity: summary.isPlaceholderData ? 0.6 : 1, transition: 'opacity 0.2s' }}
            data-testid="dashboard"
          >
            <DashboardNotices summary={data} />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 12 }} data-testid="amount-unit-note">
              {t('dashboard.amount.unitNote', { unit: t(`dashboard.unit.${unit.key}`) })}
            </Typography.Paragraph>
            <Row gutter={GUTTER}>
              <Col span={24}>
                <SummaryCard summary={data} onDrill={params.openDrill} isPhone={isPhone} />
              </Col>
              <Col span={24}>
                <FlowsCard summary={data} onDrill={params.openDrill} isPhone={isPhone} />
              </Col>
              <Col xs={24} xl={12}>
                <CumulativeCard summary={data} onDrill={params.openDrill} isPhone={isPhone} />
              </Col>
              <Col xs={24} xl={12}>
                <MonthlyCard summary={data} onDrill={params.openDrill} isPhone={isPhone} />
              </Col>
              <Col xs={24} lg={12}>
                <BreakdownCard
                  title={t('dashboard.breakdown.district')}
                  labelTitle={t('dashboard.table.district')}
                  summary={data}
                  items={data.by_district}
                  chart="bars"
                  onDrill={params.openDrill}
                  describe={(item) => zoneNotes.get(item.key)}
                  testId="by-district"
                />
              </Col>
              <Col xs={24} lg={12}>
                <BreakdownCard
                  title={t('dashboard.breakdown.industry')}
                  labelTitle={t('dashboard.table.industry')}
                  summary={data}
                  items={data.by_industry}
                  chart="bars"
                  sorted
                  onDrill={params.openDrill}
                  testId="by-industry"
                />
              </Col>
              <Col xs={24} lg={12}>
                <BreakdownCard
                  title={t('dashboard.breakdown.contractType')}
                  labelTitle={t('dashboard.table.contractType')}
                  summary={data}
                  items={data.by_contract_type}
                  chart="donut"
                  onDrill={params.openDrill}
                  testId="by-contract-type"
                />
              </Col>
              <Col xs={24} lg={12}>
                <BreakdownCard
                  title={t('dashboard.breakdown.origin')}
                  labelTitle={t('dashboard.table.origin')}
                  summary={data}
                  items={data.by_origin}
                  chart="donut"
                  onDrill={params.openDrill}
                  testId="by-origin"
                  footer={data.by_platform
                    .map((item) => t('dashboard.platformShare', { label: item.label, amount: formatInUnit(item.amount, unit, locale), share: formatRatio(item.share) }))
                    .join('；')}
                />
              </Col>
              <Col span={24}>
                <QualificationsCard summary={data} asOf={params.asOf} recordedAsOf={params.recordedAsOf} />
              </Col>
              <Col xs={24} lg={12}>
                <FunnelCard summary={data} onDrill={params.openDrill} />
              </Col>
              <Col xs={24} lg={12}>
                <CountingRuleCard summary={data} />
              </Col>
              <Col xs={24} lg={12}>
                <BreakdownCard
                  title={t('dashboard.top.buyers')}
                  labelTitle={t('dashboard.table.party')}
                  summary={data}
                  items={data.top_buyers}
                  chart="none"
                  onDrill={params.openDrill}
                  describe={(item) => item.key}
                  testId="top-buyers"
                />
              </Col>
              <Col xs={24} lg={12}>
                <BreakdownCard
                  title={t('dashboard.top.sellers')}
                  labelTitle={t('dashboard.table.party')}
                  summary={data}
                  items={data.top_sellers}
                  chart="none"
                  onDrill={params.openDrill}
                  describe={(item) => item.key}
                  testId="top-sellers"
                />
              </Col>
            </Row>
          </div>
        </AmountUnitProvider>
      ) : null}
      <DrilldownDrawer target={params.drill} page={params.drillPage} onPage={params.setDrillPage} onClose={params.closeDrill} />
    </>
  );
}
