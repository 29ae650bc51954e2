import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { signedInAs } from '@/testing/auth';
import { taihuLab } from '@/testing/data/marketplace';
import { jsonResponse, mockApi, requestsTo } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

const preferences = {
  digest: true,
  has_email: true,
  kinds: [
    { kind: 'bid_awarded', label: '揭榜申请中榜', digest: true, email: false },
    { kind: 'bid_not_awarded', label: '揭榜申请未中榜', digest: true, email: false },
    { kind: 'deadline_soon', label: '揭榜截止还有 3 天', digest: true, email: false },
  ],
};

describe('notification settings', () => {
  it('changes the channels of a kind and saves only what changed', async () => {
    let sent: unknown;
    const spy = mockApi({
      ...signedInAs(taihuLab),
      'GET /api/notifications/': () => jsonResponse({ count: 0, next: null, previous: null, results: [] }),
      'GET /api/notifications/unread-count/': () => jsonResponse({ unread: 0 }),
      'GET /api/notifications/preferences/': () => jsonResponse(preferences),
      'PATCH /api/notifications/preferences/': async (request: Request) => {
        sent = await request.json();
        return jsonResponse({ ...preferences, kinds: preferences.kinds.map((k) => (k.kind === 'bid_awarded' ? { ...k, digest: false, email: true } : k)) });
      },
    });
    const { user } = renderApp('/notifications');
    await user.click(await screen.findByRole('button', { name: /通知设置/ }));
    const panel = await screen.findByTestId('notification-preferences');
    const save = within(panel).getByRole('button', { name: /保存设置/ });
    expect(save).toBeDisabled();

    await user.click(within(panel).getByRole('checkbox', { name: '揭榜申请中榜：每日摘要' }));
    await user.click(within(panel).getByRole('checkbox', { name: '揭榜申请中榜：即时邮件' }));
    await user.click(save);

    await waitFor(() => expect(sent).toEqual({ digest: true, kinds: [{ kind: 'bid_awarded', digest: false, email: true }] }));
    expect(await screen.findByText('通知设置已保存')).toBeInTheDocument();
    expect(within(panel).getByRole('checkbox', { name: '揭榜申请中榜：即时邮件' })).toBeChecked();
    expect(requestsTo(spy, 'PATCH /api/notifications/preferences/')).toHaveLength(1);
  });

  it('turns every e-mail off with the master switch', async () => {
    let sent: unknown;
    mockApi({
      ...signedInAs(taihuLab),
      'GET /api/notifications/': () => jsonResponse({ count: 0, next: null, previous: null, results: [] }),
      'GET /api/notifications/unread-count/': () => jsonResponse({ unread: 0 }),
      'GET /api/notifications/preferences/': () => jsonResponse({ ...preferences, has_email: false }),
      'PATCH /api/notifications/preferences/': async (request: Request) => {
        sent = await request.json();
        return jsonResponse({ ...preferences, digest: false });
      },
    });
    const { user } = renderApp('/notifications');
    await user.click(await screen.findByRole('button', { name: /通知设置/ }));
    const panel = await screen.findByTestId('notification-preferences');
    expect(panel).toHaveTextContent('您的账号没有填写邮箱，不会收到任何通知邮件。');

    await user.click(within(panel).getByRole('switch', { name: /接收通知邮件/ }));
    expect(within(panel).getByRole('checkbox', { name: '揭榜申请中榜：每日摘要' })).toBeDisabled();
    await user.click(within(panel).getByRole('button', { name: /保存设置/ }));

    await waitFor(() => expect(sent).toEqual({ digest: false, kinds: [] }));
  });
});
