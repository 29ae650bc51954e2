/**
 * ECharts options for the dashboard, built as pure functions of the API's figures so that they can
 * be tested without a canvas. Every clickable data item carries `drill`, the drill-down parameters
 * of the figure it draws; `drillTargetOf` reads it back from a click.
 *
 * Amounts become numbers (in the screen's one unit, `ctx.unit`) only for geometry; axes, labels
 * and tooltips write the API's own decimal strings in that unit, and tooltips add the exact amount.
 */
import type { Translate } from '@/i18n/i18n';
import { compareAmounts } from '@/utils/money';

import type { DashboardSummary, FigureItem, FunnelStage } from '../api/get-dashboard-summary';
import { drillTo, isFigure, type DrillTarget } from '../api/get-drilldown';

import { axisNumber, exactAmount, formatInUnit, type AmountUnit } from './amount-unit';
import { expectedCumulativeByMonth, formatRatio, inUnit, monthsElapsed, ratioToPercent } from './figures';

export interface ChartContext {
  t: Translate;
  locale: string;
  /** The screen's unit: every chart writes its amounts in it, as the tables do. */
  unit: AmountUnit;
}

/** The subset of an ECharts option these builders produce (kept loose so tests can read it). */
export interface SeriesSpec {
  type: 'gauge' | 'line' | 'bar' | 'pie' | 'funnel';
  name?: string;
  data: unknown[];
  [option: string]: unknown;
}

export interface ChartOption {
  series: SeriesSpec[];
  [option: string]: unknown;
}

/** A data item: the geometry value, the exact amount for the tooltip, the figure behind it. */
export interface DataItem {
  value: number | null;
  name?: string;
  amount?: string;
  deals?: number;
  drill?: DrillTarget;
  [option: string]: unknown;
}

export const COLORS = {
  actual: '#1677ff',
  lastYear: '#8c8c8c',
  expected: '#fa8c16',
  projection: '#52c41a',
  target: '#cf1322',
  palette: ['#1677ff', '#13c2c2', '#52c41a', '#faad14', '#722ed1', '#eb2f96', '#fa541c', '#2f54eb', '#a0d911', '#8c8c8c'],
};

const FONT = 'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif';

/** Labels from the server (company and industry names) go into tooltip HTML: escape them. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** The drill-down behind a clicked chart element, or null when it has none (an expected line). */
export function drillTargetOf(params: unknown): DrillTarget | null {
  if (typeof params !== 'object' || params === null) return null;
  const data = (params as { data?: unknown }).data;
  if (typeof data !== 'object' || data === null) return null;
  const drill = (data as { drill?: unknown }).drill;
  if (typeof drill !== 'object' || drill === null) return null;
  const { year, figure, key } = drill as Partial<DrillTarget>;
  return typeof year === 'number' && isFigure(figure) && typeof key === 'string' ? (drill as DrillTarget) : null;
}

type Dated = Pick<DashboardSummary, 'year' | 'as_of' | 'recorded_as_of'>;

const drillOf = (summary: Dated, item: Pick<FigureItem, 'figure' | 'key'>, year = summary.year): DrillTarget | undefined =>
  isFigure(item.figure) ? drillTo(summary, item.figure, item.key, year) : undefined;

export const monthName = (month: number, ctx: ChartContext) => ctx.t('dashboard.month', { month });

export const unitName = (ctx: ChartContext) => ctx.t(`dashboard.unit.${ctx.unit.key}`);

/** An amount in the screen's unit ("7,898万元"). */
const inScreenUnit = (amount: string, ctx: ChartContext) => formatInUnit(amount, ctx.unit, ctx.locale);

/** An amount for a tooltip: in the screen's unit, then to the fen ("7,898万元（78,980,000.00元）"). */
function withExact(amount: string, ctx: ChartContext): string {
  const shown = inScreenUnit(amount, ctx);
  const exact = exactAmount(amount, ctx.locale);
  return shown === exact ? shown : ctx.t('dashboard.amount.withExact', { amount: shown, exact });
}

