import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { signedInAs } from '@/testing/auth';
import { kjj, marchDrilldown, qualifications2026, summary2026 } from '@/testing/data/dashboard';
import { jsonResponse, mockApi, requestsTo, type ApiRoutes } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

const rules = [{ ...summary2026.rule, created_at: '2026-01-01T00:00:00+08:00', created_by: 'operator', reason: '' }];

function routes(summary: object = summary2026, overrides: ApiRoutes = {}): ApiRoutes {
  return {
    ...signedInAs(kjj),
    'GET /api/deals/counting-rules/': () => jsonResponse(rules),
    'GET /api/dashboard/qualifications/': () => jsonResponse(qualifications2026),
    'GET /api/dashboard/summary/': () => jsonResponse(summary),
    'GET /api/dashboard/drilldown/': () => jsonResponse(marchDrilldown),
    ...overrides,
  };
}

const query = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);

describe('flows and partner regions', () => {
  it('shows 输出, 吸纳 and 本地 side by side with the rule in words, and 吸纳 by partner region with 长三角 first', async () => {
    const spy = mockApi(routes());
    const { user, router } = renderApp('/dashboard?year=2026');
    const card = within(await screen.findByTestId('flows-card'));

    expect(within(card.getByTestId('flow-outflow')).getByText('输出（卖方在湖州）')).toBeInTheDocument();
    expect(card.getByTestId('flow-outflow')).toHaveTextContent('5,200万元');
    expect(card.getByTestId('flow-inflow')).toHaveTextContent('4,123万元');
    expect(card.getByTestId('flow-local')).toHaveTextContent('1,425万元');
    expect(card.getByTestId('flow-local')).toHaveTextContent('4 份合同');
    expect(card.getByTestId('flows-rule')).toHaveTextContent('2026年计数口径计入输出和吸纳，本地合同只计一次：已计入技术交易额 = 输出 + 吸纳 − 本地。');
    expect(card.getByText('口径计入：输出和吸纳（本地合同只计一次）')).toBeInTheDocument();

    const table = within(card.getByTestId('partner-table'));
    expect(table.getByText('长三角（上海、江苏、浙江、安徽）')).toBeInTheDocument();
    expect(table.getByText('2,498万元')).toBeInTheDocument(); // the 长三角 subtotal
    expect(table.getByText('苏州市')).toBeInTheDocument(); // under 江苏's subtotal

    // A city's figure opens exactly its contracts.
    await user.click(table.getByRole('button', { name: /648万元/ }));
    await waitFor(() => expect(requestsTo(spy, 'GET /api/dashboard/drilldown/')).toHaveLength(1));
    expect(query(requestsTo(spy, 'GET /api/dashboard/drilldown/')[0]!)).toMatchObject({ figure: 'inflow_partner', key: '江苏省/苏州市' });
    expect(new URLSearchParams(router.state.location.search).get('figure')).toBe('inflow_partner');
  });

  it('turns to 输出 by the buyer’s region, and a flow opens its contracts', async () => {
    const spy = mockApi(routes());
    const { user } = renderApp('/dashboard?year=2026');
    const card = within(await screen.findByTestId('flows-card'));
    await user.click(card.getByText('输出：按买方所在地'));
    expect(within(card.getByTestId('partner-table')).getByText('南京市')).toBeInTheDocument();

    await user.click(within(card.getByTestId('flow-inflow')).getByRole('button'));
    await waitFor(() => expect(requestsTo(spy, 'GET /api/dashboard/drilldown/')).toHaveLength(1));
    expect(query(requestsTo(spy, 'GET /api/dashboard/drilldown/')[0]!)).toMatchObject({ figure: 'flow', key: 'inflow' });
  });
});

describe('the pace', () => {
  it('never says 领先 for a year that has not started', async () => {
    const future = {
      ...summary2026,
      year: 2027,
      counted_amount: '0.00',
      counted_deals: 0,
      progress: '0.0000',
      expected_amount: '0.00',
      expected_progress: '0.0000',
      gap_to_expected: '0.00',
      projection: { amount: '0.00', method: 'not_started', explanation: '2027年尚未开始。' },
    };
    mockApi(routes(future));
    renderApp('/dashboard?year=2027');
    const gap = await screen.findByTestId('kpi-gap');
    expect(gap).toHaveTextContent('2027年尚未开始');
    expect(gap).not.toHaveTextContent('领先');
    expect(screen.getByTestId('kpi-projection')).toHaveTextContent('—');
  });
});

