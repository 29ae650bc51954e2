import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { signedInAs } from '@/testing/auth';
import { kjj, marchDrilldown, operator, qualifications2026, summary2026, summary2026En } from '@/testing/data/dashboard';
import { tianneng } from '@/testing/data/marketplace';
import { jsonResponse, mockApi, requestsTo, type ApiRoutes } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

const rules = [{ ...summary2026.rule, created_at: '2026-01-01T00:00:00+08:00', created_by: 'operator', reason: '' }];

function dashboardRoutes(overrides: ApiRoutes = {}): ApiRoutes {
  return {
    ...signedInAs(kjj),
    'GET /api/deals/counting-rules/': () => jsonResponse(rules),
    'GET /api/dashboard/qualifications/': () => jsonResponse(qualifications2026),
    'GET /api/dashboard/summary/': () => jsonResponse(summary2026),
    ...overrides,
  };
}

const query = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);

describe('dashboard', () => {
  it('shows the year’s progress, the breakdowns, the funnel and the counting rule in words', async () => {
    const spy = mockApi(dashboardRoutes());
    renderApp('/dashboard?year=2026');

    expect(await screen.findByRole('heading', { level: 1, name: '技术交易额看板' })).toBeInTheDocument();
    expect(await screen.findByTestId('dashboard')).toBeInTheDocument();
    expect(query(requestsTo(spy, 'GET /api/dashboard/summary/')[0]!)).toEqual({ year: '2026' });
    expect(document.title).toBe('数据看板 · 湖州科技撮合平台 TechMatch');

    // The summary: amounts from the API's decimal strings, all in the screen's one unit (万元 here).
    expect(screen.getByTestId('amount-unit-note')).toHaveTextContent('本页金额单位：万元');
    expect(screen.getByTestId('kpi-counted')).toHaveTextContent('7,898万元');
    expect(screen.getByTestId('kpi-counted')).toHaveTextContent('17 份合同');
    expect(screen.getByTestId('kpi-target')).toHaveTextContent('1,750,000万元');
    expect(screen.getByTestId('target-source')).toHaveTextContent('运营方设定');
    expect(screen.getByTestId('kpi-progress')).toHaveTextContent('0.45%');
    expect(screen.getByTestId('kpi-progress')).toHaveTextContent('按匀速应完成 1,586,986.3万元（90.7%）');
    expect(screen.getByTestId('kpi-gap')).toHaveTextContent('落后 1,579,088.3万元');
    expect(screen.getByTestId('kpi-last-year')).toHaveTextContent('8,780万元');
    expect(screen.getByTestId('kpi-last-year')).toHaveTextContent('去年同期 6,950万元');
    expect(screen.getByTestId('kpi-projection')).toHaveTextContent('9,977.62万元');
    expect(screen.getByTestId('kpi-projection')).toHaveTextContent('按去年同期进度');
    expect(screen.getByTestId('projection-explanation')).toHaveTextContent('按去年同期进度推算');

    // Breakdowns: every district in the API's order, each amount a button.
    const districts = within(screen.getByTestId('by-district'));
    expect(districts.getByRole('heading', { level: 2, name: '按区县' })).toBeInTheDocument();
    expect(districts.getAllByRole('row').slice(1).map((row) => row.querySelector('td > span')?.textContent)).toEqual([
      '吴兴区', '南浔区', '德清县', '长兴县', '安吉县', '南太湖新区', '湖州莫干山高新区',
    ]);
    expect(districts.getByRole('button', { name: /2,080万元/ })).toHaveAccessibleName('2,080万元，查看“南浔区”背后的合同');
    expect(within(screen.getByTestId('by-origin')).getByText(/平台撮合 3,706万元（46.9%）/)).toBeInTheDocument();
    expect(within(screen.getByTestId('top-sellers')).getByText('12330500MB0A1B2C3A')).toBeInTheDocument();

    // The funnel and the counting rule in words.
    expect(screen.getAllByTestId('funnel-stage').map((stage) => stage.textContent)).toEqual([
      '发布榜单：6 · 3,150万元',
      '揭榜申请：5',
      '定榜：2',
      '签约并计入的技术合同：1 · 175万元，查看“签约并计入的技术合同”背后的合同',
    ]);
    expect(screen.getByTestId('counting-rule')).toHaveTextContent('状态为“已认定登记”的合同计入');
    expect(screen.getByTestId('counting-rule')).toHaveTextContent('第 1 版');

    // jsdom draws no canvas: each chart says so, and its figures are in the tables.
    expect(screen.getAllByTestId('chart-fallback').length).toBeGreaterThan(0);
  });

  it('opens the contracts behind a figure, pages through them on the server and exports exactly those rows', async () => {
    const createObjectURL = vi.fn(() => 'blob:export');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const spy = mockApi(
      dashboardRoutes({
        'GET /api/dashboard/drilldown/': (request) => {
          const page = new URL(request.url).searchParams.get('page');
          return jsonResponse({
            ...marchDrilldown,
            figure: 'district',
            key: 'nanxun',
            label: '南浔区',
            amount: '20800000.00',
            deals: 2,
            count: 21,
            next: page === '1' ? 'http://127.0.0.1:8000/api/dashboard/drilldown/?page=2' : null,
            results: page === '1' ? marchDrilldown.results : [{ ...marchDrilldown.results[0]!, deal: 99, title: '第二页的合同' }],
          });
        },
        'GET /api/dashboard/drilldown/export/': () =>
          new Response('合同编号\n2026330500000004\n', {
            headers: { 'Content-Type': 'text/csv', 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent('2026年技术合同-南浔区')}.csv` },
          }),
      }),
    );
    const { user, router } = renderApp('/dashboard?year=2026');
    const districts = within(await screen.findByTestId('by-district'));

    await user.click(districts.getByRole('button', { name: /2,080万元/ }));

    const drawer = within(await screen.findByRole('dialog'));
    expect(await drawer.findByText('2026年 · 南浔区')).toBeInTheDocument();
    expect(drawer.getByTestId('drilldown-total')).toHaveTextContent('计入金额合计 2,080万元，共 2 份合同');
    expect(drawer.getByRole('link', { name: 'AGV集群调度与仓储路径规划' })).toHaveAttribute('href', '/deals/4');
    expect(drawer.getByText('长兴诺力智能物流装备股份有限公司（演示）')).toBeInTheDocument();
    expect(drawer.getByText('800万元')).toBeInTheDocument();
    expect(query(requestsTo(spy, 'GET /api/dashboard/drilldown/')[0]!)).toEqual({
      year: '2026', figure: 'district', key: 'nanxun', page: '1', page_size: '20',
    });
    // The open list is in the address, so it can be shared; the back button closes it.
    expect(router.state.location.search).toBe('?year=2026&figure=district&key=nanxun');

    await user.click(drawer.getByRole('listitem', { name: '2' }));
    expect(await drawer.findByText('第二页的合同')).toBeInTheDocument();
    expect(query(requestsTo(spy, 'GET /api/dashboard/drilldown/')[1]!)).toMatchObject({ figure: 'district', key: 'nanxun', page: '2' });

    await user.click(drawer.getByRole('button', { name: /导出 CSV/ }));
    expect(await screen.findByText('已下载 2026年技术合同-南浔区.csv')).toBeInTheDocument();
    expect(query(requestsTo(spy, 'GET /api/dashboard/drilldown/export/')[0]!)).toEqual({
      year: '2026', figure: 'district', key: 'nanxun', file_format: 'csv',
    });
    expect(createObjectURL).toHaveBeenCalledTimes(1);

    await user.click(drawer.getByRole('button', { name: /close|关闭/i }));
    await waitFor(() => expect(router.state.location.search).toBe('?year=2026'));
  });

  it('builds a figure too large for a direct download in the background, shows its progress and downloads it when done', async () => {
    const createObjectURL = vi.fn(() => 'blob:export');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const job = {
      id: 5, year: 2026, figure: 'month', key: '3', label: '3月', as_of: null, file_format: 'xlsx', file_name: '2026年技术合同-3月.xlsx',
      file_size: 0, status: 'pending', status_label: '排队中', total_rows: 612480, processed_rows: 0, progress: 0, message: '',
      created_at: '2026-11-26T10:00:00+08:00', started_at: null, finished_at: null,
    } as const;
    const states = [
      { ...job, status: 'running', status_label: '生成中', processed_rows: 300000, progress: 0.4898 },
      { ...job, status: 'succeeded', status_label: '已生成', processed_rows: 612480, progress: 1, file_size: 77000000, message: '共612480份合同' },
    ];
    let polls = 0;
    const spy = mockApi(
      dashboardRoutes({
        // More contracts than the direct download's limit: the file is built in the background at once.
        'GET /api/dashboard/drilldown/': () => jsonResponse({ ...marchDrilldown, deals: 612480, count: 612480 }),
        'POST /api/dashboard/exports/': () => jsonResponse(job, 202),
        'GET /api/dashboard/exports/5/': () => jsonResponse(states[Math.min(polls++, states.length - 1)]),
        'GET /api/dashboard/exports/5/download/': () =>
          new Response('PK', {
            headers: {
              'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent('2026年技术合同-3月')}.xlsx`,
            },
          }),
      }),
    );
    const { user } = renderApp('/dashboard?year=2026&figure=month&key=3');
    const drawer = within(await screen.findByRole('dialog'));
    await drawer.findByTestId('drilldown-total');

    await user.click(drawer.getByRole('button', { name: /导出 Excel/ }));

    expect(await screen.findByText('这一项共有 612,480 份合同，超过直接下载的上限，已转为后台生成文件。')).toBeInTheDocument();
    expect(await drawer.findByText('300000 / 612480')).toBeInTheDocument();
    expect(await screen.findByText('已下载 2026年技术合同-3月.xlsx')).toBeInTheDocument();
    expect(drawer.getByTestId('background-export')).toHaveTextContent('共612480份合同');
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    const body = (await requestsTo(spy, 'POST /api/dashboard/exports/')[0]!.json()) as Record<string, unknown>;
    expect(body).toEqual({ year: 2026, figure: 'month', key: '3', file_format: 'xlsx' });
    expect(requestsTo(spy, 'GET /api/dashboard/drilldown/export/')).toHaveLength(0);
  });

  it('turns to the background export when the figure has grown past the limit since it was shown', async () => {
    const spy = mockApi(
      dashboardRoutes({
        'GET /api/dashboard/drilldown/': () => jsonResponse(marchDrilldown),
        'GET /api/dashboard/drilldown/export/': () =>
          jsonResponse(
            {
              detail: '这一项共有 120,001 份合同，超过直接下载的上限 120,000 份：请改用后台导出生成文件。',
              code: 'export_too_large',
              fields: {},
              extra: { rows: 120001, max_rows: 120000 },
            },
            400,
          ),
        'POST /api/dashboard/exports/': () =>
          jsonResponse(
            {
              id: 6, year: 2026, figure: 'month', key: '3', label: '3月', as_of: null, file_format: 'csv', file_name: '2026年技术合同-3月.csv',
              file_size: 0, status: 'failed', status_label: '生成失败', total_rows: 120001, processed_rows: 0, progress: 1,
              message: '生成文件时发生内部错误，请重新导出', created_at: '2026-11-26T10:00:00+08:00', started_at: null, finished_at: null,
            },
            202,
          ),
        'GET /api/dashboard/exports/6/': () =>
          jsonResponse({
            id: 6, year: 2026, figure: 'month', key: '3', label: '3月', as_of: null, file_format: 'csv', file_name: '2026年技术合同-3月.csv',
            file_size: 0, status: 'failed', status_label: '生成失败', total_rows: 120001, processed_rows: 0, progress: 1,
            message: '生成文件时发生内部错误，请重新导出', created_at: '2026-11-26T10:00:00+08:00', started_at: null, finished_at: null,
          }),
      }),
    );
    const { user } = renderApp('/dashboard?year=2026&figure=month&key=3');
    const drawer = within(await screen.findByRole('dialog'));
    await drawer.findByTestId('drilldown-total');

    await user.click(drawer.getByRole('button', { name: /导出 CSV/ }));

    expect(await screen.findByText('这一项共有 120,001 份合同，超过直接下载的上限，已转为后台生成文件。')).toBeInTheDocument();
    expect(await drawer.findByText('文件生成失败：生成文件时发生内部错误，请重新导出')).toBeInTheDocument();
    expect(requestsTo(spy, 'GET /api/dashboard/exports/6/download/')).toHaveLength(0);
  });

  it('drills into last year’s month from the monthly table, in last year', async () => {
    const spy = mockApi(dashboardRoutes({ 'GET /api/dashboard/drilldown/': () => jsonResponse({ ...marchDrilldown, year: 2025, label: '12月', results: [] }) }));
    const { user, router } = renderApp('/dashboard?year=2026');
    await screen.findByTestId('dashboard');
    await user.click(screen.getByRole('button', { name: /按月数据表/ }));
    const table = within(await screen.findByTestId('monthly-table'));
    await user.click(table.getByRole('button', { name: '1,830万元，查看“2025年12月”背后的合同' }));
    expect(await screen.findByText('2025年 · 12月')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?year=2026&figure=month&key=12&drill_year=2025');
    expect(query(requestsTo(spy, 'GET /api/dashboard/drilldown/')[0]!)).toMatchObject({ year: '2025', figure: 'month', key: '12' });
    expect(await screen.findByText('没有计入的合同')).toBeInTheDocument();
  });

  it('changes the year from the selector', async () => {
    const spy = mockApi(
      dashboardRoutes({
        'GET /api/dashboard/summary/': (request) =>
          jsonResponse(new URL(request.url).searchParams.get('year') === '2025' ? { ...summary2026, year: 2025, counted_amount: '87800000.00' } : summary2026),
      }),
    );
    const { user, router } = renderApp('/dashboard?year=2026');
    await screen.findByTestId('dashboard');
    await user.click(screen.getByRole('combobox', { name: '年度' }));
    await user.click(await screen.findByTitle('2025年'));
    await waitFor(() => expect(screen.getByTestId('kpi-counted')).toHaveTextContent('8,780万元'));
    expect(router.state.location.search).toBe('?year=2025');
    expect(requestsTo(spy, 'GET /api/dashboard/summary/').map((request) => query(request).year)).toEqual(['2026', '2025']);
  });

  it('says so when nothing counts yet, and still shows the target', async () => {
    const empty = {
      ...summary2026,
      counted_amount: '0.00',
      counted_deals: 0,
      progress: '0.0000',
      by_district: summary2026.by_district.map((item) => ({ ...item, amount: '0.00', deals: 0, share: '0.0000' })),
    };
    mockApi(dashboardRoutes({ 'GET /api/dashboard/summary/': () => jsonResponse(empty) }));
    renderApp('/dashboard?year=2026');
    expect(await screen.findByTestId('dashboard-empty')).toHaveTextContent('2026年尚无计入目标的技术合同。');
    expect(screen.getByTestId('kpi-target')).toHaveTextContent('1,750,000万元');
    expect(within(screen.getByTestId('by-district')).getByText('暂无计入的合同')).toBeInTheDocument();
  });

  it('tells a district official that the amounts cover the district only', async () => {
    const deqing = { ...summary2026, district: 'deqing' as const, district_label: '德清县' };
    mockApi(dashboardRoutes({ 'GET /api/dashboard/summary/': () => jsonResponse(deqing) }));
    renderApp('/dashboard?year=2026');
    expect(await screen.findByTestId('dashboard-district')).toHaveTextContent('您的权限限于德清县');
  });

  it('says nothing of districts to the city bureau', async () => {
    mockApi(dashboardRoutes());
    renderApp('/dashboard?year=2026');
    await screen.findByTestId('kpi-target');
    expect(screen.queryByTestId('dashboard-district')).not.toBeInTheDocument();
  });

  it('shows the API’s error with a retry', async () => {
    let calls = 0;
    mockApi(
      dashboardRoutes({
        'GET /api/dashboard/summary/': () => {
          calls += 1;
          return calls === 1 ? jsonResponse({ detail: '服务暂时不可用', code: 'error' }, 503) : jsonResponse(summary2026);
        },
      }),
    );
    const { user } = renderApp('/dashboard?year=2026');
    expect(await screen.findByRole('alert')).toHaveTextContent('服务暂时不可用');
    await user.click(screen.getByRole('button', { name: /重\s*试/ }));
    expect(await screen.findByTestId('dashboard')).toBeInTheDocument();
  });

  it('speaks English when switched, with the API’s labels in English', async () => {
    window.localStorage.setItem('techmatch.locale', 'en-US');
    const spy = mockApi(dashboardRoutes({ 'GET /api/dashboard/summary/': () => jsonResponse(summary2026En) }));
    renderApp('/dashboard?year=2026');
    expect(await screen.findByRole('heading', { level: 1, name: 'Technology transaction dashboard' })).toBeInTheDocument();
    await screen.findByTestId('dashboard');
    expect(requestsTo(spy, 'GET /api/dashboard/summary/')[0]!.headers.get('Accept-Language')).toBe('en-US');
    expect(screen.getByTestId('kpi-counted')).toHaveTextContent('¥78.98 million');
    expect(screen.getByTestId('kpi-gap')).toHaveTextContent('¥15,790.88 million behind');
    expect(screen.getByTestId('counting-rule')).toHaveTextContent('contracts with status “Registered” count');
    expect(within(screen.getByTestId('by-district')).getByText('Wuxing District')).toBeInTheDocument();
  });
});