function valueAxis(ctx: ChartContext, extra: Record<string, unknown> = {}) {
  return {
    type: 'value',
    name: unitName(ctx),
    // Left-aligned over the labels, so a long unit name is not cut at the chart's edge.
    nameTextStyle: { align: 'left', padding: [0, 0, 0, -4] },
    axisLabel: { hideOverlap: true, formatter: axisNumber },
    splitLine: { lineStyle: { type: 'dashed' } },
    ...extra,
  };
}

interface TooltipParam {
  seriesName?: string;
  marker?: string;
  data?: unknown;
  name?: string;
}

function tooltipLine(param: TooltipParam, ctx: ChartContext): string | null {
  const data = param.data as DataItem | null | undefined;
  if (!data || data.value === null || data.value === undefined) return null;
  const amount = data.amount !== undefined ? withExact(data.amount, ctx) : String(data.value);
  const deals = data.deals !== undefined ? ` · ${ctx.t('dashboard.dealsCount', { n: data.deals })}` : '';
  return `${param.marker ?? ''}${escapeHtml(param.seriesName ?? '')}：${escapeHtml(amount)}${deals}`;
}

/** An axis tooltip: the category, then one line per series that has a value there. */
function axisTooltip(ctx: ChartContext) {
  return (params: unknown) => {
    const list = (Array.isArray(params) ? params : [params]) as TooltipParam[];
    const title = list[0]?.name ?? '';
    const lines = list.map((p) => tooltipLine(p, ctx)).filter((line): line is string => line !== null);
    return [escapeHtml(title), ...lines].join('<br/>');
  };
}

/** An item tooltip: the element's label, amount, number of contracts and share. */
function itemTooltip(ctx: ChartContext) {
  return (params: unknown) => {
    const { data, marker = '' } = params as TooltipParam;
    const item = data as DataItem & { share?: string };
    const parts = [
      `${marker}${escapeHtml(item.name ?? '')}`,
      item.amount !== undefined ? escapeHtml(withExact(item.amount, ctx)) : String(item.value ?? ''),
      item.deals !== undefined ? ctx.t('dashboard.dealsCount', { n: item.deals }) : null,
      item.share !== undefined ? ctx.t('dashboard.shareOf', { share: formatRatio(item.share) }) : null,
    ];
    return parts.filter(Boolean).join('<br/>');
  };
}

const base = () => ({
  textStyle: { fontFamily: FONT },
  animationDuration: 400,
  // Descriptions for screen readers are on the chart's container; ECharts' own would repeat them.
  aria: { enabled: false },
});

// --- the gauge: progress to the year's target ---------------------------------------------------

/**
 * Progress to the target on a gauge, with the expected (even-pace) position as a second needle.
 * The scale grows past 100% when the target is exceeded. Clicking it lists every counted contract.
 */
export function buildGaugeOption(summary: DashboardSummary, ctx: ChartContext): ChartOption {
  const actual = ratioToPercent(summary.progress);
  const expected = ratioToPercent(summary.expected_progress);
  const max = Math.max(100, Math.ceil(Math.max(actual, expected) / 10) * 10);
  const geometry = { type: 'gauge' as const, startAngle: 210, endAngle: -30, min: 0, max, radius: '92%', center: ['50%', '58%'] };
  const total = drillTo(summary, 'total', '');
  return {
    ...base(),
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const { data } = params as { data: DataItem };
        return `${escapeHtml(data.name ?? '')}：${data.ratio as string}`;
      },
    },
    series: [
      {
        ...geometry,
        name: ctx.t('dashboard.gauge.actual'),
        splitNumber: max / 20,
        progress: { show: true, width: 16, roundCap: true, itemStyle: { color: COLORS.actual } },
        axisLine: { roundCap: true, lineStyle: { width: 16, color: [[1, '#e6f4ff']] } },
        pointer: { show: false },
        axisTick: { show: false },
        splitLine: { distance: 4, length: 6, lineStyle: { color: '#bfbfbf' } },
        axisLabel: { distance: 22, color: '#8c8c8c', fontSize: 11, formatter: '{value}%' },
        anchor: { show: false },
        title: { offsetCenter: [0, '28%'], fontSize: 13, color: '#595959' },
        detail: {
          valueAnimation: true,
          offsetCenter: [0, '-4%'],
          fontSize: 28,
          fontWeight: 600,
          color: COLORS.actual,
          formatter: () => formatRatio(summary.progress, 2),
        },
        data: [{ value: actual, name: ctx.t('dashboard.gauge.actual'), ratio: formatRatio(summary.progress, 2), drill: total }],
      },
      {
        ...geometry,
        name: ctx.t('dashboard.gauge.expected'),
        cursor: 'default',
        axisLine: { show: false },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        progress: { show: false },
        pointer: { show: true, icon: 'triangle', length: '14%', width: 10, offsetCenter: [0, '-86%'], itemStyle: { color: COLORS.expected } },
        title: { show: false },
        detail: { show: false },
        data: [{ value: expected, name: ctx.t('dashboard.gauge.expected'), ratio: formatRatio(summary.expected_progress, 1) }],
      },
    ],
  };
}