describe('a county official', () => {
  it('is told their district (with its zone) beside the title, and local means their district', async () => {
    const deqing = { ...summary2026, district: 'deqing' as const, district_label: '德清县' };
    mockApi(routes(deqing));
    renderApp('/dashboard?year=2026');
    expect(await screen.findByTestId('scope-tag')).toHaveTextContent('辖区：德清县（含湖州莫干山高新区）');
    expect(screen.getByTestId('dashboard-district')).toHaveTextContent('您的权限限于德清县（含湖州莫干山高新区）');
    expect(screen.getByTestId('flows-card')).toHaveTextContent('区县视角：“本地”指德清县（含其功能区）');
    // Measured against the city's target, a county is neither 落后 nor 领先.
    expect(screen.getByTestId('kpi-gap')).toHaveTextContent('区县未设单独目标');
    expect(screen.getByTestId('kpi-gap')).not.toHaveTextContent(/落后|领先/);
    // A zone's figure is already in its district's, and says so.
    expect(within(screen.getByTestId('by-district')).getByText('属德清县，已含在德清县的数字中')).toBeInTheDocument();
  });

  it('shows the city bureau no district tag', async () => {
    mockApi(routes());
    renderApp('/dashboard?year=2026');
    await screen.findByTestId('flows-card');
    expect(screen.queryByTestId('scope-tag')).not.toBeInTheDocument();
  });
});

describe('two kinds of date', () => {
  it('asks 账本回溯 as recorded_as_of with an audit notice, and 截至 the same day as as_of', async () => {
    const recorded = { ...summary2026, recorded_as_of: '2026-06-30', date_mode: 'recorded', reference_date: '2026-06-30' };
    const upTo = { ...summary2026, as_of: '2026-06-30', date_mode: 'as_of', reference_date: '2026-06-30' };
    const spy = mockApi(
      routes(summary2026, {
        'GET /api/dashboard/summary/': (request) => jsonResponse(new URL(request.url).searchParams.has('recorded_as_of') ? recorded : upTo),
      }),
    );
    const { user, router } = renderApp('/dashboard?year=2026&recorded_as_of=2026-06-30');

    expect(await screen.findByTestId('recorded-notice')).toHaveTextContent('账本回溯（as recorded on 2026年6月30日）');
    expect(query(requestsTo(spy, 'GET /api/dashboard/summary/')[0]!)).toEqual({ year: '2026', recorded_as_of: '2026-06-30' });
    expect(screen.getByTestId('counting-rule')).toHaveTextContent('按 2026年6月30日 当天有效的口径计算。');

    await user.click(within(screen.getByTestId('date-mode')).getByText('截至'));
    expect(await screen.findByTestId('as-of-notice')).toHaveTextContent('截至 2026年6月30日：只计认定登记日期不晚于 2026年6月30日 的合同');
    expect(query(requestsTo(spy, 'GET /api/dashboard/summary/').at(-1)!)).toEqual({ year: '2026', as_of: '2026-06-30' });
    expect(router.state.location.search).toBe('?year=2026&as_of=2026-06-30');
    expect(screen.queryByTestId('recorded-notice')).not.toBeInTheDocument();
  });

  it('carries the audit date into a drill-down', async () => {
    const recorded = { ...summary2026, recorded_as_of: '2026-06-30', date_mode: 'recorded' };
    const spy = mockApi(routes(recorded));
    const { user } = renderApp('/dashboard?year=2026&recorded_as_of=2026-06-30');
    await user.click(await screen.findByRole('button', { name: /7,898万元/ }));
    await waitFor(() => expect(requestsTo(spy, 'GET /api/dashboard/drilldown/')).toHaveLength(1));
    expect(query(requestsTo(spy, 'GET /api/dashboard/drilldown/')[0]!)).toMatchObject({ figure: 'total', recorded_as_of: '2026-06-30' });
  });
});