describe('who sees the dashboard', () => {
  it('is in the menu for officials and the operator only', async () => {
    mockApi(dashboardRoutes({ ...signedInAs(operator) }));
    renderApp('/dashboard?year=2026');
    const nav = screen.getByRole('navigation', { name: '主导航' });
    expect(await within(nav).findByRole('link', { name: '数据看板' })).toHaveAttribute('aria-current', 'page');
    const sections = screen.getByRole('navigation', { name: '数据看板导航' });
    expect(within(sections).getByRole('link', { name: '交易额看板' })).toHaveAttribute('aria-current', 'page');
    expect(within(sections).getByRole('link', { name: '合同导入' })).toHaveAttribute('href', '/dashboard/imports');
    expect(within(sections).getByRole('link', { name: '目标看板' })).toHaveAttribute('href', '/dashboard/targets');
    await screen.findByTestId('dashboard');
  });

  it('refuses an enterprise without asking the API, and keeps it out of the menu', async () => {
    const spy = mockApi({ ...signedInAs(tianneng) });
    renderApp('/dashboard');
    expect(await screen.findByText('数据看板、合同导入和目标看板仅对科技部门和平台运营方开放。')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: '技术交易额看板' })).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: '主导航' })).queryByRole('link', { name: '数据看板' })).not.toBeInTheDocument();
    expect(requestsTo(spy, 'GET /api/dashboard/summary/')).toHaveLength(0);
  });
});
