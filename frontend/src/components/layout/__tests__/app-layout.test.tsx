import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { healthyReport } from '@/testing/data/health';
import { industries, listItem, page, separatorChallenge } from '@/testing/data/marketplace';
import { separatorSearch, stats } from '@/testing/data/matching';
import { jsonResponse, mockApi, requestsTo, type ApiRoutes } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

const NAV = [
  ['首页', '/'],
  ['榜单', '/challenges'],
  ['需求', '/needs'],
  ['能力成果', '/capabilities'],
  ['搜索', '/search'],
  ['系统状态', '/status'],
] as const;

const searchRoutes: ApiRoutes = {
  'GET /api/industries/': () => jsonResponse(industries),
  'GET /api/search/': () => jsonResponse(separatorSearch),
};

const homeRoutes: ApiRoutes = {
  'GET /api/health/': () => jsonResponse(healthyReport),
  'GET /api/stats/': () => jsonResponse(stats),
  'GET /api/challenges/': () => jsonResponse(page([listItem(separatorChallenge)])),
};

describe('app layout', () => {
  it('has a labelled main navigation with a link to every section', async () => {
    mockApi(searchRoutes);
    renderApp('/search');

    const nav = screen.getByRole('navigation', { name: '主导航' });
    for (const [label, href] of NAV) {
      expect(within(nav).getByRole('link', { name: label })).toHaveAttribute('href', href);
    }
    expect(within(nav).getByRole('link', { name: '搜索' })).toHaveAttribute('aria-current', 'page');
    // The dashboard is for officials and the operator: nobody else sees it in the menu.
    expect(within(nav).queryByRole('link', { name: '数据看板' })).not.toBeInTheDocument();
    expect(screen.getByRole('banner')).toHaveTextContent('湖州科技撮合平台 TechMatch');
    // Nobody is signed in: the header offers to sign in (and come back here) or register.
    expect(within(screen.getByRole('banner')).getByRole('link', { name: /登录/ })).toHaveAttribute('href', '/login?next=%2Fsearch');
    expect(within(screen.getByRole('banner')).getByRole('link', { name: '注册' })).toHaveAttribute('href', '/register');
    // …and no bell: notifications are for signed-in users.
    expect(screen.queryByTestId('notification-bell')).not.toBeInTheDocument();
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(screen.getByRole('contentinfo')).toHaveTextContent('API 文档');
    await screen.findAllByTestId('search-hit');
  });

  it('navigates between sections, and asks a visitor to sign in for the dashboard', async () => {
    mockApi(searchRoutes);
    const { user, router } = renderApp('/dashboard');
    expect(await screen.findByRole('heading', { level: 1, name: '技术交易额看板' })).toBeInTheDocument();
    expect(within(screen.getByRole('main')).getByRole('link', { name: /登\s*录/ })).toHaveAttribute('href', '/login?next=%2Fdashboard');
    expect(document.title).toBe('数据看板 · 湖州科技撮合平台 TechMatch');

    const nav = screen.getByRole('navigation', { name: '主导航' });
    await user.click(within(nav).getByRole('link', { name: '搜索' }));

    expect(router.state.location.pathname).toBe('/search');
    expect(await screen.findByRole('heading', { level: 1, name: '搜索' })).toBeInTheDocument();
    expect(document.title).toBe('搜索 · 湖州科技撮合平台 TechMatch');
    await screen.findAllByTestId('search-hit');
  });

  it('searches from the header box on any page, and the search page shows what was asked', async () => {
    const spy = mockApi(searchRoutes);
    const { user, router } = renderApp('/dashboard');
    const box = within(screen.getByRole('search', { name: '搜索榜单、需求和能力成果' })).getByRole('searchbox');
    await user.type(box, ' 陶瓷 隔膜 {Enter}');

    expect(router.state.location.pathname).toBe('/search');
    expect(router.state.location.search).toBe(`?q=${encodeURIComponent('陶瓷 隔膜')}`);
    await screen.findAllByTestId('search-hit');
    expect(new URL(requestsTo(spy, 'GET /api/search/')[0]!.url).searchParams.get('q')).toBe('陶瓷 隔膜');
    // The search page has its own box, filled in; the header's steps aside.
    expect(screen.getByLabelText('搜索关键词')).toHaveValue('陶瓷 隔膜');
    expect(screen.getAllByRole('search').map((landmark) => landmark.getAttribute('aria-label'))).toEqual(['站内搜索']);
  });

  it('answers an unknown path with a 404 page', () => {
    renderApp('/no/such/page');

    expect(screen.getByRole('heading', { level: 1, name: '页面不存在' })).toBeInTheDocument();
    expect(screen.getByText('找不到地址 /no/such/page 对应的页面。')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /返回首页/ })).toHaveAttribute('href', '/');
  });

  it('puts the menu behind a button at phone width', async () => {
    window.innerWidth = 375;
    mockApi(searchRoutes);
    const { user, router } = renderApp('/dashboard');

    expect(screen.queryByRole('navigation', { name: '主导航' })).not.toBeInTheDocument();
    // On a phone the header's search is a button to the search page.
    expect(within(screen.getByRole('banner')).getByRole('link', { name: '搜索榜单、需求和能力成果' })).toHaveAttribute('href', '/search');
    const open = screen.getByRole('button', { name: '打开导航菜单' });
    expect(open).toHaveAttribute('aria-expanded', 'false');

    await user.click(open);

    const nav = await screen.findByRole('navigation', { name: '主导航' });
    expect(open).toHaveAttribute('aria-expanded', 'true');
    await user.click(within(nav).getByRole('link', { name: '搜索' }));
    expect(router.state.location.pathname).toBe('/search');
    expect(await screen.findByRole('heading', { level: 1, name: '搜索' })).toBeInTheDocument();
    await screen.findAllByTestId('search-hit');
  });
});

