import { describe, expect, it } from 'vitest';

import type { Translate } from '@/i18n/i18n';
import { formatMessage, MESSAGES } from '@/i18n/messages';
import { summary2026 } from '@/testing/data/dashboard';

import { UNITS } from '../amount-unit';
import {
  buildBreakdownBarOption,
  buildCumulativeOption,
  buildFunnelOption,
  buildGaugeOption,
  buildMonthlyOption,
  buildShareOption,
  drillTargetOf,
  escapeHtml,
  type ChartContext,
  type ChartOption,
  type DataItem,
} from '../chart-options';

// The dashboard's one unit for summary2026 (7,898万元 counted): 万元, or ¥ million in English.
const zh: ChartContext = { t: ((key, vars) => formatMessage(MESSAGES['zh-CN'][key], vars)) as Translate, locale: 'zh-CN', unit: UNITS.wan };
const en: ChartContext = { t: ((key, vars) => formatMessage(MESSAGES['en-US'][key], vars)) as Translate, locale: 'en-US', unit: UNITS.million };

const data = (option: ChartOption, series = 0) => option.series[series]!.data as DataItem[];
const values = (option: ChartOption, series = 0) => data(option, series).map((item) => item.value);
/** What the chart would do on a click of `series`/`index`: ECharts hands the data item to the handler. */
const click = (option: ChartOption, series: number, index: number) => drillTargetOf({ data: data(option, series)[index] });

describe('gauge', () => {
  it('shows progress on a 0–100% scale with the even-pace position as a second needle; a click lists every counted contract', () => {
    const option = buildGaugeOption(summary2026, zh);
    const [actual, expected] = option.series;
    expect(actual).toMatchObject({ type: 'gauge', min: 0, max: 100, name: '已完成' });
    expect(values(option, 0)[0]).toBeCloseTo(0.45);
    expect(values(option, 1)[0]).toBeCloseTo(90.68);
    expect(expected).toMatchObject({ pointer: { show: true }, progress: { show: false } });
    expect((actual!.detail as { formatter: () => string }).formatter()).toBe('0.45%');
    expect(click(option, 0, 0)).toEqual({ year: 2026, figure: 'total', key: '', asOf: null });
    expect(click(option, 1, 0)).toBeNull();
  });

  it('widens the scale when the target is exceeded', () => {
    const option = buildGaugeOption({ ...summary2026, progress: '1.2345' }, zh);
    expect(option.series[0]).toMatchObject({ max: 130 });
    expect(option.series[1]).toMatchObject({ max: 130 });
  });
});

