import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { signedInAs } from '@/testing/auth';
import { tianneng } from '@/testing/data/marketplace';
import { stats } from '@/testing/data/matching';
import { fill } from '@/testing/fill';
import { jsonResponse, mockApi, requestsTo } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

const emptyList = { count: 0, next: null, previous: null, results: [] };
const homeRoutes = {
  'GET /api/health/': () => jsonResponse({ status: 'ok', version: '0.1.0', checks: {} }),
  'GET /api/stats/': () => jsonResponse(stats),
  'GET /api/challenges/': () => jsonResponse(emptyList),
};

describe('signing in and out', () => {
  it('stores the token, sends it on every request, shows who is signed in and returns to the page asked for', async () => {
    let credentials: unknown;
    const spy = mockApi({
      'POST /api/auth/token/': async (request) => {
        credentials = await request.json();
        return jsonResponse({ token: 'abc123' });
      },
      'GET /api/auth/me/': () => jsonResponse(tianneng),
      'GET /api/notifications/unread-count/': () => jsonResponse({ unread: 0 }),
      'GET /api/industries/': () => jsonResponse([]),
      'GET /api/challenges/': () => jsonResponse(emptyList),
    });
    const { user, router } = renderApp('/login?next=%2Fchallenges');
    await screen.findByRole('form', { name: '登录' }); // the page loads lazily

    await fill(user, screen.getByLabelText('用户名'), 'tianneng');
    await fill(user, screen.getByLabelText('密码'), 'TechMatch-2027');
    await user.click(screen.getByRole('button', { name: /^登\s*录$/ }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/challenges'));
    expect(credentials).toEqual({ username: 'tianneng', password: 'TechMatch-2027' });
    expect(window.localStorage.getItem('techmatch.token')).toBe('abc123');

    const menu = await within(screen.getByRole('banner')).findByTestId('user-menu');
    expect(menu).toHaveTextContent('tianneng · 长兴新能动力电池材料有限公司');
    await waitFor(() => expect(requestsTo(spy, 'GET /api/challenges/')).not.toHaveLength(0));
    for (const request of [...requestsTo(spy, 'GET /api/auth/me/'), ...requestsTo(spy, 'GET /api/challenges/')]) {
      expect(request.headers.get('Authorization')).toBe('Token abc123');
      expect(request.headers.get('Accept-Language')).toBe('zh-CN');
    }
    // The token endpoint itself is asked without one.
    expect(requestsTo(spy, 'POST /api/auth/token/')[0]?.headers.get('Authorization')).toBeNull();

    // The menu names the organisation, its kind and verification state, and signs out.
    await user.click(menu);
    const details = await screen.findByTestId('user-menu-details');
    expect(details).toHaveTextContent('长兴新能动力电池材料有限公司');
    expect(details).toHaveTextContent('企业');
    expect(details).toHaveTextContent('已认证');
    await user.click(screen.getByRole('menuitem', { name: /退出登录/ }));

    expect(await within(screen.getByRole('banner')).findByRole('link', { name: /登录/ })).toBeInTheDocument();
    expect(window.localStorage.getItem('techmatch.token')).toBeNull();
    expect(await screen.findByText('已退出登录')).toBeInTheDocument();
  });

  it('shows the server’s message for wrong credentials and stays signed out', async () => {
    mockApi({
      'POST /api/auth/token/': () =>
        jsonResponse({ detail: '输入有误，请检查各字段。', code: 'invalid', fields: { non_field_errors: ['用户名或密码错误'] } }, 400),
    });
    const { user, router } = renderApp('/login');
    await screen.findByRole('form', { name: '登录' }); // the page loads lazily
    await fill(user, screen.getByLabelText('用户名'), 'tianneng');
    await fill(user, screen.getByLabelText('密码'), 'wrong');
    await user.click(screen.getByRole('button', { name: /^登\s*录$/ }));

    const alert = await screen.findByTestId('form-error');
    expect(alert).toHaveTextContent('输入有误，请检查各字段。');
    expect(alert).toHaveTextContent('用户名或密码错误');
    expect(router.state.location.pathname).toBe('/login');
    expect(window.localStorage.getItem('techmatch.token')).toBeNull();
  });

  it('forgets a token the server no longer accepts', async () => {
    window.localStorage.setItem('techmatch.token', 'stale');
    const spy = mockApi({
      'GET /api/auth/me/': () => jsonResponse({ detail: '认证令牌无效。', code: 'authentication_failed', fields: {} }, 401),
      ...homeRoutes,
    });
    renderApp('/');
    expect(await within(screen.getByRole('banner')).findByRole('link', { name: /登录/ })).toBeInTheDocument();
    expect(window.localStorage.getItem('techmatch.token')).toBeNull();
    await screen.findByTestId('stat-open_needs');
    // A token the server does not know is nobody: the bell never asks for an unread count.
    expect(requestsTo(spy, 'GET /api/notifications/unread-count/')).toHaveLength(0);
  });

  it('restores the session from the stored token on a new visit', async () => {
    mockApi({ ...signedInAs(tianneng), ...homeRoutes });
    renderApp('/');
    expect(await within(screen.getByRole('banner')).findByTestId('user-menu')).toHaveTextContent('tianneng');
    await screen.findByTestId('stat-open_needs');
  });
});