// --- expected vs actual, cumulative ----------------------------------------------------------------

/**
 * Cumulative by month as two small multiples sharing the months, each on its own linear scale:
 *
 * - above, this year against last year and the projection: like with like, readable whatever the
 *   target (at demo volumes the actual lines were flat at zero under a 175亿 line);
 * - below, this year against the even-pace path to the target and the target itself: the honest
 *   distance to the goal, with the progress written at the end of the actual line.
 *
 * Small multiples rather than a log axis (which cannot draw the zero months, and makes a 200-fold
 * gap look close) or a second y-axis (whose crossing lines mean nothing). The actual line stops at
 * the reference month; its points (and last year's) drill down to that month's contracts.
 */
export function buildCumulativeOption(summary: DashboardSummary, ctx: ChartContext): ChartOption {
  const expected = expectedCumulativeByMonth(summary.target_amount, summary.year);
  const elapsed = monthsElapsed(summary.year, summary.reference_date);
  const projecting = (summary.projection.method === 'seasonal' || summary.projection.method === 'linear') && elapsed >= 1 && elapsed < 12;
  const { unit } = ctx;
  const months = summary.monthly.map((m) => monthName(m.month, ctx));
  const actual: DataItem[] = summary.monthly.map((m) =>
    m.month <= elapsed
      ? { value: inUnit(m.cumulative, unit), amount: m.cumulative, drill: drillOf(summary, m) }
      : { value: null },
  );
  const lastYear: DataItem[] = summary.monthly.map((m) => ({
    value: inUnit(m.last_year_cumulative, unit),
    amount: m.last_year_cumulative,
    drill: drillOf(summary, m, summary.year - 1),
  }));
  const expectedLine: DataItem[] = expected.map((amount) => ({ value: inUnit(amount, unit), amount }));
  const projection: DataItem[] = summary.monthly.map((m) => {
    if (!projecting) return { value: null };
    if (m.month === elapsed) return { value: inUnit(m.cumulative, unit), amount: m.cumulative };
    if (m.month === 12) return { value: inUnit(summary.projection.amount, unit), amount: summary.projection.amount };
    return { value: null };
  });
  const actualName = ctx.t('dashboard.series.actual', { year: summary.year });
  const actualStyle = { symbolSize: 7, lineStyle: { width: 3 }, itemStyle: { color: COLORS.actual }, z: 4 };
  const above = { xAxisIndex: 0, yAxisIndex: 0 };
  const below = { xAxisIndex: 1, yAxisIndex: 1 };

  const series: SeriesSpec[] = [
    { type: 'line', name: actualName, data: actual, ...actualStyle, ...above },
    {
      type: 'line',
      name: ctx.t('dashboard.series.expected'),
      data: expectedLine,
      symbol: 'none',
      cursor: 'default',
      lineStyle: { type: 'dashed', width: 2 },
      itemStyle: { color: COLORS.expected },
      markLine: {
        silent: true,
        symbol: 'none',
        lineStyle: { color: COLORS.target, type: 'solid', width: 1 },
        label: { formatter: ctx.t('dashboard.series.targetMark', { amount: inScreenUnit(summary.target_amount, ctx) }), position: 'insideEndTop' },
        data: [{ yAxis: inUnit(summary.target_amount, unit) }],
      },
      ...below,
    },
    {
      type: 'line',
      name: ctx.t('dashboard.series.lastYear', { year: summary.year - 1 }),
      data: lastYear,
      symbolSize: 5,
      lineStyle: { type: 'dotted', width: 2 },
      itemStyle: { color: COLORS.lastYear },
      ...above,
    },
    {
      // The same line against the target; sharing its name, the legend shows and hides both.
      type: 'line',
      name: actualName,
      data: actual,
      ...actualStyle,
      endLabel: {
        show: elapsed >= 1,
        formatter: () => formatRatio(summary.progress, 2),
        color: COLORS.actual,
        fontWeight: 600,
      },
      ...below,
    },
  ];
  if (projecting) {
    series.push({
      type: 'line',
      name: ctx.t('dashboard.series.projection'),
      data: projection,
      cursor: 'default',
      connectNulls: true,
      symbolSize: 6,
      lineStyle: { type: [6, 4], width: 2 },
      itemStyle: { color: COLORS.projection },
      ...above,
    });
  }
  const panelTitle = { left: 0, textStyle: { fontSize: 13, fontWeight: 500, color: '#595959' } };
  const category = { type: 'category', data: months, boundaryGap: false, axisLabel: { hideOverlap: true } };
  return {
    ...base(),
    title: [
      // Below a legend of up to two lines (a phone wraps it rather than hiding entries behind arrows).
      { ...panelTitle, top: 50, text: ctx.t('dashboard.cumulative.panelYears') },
      { ...panelTitle, top: '54%', text: ctx.t('dashboard.cumulative.panelTarget') },
    ],
    grid: [
      // Room on the right for the progress written at the end of the lower actual line.
      { left: 4, right: 64, top: 96, height: '26%', containLabel: true },
      { left: 4, right: 64, top: '66%', bottom: 4, containLabel: true },
    ],
    legend: { top: 0 },
    tooltip: { trigger: 'axis', formatter: axisTooltip(ctx) },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    xAxis: [
      { ...category, gridIndex: 0 },
      { ...category, gridIndex: 1 },
    ],
    yAxis: [valueAxis(ctx, { gridIndex: 0 }), valueAxis(ctx, { gridIndex: 1, max: (extent: { max: number }) => Math.max(extent.max, inUnit(summary.target_amount, unit)) })],
    series,
  };
}