describe('expected against actual', () => {
  const names = (option: ChartOption) => option.series.map((s) => s.name);
  const panel = (option: ChartOption, series: number) => option.series[series]!.yAxisIndex;

  it('draws the actual cumulative up to the reference month only, with the exact amounts for tooltips', () => {
    const option = buildCumulativeOption(summary2026, zh);
    const actual = data(option, 0);
    expect(actual.slice(0, 11).every((item) => item.value !== null)).toBe(true);
    expect(actual[11]!.value).toBeNull(); // December 2026 has not happened on 2026-11-27
    expect(actual[10]).toMatchObject({ value: 7898, amount: '78980000.00' });
    // Both panels speak the screen's unit, whatever the target.
    expect((option.yAxis as { name: string }[]).map((axis) => axis.name)).toEqual(['万元', '万元']);
  });

  it('is two small multiples: this year against last year on their own scale, and against the target below', () => {
    const option = buildCumulativeOption(summary2026, zh);
    expect(names(option)).toEqual(['2026年累计', '应完成（匀速）', '2025年累计', '2026年累计', '全年预测']);
    // Above: the actual lines and the projection, not the 175亿 path that flattened them.
    expect([0, 2, 4].map((index) => panel(option, index))).toEqual([0, 0, 0]);
    // Below: the same actual line beside the expected path, ending with the progress.
    expect([1, 3].map((index) => panel(option, index))).toEqual([1, 1]);
    expect(data(option, 3)).toEqual(data(option, 0));
    const endLabel = option.series[3]!.endLabel as { show: boolean; formatter: () => string };
    expect(endLabel.show).toBe(true);
    expect(endLabel.formatter()).toBe('0.45%');
    expect((option.title as { text: string }[]).map((title) => title.text)).toEqual(['本年与上年累计', '对照年度目标（匀速进度）']);
  });

  it('runs the expected line to the target and marks the target', () => {
    const option = buildCumulativeOption(summary2026, zh);
    const expected = option.series[1]!;
    expect(expected.name).toBe('应完成（匀速）');
    expect(data(option, 1)[11]).toMatchObject({ amount: '17500000000.00', value: 1_750_000 });
    expect(data(option, 1)[0]!.amount).toBe('1486301369.86');
    expect(expected.markLine).toMatchObject({ data: [{ yAxis: 1_750_000 }], label: { formatter: '目标 1,750,000万元' } });
    // Not a figure of contracts: clicking it does nothing.
    expect(click(option, 1, 5)).toBeNull();
  });

  it('compares with last year and draws the projection from the last actual point to December', () => {
    const option = buildCumulativeOption(summary2026, zh);
    expect(data(option, 2)[11]).toMatchObject({ amount: '87800000.00' });
    const projection = values(option, 4);
    expect(projection.filter((value) => value !== null)).toHaveLength(2);
    expect(data(option, 4)[10]).toMatchObject({ amount: '78980000.00' });
    expect(data(option, 4)[11]).toMatchObject({ amount: '99776172.66' });
    expect(option.series[4]).toMatchObject({ connectNulls: true });
  });

  it('leaves the projection out once the year is over, and a point drills into its month', () => {
    const finished = { ...summary2026, reference_date: '2027-01-05', projection: { amount: '78980000.00', method: 'final', explanation: '' } };
    const option = buildCumulativeOption(finished, zh);
    expect(option.series).toHaveLength(4);
    expect(data(option, 0)[11]!.value).not.toBeNull();
    expect(click(option, 0, 2)).toEqual({ year: 2026, figure: 'month', key: '3', asOf: null });
    expect(click(option, 2, 2)).toEqual({ year: 2025, figure: 'month', key: '3', asOf: null });
  });

  it('writes no progress at the end of the line for a year that has not started', () => {
    const future = { ...summary2026, year: 2027, progress: '0.0000' };
    const endLabel = buildCumulativeOption(future, zh).series[3]!.endLabel as { show: boolean };
    expect(endLabel.show).toBe(false);
  });
});

describe('monthly bars', () => {
  it('puts this year beside last year, each bar drilling into its own year’s month', () => {
    const option = buildMonthlyOption({ ...summary2026, as_of: '2026-10-31' }, zh);
    expect(option.series.map((s) => s.name)).toEqual(['2026年', '2025年']);
    expect(values(option, 0)).toEqual([520, 1180, 800, 1970, 60, 486, 705, 942, 1040, 195, 0, 0]);
    expect(data(option, 1)[11]).toMatchObject({ amount: '18300000.00', deals: 4 });
    expect(click(option, 0, 3)).toEqual({ year: 2026, figure: 'month', key: '4', asOf: '2026-10-31' });
    expect(click(option, 1, 11)).toEqual({ year: 2025, figure: 'month', key: '12', asOf: '2026-10-31' });
    expect((option.xAxis as { data: string[] }).data[0]).toBe('1月');
  });

  it('speaks English units and month names in English', () => {
    const option = buildMonthlyOption(summary2026, en);
    expect((option.yAxis as { name: string }).name).toBe('million yuan');
    expect(values(option, 0)[0]).toBe(5.2);
    expect(option.series[0]!.name).toBe('2026');
  });
});

