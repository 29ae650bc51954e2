import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { healthyReport } from '@/testing/data/health';
import { listItem, page, separatorChallenge } from '@/testing/data/marketplace';
import { stats } from '@/testing/data/matching';
import { jsonResponse, mockApi, mockFetch } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

const withRedisBroker = {
  ...healthyReport,
  checks: {
    ...healthyReport.checks,
    broker: { status: 'ok', mode: 'redis', url: 'redis://127.0.0.1:6379/0', detail: 'PING 成功' },
  },
};

describe('language switch', () => {
  it('starts in Chinese', async () => {
    mockFetch(() => jsonResponse(healthyReport));
    renderApp('/status');

    expect(await screen.findByText('所有检查均已通过')).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'zh-CN');
    expect(screen.getByRole('navigation', { name: '主导航' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('lang', 'en-US');
  });

  it('switches UI strings, the antd locale, the page language and title to English, and remembers it', async () => {
    mockApi({
      'GET /api/health/': () => jsonResponse(withRedisBroker),
      'GET /api/stats/': () => jsonResponse(stats),
      'GET /api/challenges/': () => jsonResponse(page([listItem(separatorChallenge)])),
    });
    const { user, unmount } = renderApp('/status');
    await screen.findByText('所有检查均已通过');
    // antd's own strings follow ConfigProvider's locale (the copy button of the broker URL is antd's).
    expect(screen.getByRole('button', { name: '复制' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'English' }));

    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    for (const label of ['Home', 'Challenges', 'Needs', 'Capabilities', 'Search', 'System status']) {
      expect(within(nav).getByRole('link', { name: label })).toBeInTheDocument();
    }
    expect(within(nav).queryByRole('link', { name: '榜单' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'System status' })).toBeInTheDocument();
    expect(screen.getByText('All checks passed')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Database' })).getByText('OK')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '复制' })).not.toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'en-US');
    expect(document.title).toBe('System status · Huzhou TechMatch');
    expect(window.localStorage.getItem('techmatch.locale')).toBe('en-US');

    // A new visit starts in the language chosen last time.
    unmount();
    const again = renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Huzhou TechMatch' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'en-US');
    expect(await screen.findByTestId('stat-open_bounty')).toHaveTextContent('Total bounty on offer¥11 million');

    await again.user.click(screen.getByRole('button', { name: '中文' }));

    expect(screen.getByRole('heading', { level: 1, name: '湖州科技撮合平台' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'zh-CN');
    expect(document.title).toBe('湖州科技撮合平台 TechMatch');
    expect(window.localStorage.getItem('techmatch.locale')).toBe('zh-CN');
  });

  it('ignores a stored value that is not a supported language', async () => {
    window.localStorage.setItem('techmatch.locale', 'fr-FR');
    mockApi({
      'GET /api/health/': () => jsonResponse(healthyReport),
      'GET /api/stats/': () => jsonResponse(stats),
      'GET /api/challenges/': () => jsonResponse(page([])),
    });
    renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: '湖州科技撮合平台' })).toBeInTheDocument();
    expect(await screen.findByText('目前没有揭榜中的榜单')).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'zh-CN');
  });
});