// --- monthly bars, this year against last ---------------------------------------------------------

export function buildMonthlyOption(summary: DashboardSummary, ctx: ChartContext): ChartOption {
  const { unit } = ctx;
  return {
    ...base(),
    grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: axisTooltip(ctx) },
    xAxis: { type: 'category', data: summary.monthly.map((m) => monthName(m.month, ctx)) },
    yAxis: valueAxis(ctx),
    series: [
      {
        type: 'bar',
        name: ctx.t('dashboard.series.year', { year: summary.year }),
        itemStyle: { color: COLORS.actual, borderRadius: [3, 3, 0, 0] },
        barMaxWidth: 22,
        data: summary.monthly.map((m) => ({ value: inUnit(m.amount, unit), amount: m.amount, deals: m.deals, drill: drillOf(summary, m) })),
      },
      {
        type: 'bar',
        name: ctx.t('dashboard.series.year', { year: summary.year - 1 }),
        itemStyle: { color: '#bfbfbf', borderRadius: [3, 3, 0, 0] },
        barMaxWidth: 22,
        data: summary.monthly.map((m) => ({
          value: inUnit(m.last_year_amount, unit),
          amount: m.last_year_amount,
          deals: m.last_year_deals,
          drill: drillOf(summary, m, summary.year - 1),
        })),
      },
    ],
  };
}