describe('home page', () => {
  it('states the mission and the 2027 target, shows live figures and the latest challenges, and summarises system health', async () => {
    const spy = mockApi(homeRoutes);
    renderApp('/');

    expect(screen.getByRole('heading', { level: 1, name: '湖州科技撮合平台' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '年技术交易额 200 亿元以上' })).toBeInTheDocument();
    expect(screen.getByText(/关于长三角科创枢纽城市的建设意见/)).toBeInTheDocument();
    for (const pillar of ['揭榜挂帅', '赛马制', '需求与能力撮合']) {
      expect(screen.getByRole('heading', { level: 3, name: pillar })).toBeInTheDocument();
    }
    expect(document.title).toBe('湖州科技撮合平台 TechMatch');

    // The figures come from GET /api/stats/; the bounty total is shown in 万元.
    expect(await screen.findByTestId('stat-open_challenges')).toHaveTextContent('揭榜中的榜单2');
    expect(screen.getByTestId('stat-open_bounty')).toHaveTextContent('揭榜中榜额合计1,100万元');
    expect(screen.getByTestId('stat-open_needs')).toHaveTextContent('征集中的需求7');
    expect(screen.getByTestId('stat-capabilities')).toHaveTextContent('已发布的能力成果14');
    expect(screen.getByTestId('stat-institutes')).toHaveTextContent('已认证的科研机构5');

    // The latest published challenges, five at most.
    const latest = await screen.findByTestId('latest-challenges');
    expect(within(latest).getByRole('link', { name: '高安全动力电池陶瓷涂覆隔膜研发' })).toHaveAttribute('href', '/challenges/1');
    expect(latest).toHaveTextContent('300万元');
    const query = new URL(requestsTo(spy, 'GET /api/challenges/')[0]!.url).searchParams;
    expect(Object.fromEntries(query)).toEqual({ status: 'published', page: '1', page_size: '5' });

    expect(await screen.findByText('服务运行正常')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /服务运行正常/ })).toHaveAttribute('href', '/status');
  });

  it('shows the total bounty in 亿元 once it passes 100 million', async () => {
    mockApi({ ...homeRoutes, 'GET /api/stats/': () => jsonResponse({ ...stats, open_bounty: '125000000.00' }) });
    renderApp('/');
    expect(await screen.findByTestId('stat-open_bounty')).toHaveTextContent('1.25亿元');
    await screen.findByTestId('latest-challenges');
  });

  it('says so on the home page when a check fails', async () => {
    mockApi({
      ...homeRoutes,
      'GET /api/health/': () =>
        jsonResponse({ ...healthyReport, status: 'error', checks: { ...healthyReport.checks, search: { status: 'error', backend: 'elasticsearch', detail: 'ConnectionError' } } }, 503),
    });
    renderApp('/');

    expect(await screen.findByText('部分服务异常')).toBeInTheDocument();
    await screen.findByTestId('latest-challenges');
  });
});