describe('breakdowns', () => {
  it('keeps the districts in the API’s order, with each bar drilling into its district', () => {
    const option = buildBreakdownBarOption(summary2026, summary2026.by_district, zh);
    expect((option.yAxis as { data: string[]; inverse: boolean }).data).toEqual([
      '吴兴区', '南浔区', '德清县', '长兴县', '安吉县', '南太湖新区', '湖州莫干山高新区',
    ]);
    expect((option.yAxis as { inverse: boolean }).inverse).toBe(true);
    expect(click(option, 0, 1)).toEqual({ year: 2026, figure: 'district', key: 'nanxun', asOf: null });
    expect(data(option)[1]).toMatchObject({ amount: '20800000.00', deals: 2, share: '0.2634' });
  });

  it('sorts by exact amount when asked (industries), largest first', () => {
    const shuffled = [...summary2026.by_industry].reverse();
    const option = buildBreakdownBarOption(summary2026, shuffled, zh, { sorted: true });
    expect(data(option).map((item) => item.amount)).toEqual(['25400000.00', '17000000.00', '13860000.00', '9200000.00']);
    expect(click(option, 0, 0)).toMatchObject({ figure: 'industry', key: 'alloy_materials' });
  });

  it('draws shares as a donut without the empty slices', () => {
    const items = summary2026.by_contract_type.map((item) => (item.key === 'consulting' ? { ...item, amount: '0.00', deals: 0 } : item));
    const option = buildShareOption(summary2026, items, zh);
    expect(data(option).map((item) => item.name)).toEqual(['技术开发', '技术转让', '技术许可', '技术服务']);
    expect(click(option, 0, 2)).toEqual({ year: 2026, figure: 'contract_type', key: 'license', asOf: null });
  });
});

describe('funnel', () => {
  it('keeps the stages in order by count; only the contracts stage drills down', () => {
    const option = buildFunnelOption(summary2026, summary2026.funnel, zh);
    expect(option.series[0]).toMatchObject({ type: 'funnel', sort: 'none', max: 6 });
    expect(values(option)).toEqual([6, 5, 2, 1]);
    expect([0, 1, 2].map((index) => click(option, 0, index))).toEqual([null, null, null]);
    expect(click(option, 0, 3)).toEqual({ year: 2026, figure: 'origin', key: 'challenge', asOf: null });
  });
});

describe('clicks and tooltips', () => {
  it('ignores clicks on things that are not figures', () => {
    expect(drillTargetOf(null)).toBeNull();
    expect(drillTargetOf({ data: 12 })).toBeNull();
    expect(drillTargetOf({ data: { value: 1, drill: { year: 2026, figure: 'nonsense', key: '' } } })).toBeNull();
  });

  it('formats tooltips from the exact amounts and escapes names from the server', () => {
    const option = buildBreakdownBarOption(summary2026, [{ ...summary2026.top_buyers[0]!, label: '<b>某公司</b>' }], zh);
    const formatter = (option.tooltip as { formatter: (params: unknown) => string }).formatter;
    const html = formatter({ data: data(option)[0], marker: '' });
    expect(html).toContain('&lt;b&gt;某公司&lt;/b&gt;');
    expect(html).toContain('1,850万元');
    expect(html).toContain('1 份合同');
    expect(html).toContain('占 23.4%');
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;');
  });

  it('lists every series with a value in the axis tooltip', () => {
    const option = buildMonthlyOption(summary2026, zh);
    const formatter = (option.tooltip as { formatter: (params: unknown) => string }).formatter;
    const html = formatter([
      { name: '3月', seriesName: '2026年', marker: '', data: data(option, 0)[2] },
      { name: '3月', seriesName: '2025年', marker: '', data: data(option, 1)[2] },
    ]);
    // In the screen's unit, then to the fen: the exact value on hover.
    expect(html).toBe('3月<br/>2026年：800万元（8,000,000.00元） · 1 份合同<br/>2025年：1,350万元（13,500,000.00元） · 1 份合同');
  });
});
