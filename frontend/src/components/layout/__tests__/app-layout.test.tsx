import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { healthyReport } from '@/testing/data/health';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

const NAV = [
  ['首页', '/'],
  ['榜单', '/challenges'],
  ['需求', '/needs'],
  ['能力成果', '/capabilities'],
  ['搜索', '/search'],
  ['数据看板', '/dashboard'],
  ['系统状态', '/status'],
] as const;

describe('app layout', () => {
  it('has a labelled main navigation with a link to every section', () => {
    renderApp('/search');

    const nav = screen.getByRole('navigation', { name: '主导航' });
    for (const [label, href] of NAV) {
      expect(within(nav).getByRole('link', { name: label })).toHaveAttribute('href', href);
    }
    expect(within(nav).getByRole('link', { name: '搜索' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('banner')).toHaveTextContent('湖州科技撮合平台 TechMatch');
    // Nobody is signed in: the header offers to sign in (and come back here) or register.
    expect(within(screen.getByRole('banner')).getByRole('link', { name: /登录/ })).toHaveAttribute('href', '/login?next=%2Fsearch');
    expect(within(screen.getByRole('banner')).getByRole('link', { name: '注册' })).toHaveAttribute('href', '/register');
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(screen.getByRole('contentinfo')).toHaveTextContent('API 文档');
  });

  it('navigates between sections and shows a placeholder for features still to come', async () => {
    const { user, router } = renderApp('/search');
    expect(screen.getByRole('heading', { level: 2, name: '搜索功能即将上线' })).toBeInTheDocument();
    expect(document.title).toBe('搜索 · 湖州科技撮合平台 TechMatch');

    const nav = screen.getByRole('navigation', { name: '主导航' });
    await user.click(within(nav).getByRole('link', { name: '数据看板' }));

    expect(router.state.location.pathname).toBe('/dashboard');
    expect(screen.getByRole('heading', { level: 2, name: '数据看板功能即将上线' })).toBeInTheDocument();
    expect(document.title).toBe('数据看板 · 湖州科技撮合平台 TechMatch');
  });

  it('answers an unknown path with a 404 page', () => {
    renderApp('/no/such/page');

    expect(screen.getByRole('heading', { level: 1, name: '页面不存在' })).toBeInTheDocument();
    expect(screen.getByText('找不到地址 /no/such/page 对应的页面。')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /返回首页/ })).toHaveAttribute('href', '/');
  });

  it('puts the menu behind a button at phone width', async () => {
    window.innerWidth = 375;
    const { user, router } = renderApp('/dashboard');

    expect(screen.queryByRole('navigation', { name: '主导航' })).not.toBeInTheDocument();
    const open = screen.getByRole('button', { name: '打开导航菜单' });
    expect(open).toHaveAttribute('aria-expanded', 'false');

    await user.click(open);

    const nav = await screen.findByRole('navigation', { name: '主导航' });
    expect(open).toHaveAttribute('aria-expanded', 'true');
    await user.click(within(nav).getByRole('link', { name: '搜索' }));
    expect(router.state.location.pathname).toBe('/search');
    expect(screen.getByRole('heading', { level: 2, name: '搜索功能即将上线' })).toBeInTheDocument();
  });
});

describe('home page', () => {
  it('states the mission and the 2027 target, and summarises system health', async () => {
    mockFetch(() => jsonResponse(healthyReport));
    renderApp('/');

    expect(screen.getByRole('heading', { level: 1, name: '湖州科技撮合平台' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '年技术交易额 200 亿元以上' })).toBeInTheDocument();
    expect(screen.getByText(/关于长三角科创枢纽城市的建设意见/)).toBeInTheDocument();
    for (const pillar of ['揭榜挂帅', '赛马制', '需求与能力撮合']) {
      expect(screen.getByRole('heading', { level: 3, name: pillar })).toBeInTheDocument();
    }
    expect(document.title).toBe('湖州科技撮合平台 TechMatch');

    expect(await screen.findByText('服务运行正常')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /服务运行正常/ })).toHaveAttribute('href', '/status');
  });

  it('says so on the home page when a check fails', async () => {
    mockFetch(() =>
      jsonResponse({ ...healthyReport, status: 'error', checks: { ...healthyReport.checks, search: { status: 'error', backend: 'elasticsearch', detail: 'ConnectionError' } } }, 503),
    );
    renderApp('/');

    expect(await screen.findByText('部分服务异常')).toBeInTheDocument();
  });
});
