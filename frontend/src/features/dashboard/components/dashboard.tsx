import { Alert, Col, Grid, Row } from 'antd';

import { PageHeader } from '@/components/page-header';
import { ErrorResult, LoadingBlock } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';
import { formatAmount } from '@/utils/money';

import { useDashboardSummary } from '../api/get-dashboard-summary';
import { useDashboardParams } from '../hooks/use-dashboard-params';
import { formatRatio } from '../utils/figures';

import { BreakdownCard } from './breakdown-card';
import { CountingRuleCard } from './counting-rule-card';
import { DashboardNav } from './dashboard-nav';
import { DrilldownDrawer } from './drilldown-drawer';
import { FunnelCard } from './funnel-card';
import { SummaryCard } from './summary-card';
import { CumulativeCard, MonthlyCard } from './trend-cards';
import { YearControls } from './year-controls';

const GUTTER: [number, number] = [16, 16];

/**
 * The officials' dashboard for one year: progress to the target, expected against actual, months,
 * breakdowns, the 揭榜挂帅 funnel, top parties and the counting rule. Every amount opens the
 * contracts behind it in a drawer, from which exactly those rows can be exported.
 */
export function Dashboard() {
  const { t, locale, formatDate } = useI18n();
  const screens = Grid.useBreakpoint();
  const isPhone = screens.md === false;
  const params = useDashboardParams();
  const summary = useDashboardSummary({ year: params.year, asOf: params.asOf });
  const data = summary.data;

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        intro={t('dashboard.intro')}
        extra={<YearControls year={params.year} asOf={params.asOf} onYear={params.setYear} onAsOf={params.setAsOf} />}
      />
      <DashboardNav />
      {summary.isPending ? (
        <LoadingBlock cards={3} label={t('dashboard.loading')} />
      ) : summary.isError && !data ? (
        <ErrorResult error={summary.error} onRetry={() => void summary.refetch()} />
      ) : data ? (
        <div
          aria-busy={summary.isPlaceholderData}
          style={{ opacity: summary.isPlaceholderData ? 0.6 : 1, transition: 'opacity 0.2s' }}
          data-testid="dashboard"
        >
          {data.counted_deals === 0 ? (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('dashboard.empty', { year: data.year })} data-testid="dashboard-empty" />
          ) : null}
          {data.district ? (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} data-testid="dashboard-district"
              message={t('dashboard.districtNotice', { district: data.district_label ?? data.district })} />
          ) : null}
          {data.as_of ? (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('dashboard.asOfNotice', { date: formatDate(data.as_of) })} />
          ) : null}
          <Row gutter={GUTTER}>
            <Col span={24}>
              <SummaryCard summary={data} onDrill={params.openDrill} isPhone={isPhone} />
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
                  .map((item) => t('dashboard.platformShare', { label: item.label, amount: formatAmount(item.amount, locale), share: formatRatio(item.share) }))
                  .join('；')}
              />
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
      ) : null}
      <DrilldownDrawer target={params.drill} page={params.drillPage} onPage={params.setDrillPage} onClose={params.closeDrill} />
    </>
  );
}
