import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { signedInAs } from '@/testing/auth';
import { history, listItem, page, separatorChallenge, taihuLab } from '@/testing/data/marketplace';
import { notifications, stats } from '@/testing/data/matching';
import { jsonResponse, mockApi, requestsTo, type ApiRoutes } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

import { UNREAD_POLL_MS } from '../../api/get-unread-count';

const homeRoutes: ApiRoutes = {
  'GET /api/health/': () => jsonResponse({ status: 'ok', version: '0.1.0', checks: {} }),
  'GET /api/stats/': () => jsonResponse(stats),
  'GET /api/challenges/': () => jsonResponse(page([listItem(separatorChallenge)])),
};

const bell = () => screen.getByTestId('notification-bell');

describe('unread badge', () => {
  beforeEach(() => {
    // Fake clocks that still move with real time, so that Testing Library's waits work.
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the unread count and asks again every minute while signed in', async () => {
    let unread = 2;
    const spy = mockApi({
      ...signedInAs(taihuLab),
      ...homeRoutes,
      'GET /api/notifications/unread-count/': () => jsonResponse({ unread }),
    });
    renderApp('/');
    await waitFor(() => expect(bell()).toHaveAccessibleName('通知（2 条未读）'));
    expect(within(bell()).getByTestId('unread-badge')).toHaveTextContent('2');
    expect(requestsTo(spy, 'GET /api/notifications/unread-count/')).toHaveLength(1);

    // Two new notifications arrive on the server; nothing is asked before the minute is up.
    unread = 4;
    await act(() => vi.advanceTimersByTimeAsync(UNREAD_POLL_MS - 5_000));
    expect(requestsTo(spy, 'GET /api/notifications/unread-count/')).toHaveLength(1);
    expect(bell()).toHaveAccessibleName('通知（2 条未读）');

    await act(() => vi.advanceTimersByTimeAsync(5_000));
    await waitFor(() => expect(bell()).toHaveAccessibleName('通知（4 条未读）'));
    expect(requestsTo(spy, 'GET /api/notifications/unread-count/')).toHaveLength(2);

    // Everything read elsewhere: the badge goes away at the next poll.
    unread = 0;
    await act(() => vi.advanceTimersByTimeAsync(UNREAD_POLL_MS));
    await waitFor(() => expect(bell()).toHaveAccessibleName('通知'));
    expect(requestsTo(spy, 'GET /api/notifications/unread-count/')).toHaveLength(3);
  });

  it('never asks for visitors, and stops asking after signing out', async () => {
    const anonymous = mockApi(homeRoutes);
    const first = renderApp('/');
    await screen.findByTestId('stat-open_needs');
    await act(() => vi.advanceTimersByTimeAsync(3 * UNREAD_POLL_MS));
    expect(screen.queryByTestId('notification-bell')).not.toBeInTheDocument();
    expect(requestsTo(anonymous, 'GET /api/notifications/unread-count/')).toHaveLength(0);
    first.unmount();

    const spy = mockApi({ ...signedInAs(taihuLab, { unread: 1 }), ...homeRoutes });
    const { user } = renderApp('/');
    await waitFor(() => expect(bell()).toHaveAccessibleName('通知（1 条未读）'));
    await user.click(screen.getByTestId('user-menu'));
    await user.click(await screen.findByRole('menuitem', { name: /退出登录/ }));
    await waitFor(() => expect(screen.queryByTestId('notification-bell')).not.toBeInTheDocument());
    const asked = requestsTo(spy, 'GET /api/notifications/unread-count/').length;
    await act(() => vi.advanceTimersByTimeAsync(3 * UNREAD_POLL_MS));
    expect(requestsTo(spy, 'GET /api/notifications/unread-count/')).toHaveLength(asked);
  });
});