// --- breakdowns ---------------------------------------------------------------------------------------

/**
 * Horizontal bars of a breakdown (districts, industries, top parties), largest on top when
 * `sorted`; zero rows are kept, so that a district with nothing shows as nothing.
 */
export function buildBreakdownBarOption(
  summary: Dated,
  items: readonly FigureItem[],
  ctx: ChartContext,
  { sorted = false, color = COLORS.actual }: { sorted?: boolean; color?: string } = {},
): ChartOption {
  const { unit } = ctx;
  const rows = sorted ? [...items].sort((a, b) => compareAmounts(b.amount, a.amount) ?? 0) : [...items];
  return {
    ...base(),
    grid: { left: 8, right: 24, top: 8, bottom: 28, containLabel: true },
    tooltip: { trigger: 'item', formatter: itemTooltip(ctx) },
    // The unit's name centred under the axis: at its end it was cut off on a phone.
    xAxis: valueAxis(ctx, { nameLocation: 'middle', nameGap: 26, nameTextStyle: {} }),
    // Category axes draw bottom-up: inverse puts the first row on top, as a table would.
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((item) => item.label),
      axisLabel: { width: 110, overflow: 'truncate' },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: unitName(ctx),
        barMaxWidth: 18,
        itemStyle: { color, borderRadius: [0, 3, 3, 0] },
        data: rows.map((item) => ({
          value: inUnit(item.amount, unit),
          name: item.label,
          amount: item.amount,
          deals: item.deals,
          share: item.share,
          drill: drillOf(summary, item),
        })),
      },
    ],
  };
}

/** A donut of shares (contract types, origins); items with nothing are left out of the ring. */
export function buildShareOption(summary: Dated, items: readonly FigureItem[], ctx: ChartContext): ChartOption {
  const { unit } = ctx;
  return {
    ...base(),
    color: COLORS.palette,
    tooltip: { trigger: 'item', formatter: itemTooltip(ctx) },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['42%', '70%'],
        center: ['50%', '45%'],
        avoidLabelOverlap: true,
        label: { formatter: '{d}%', fontSize: 11 },
        data: items
          .filter((item) => Number(item.amount) > 0)
          .map((item) => ({
            value: inUnit(item.amount, unit),
            name: item.label,
            amount: item.amount,
            deals: item.deals,
            share: item.share,
            drill: drillOf(summary, item),
          })),
      },
    ],
  };
}

// --- the funnel ---------------------------------------------------------------------------------------

/**
 * Challenges published → bids → awards → counted contracts from awards, by count. Only the last
 * stage has contracts behind it (`figure`/`drill_key`); the others are not clickable.
 */
export function buildFunnelOption(summary: Dated, stages: readonly FunnelStage[], ctx: ChartContext): ChartOption {
  const max = Math.max(1, ...stages.map((stage) => stage.count));
  return {
    ...base(),
    // Darker shades than the palette: the stage names are white on them.
    color: ['#0958d9', '#08979c', '#389e0d', '#d46b08'],
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const { data, marker = '' } = params as TooltipParam;
        const item = data as DataItem;
        const amount = item.amount ? `<br/>${escapeHtml(withExact(item.amount, ctx))}` : '';
        return `${marker}${escapeHtml(item.name ?? '')}：${item.value ?? 0}${amount}`;
      },
    },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        min: 0,
        max,
        // Wide enough at the narrow end for the last stage's label to sit inside it.
        minSize: '34%',
        left: '8%',
        right: '8%',
        top: 8,
        bottom: 8,
        gap: 3,
        label: { position: 'inside', formatter: '{b}  {c}', color: '#fff', fontSize: 12 },
        data: stages.map((stage) => ({
          value: stage.count,
          name: stage.label,
          amount: stage.amount ?? undefined,
          drill:
            stage.figure && isFigure(stage.figure)
              ? drillTo(summary, stage.figure, stage.drill_key ?? '')
              : undefined,
        })),
      },
    ],
  };
}