describe('notifications', () => {
  function routes(extra: ApiRoutes = {}): ApiRoutes {
    let read = new Set<number>();
    const current = () => notifications.map((item) => (read.has(item.id) ? { ...item, read: true, read_at: '2026-11-27T09:00:00+08:00' } : item));
    return {
      ...signedInAs(taihuLab),
      ...homeRoutes,
      'GET /api/notifications/unread-count/': () => jsonResponse({ unread: current().filter((item) => !item.read).length }),
      'GET /api/notifications/': () => jsonResponse(page(current())),
      'POST /api/notifications/15/read/': () => {
        read.add(15);
        return jsonResponse(current()[0]);
      },
      'POST /api/notifications/12/read/': () => {
        read.add(12);
        return jsonResponse(current()[1]);
      },
      'POST /api/notifications/read-all/': () => {
        const marked = current().filter((item) => !item.read).length;
        read = new Set(notifications.map((item) => item.id));
        return jsonResponse({ marked });
      },
      ...extra,
    };
  }

  it('opens the latest from the bell; following one marks it read and goes to the posting', async () => {
    const spy = mockApi(
      routes({
        'GET /api/challenges/5/': () => jsonResponse({ ...separatorChallenge, id: 5, title: '航空发动机用高温合金增材制造工艺' }),
        'GET /api/challenges/5/history/': () => jsonResponse(history),
        'GET /api/challenges/5/bids/': () => jsonResponse([]),
      }),
    );
    const { user, router } = renderApp('/');
    await waitFor(() => expect(bell()).toHaveAccessibleName('通知（2 条未读）'));
    await user.click(bell());

    const popover = await screen.findByTestId('notification-popover');
    const items = await within(popover).findAllByTestId('notification');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('未读：航空发动机用高温合金增材制造工艺');
    expect(items[0]).toHaveTextContent('新榜单与您的能力匹配');
    expect(items[0]).toHaveTextContent('与您的“高温合金粉末冶金与增材制造”匹配');
    expect(new URL(requestsTo(spy, 'GET /api/notifications/')[0]!.url).searchParams.get('page_size')).toBe('5');

    await user.click(within(items[0]!).getByRole('link', { name: /航空发动机用高温合金增材制造工艺/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/challenges/5'));
    await waitFor(() => expect(requestsTo(spy, 'POST /api/notifications/15/read/')).toHaveLength(1));
    await waitFor(() => expect(bell()).toHaveAccessibleName('通知（1 条未读）'));
    // The pop-up closed on the way.
    expect(bell()).toHaveAttribute('aria-expanded', 'false');
  });

  it('marks all read from the bell', async () => {
    const spy = mockApi(routes());
    const { user } = renderApp('/');
    await waitFor(() => expect(bell()).toHaveAccessibleName('通知（2 条未读）'));
    await user.click(bell());
    const popover = await screen.findByTestId('notification-popover');
    await within(popover).findAllByTestId('notification');
    await user.click(within(popover).getByRole('button', { name: '全部标为已读' }));

    expect(await screen.findByText('已将 2 条通知标为已读')).toBeInTheDocument();
    await waitFor(() => expect(bell()).toHaveAccessibleName('通知'));
    expect(requestsTo(spy, 'POST /api/notifications/read-all/')).toHaveLength(1);
    await waitFor(() => expect(within(popover).getAllByTestId('notification').map((item) => item.dataset.read)).toEqual(['true', 'true']));
  });

  it('lists every notification on its page, linked to the postings, with mark read and mark all read', async () => {
    const spy = mockApi(routes());
    const { user } = renderApp('/notifications');
    expect(await screen.findByRole('heading', { level: 1, name: '通知' })).toBeInTheDocument();
    const list = await screen.findByTestId('notification-list');
    const items = within(list).getAllByTestId('notification');
    expect(within(items[1]!).getByRole('link', { name: /高安全动力电池陶瓷涂覆隔膜研发/ })).toHaveAttribute('href', '/challenges/1');
    expect(await screen.findByText('共 2 条通知，2 条未读')).toBeInTheDocument();

    await user.click(within(items[1]!).getByRole('button', { name: '标为已读' }));
    await waitFor(() => expect(within(list).getAllByTestId('notification')[1]).toHaveAttribute('data-read', 'true'));
    expect(within(within(list).getAllByTestId('notification')[1]!).queryByRole('button', { name: '标为已读' })).not.toBeInTheDocument();
    expect(requestsTo(spy, 'POST /api/notifications/12/read/')).toHaveLength(1);
    expect(await screen.findByText('共 2 条通知，1 条未读')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /全部标为已读/ }));
    expect(await screen.findByText('共 2 条通知，0 条未读')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /全部标为已读/ })).toBeDisabled();
  });

  it('is a link to the notifications page on a phone', async () => {
    window.innerWidth = 390;
    mockApi(routes());
    const { user, router } = renderApp('/');
    await waitFor(() => expect(bell()).toHaveAccessibleName('通知（2 条未读）'));
    expect(bell()).toHaveAttribute('href', '/notifications');
    await user.click(bell());
    expect(router.state.location.pathname).toBe('/notifications');
    expect(await screen.findByTestId('notification-list')).toBeInTheDocument();
  });

  it('asks visitors to sign in', async () => {
    renderApp('/notifications');
    expect(await screen.findByText('请先登录')).toBeInTheDocument();
    expect(within(screen.getByRole('main')).getByRole('link', { name: /登\s*录/ })).toHaveAttribute('href', '/login?next=%2Fnotifications');
  });
});

describe('notices of the 揭榜挂帅 process and of contracts', () => {
  it('links a bid notice to its challenge and a contract notice to the contract', async () => {
    const base = { score: null, created_at: '2026-12-07T10:00:00+08:00', read: false, read_at: null } as const;
    mockApi({
      ...signedInAs(taihuLab),
      ...homeRoutes,
      'GET /api/notifications/unread-count/': () => jsonResponse({ unread: 2 }),
      'GET /api/notifications/': () =>
        jsonResponse(
          page([
            { ...base, id: 31, kind: 'bid_awarded', kind_label: '揭榜申请中榜', posting_kind: 'challenge', posting_id: 1,
              about_kind: 'bid', about_id: 4, title: '揭榜申请中榜：高安全动力电池陶瓷涂覆隔膜研发', body: '下一步：签订技术合同。' },
            { ...base, id: 32, kind: 'deal_registered', kind_label: '技术合同已认定登记', posting_kind: 'deal', posting_id: 7,
              about_kind: 'deal', about_id: 7, title: '技术合同已认定登记：2026330502000999', body: '计入全市技术交易额。' },
          ]),
        ),
    });
    renderApp('/notifications');
    const list = await screen.findByTestId('notification-list');
    expect(within(list).getByRole('link', { name: /揭榜申请中榜/ })).toHaveAttribute('href', '/challenges/1');
    expect(within(list).getByRole('link', { name: /技术合同已认定登记：/ })).toHaveAttribute('href', '/deals/7');
    expect(within(list).getByText('揭榜申请中榜', { selector: '.ant-tag' })).toBeInTheDocument();
  });
});
