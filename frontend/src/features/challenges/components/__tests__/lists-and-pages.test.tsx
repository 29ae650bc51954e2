import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { history, industries, listItem, page, separatorChallenge } from '@/testing/data/marketplace';
import { jsonResponse, mockApi, requestsTo } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

import { countdown } from '../countdown';

const lastQuery = (spy: ReturnType<typeof mockApi>) => {
  const requests = requestsTo(spy, 'GET /api/challenges/');
  return Object.fromEntries(new URL(requests[requests.length - 1]!.url).searchParams);
};

const inDays = (days: number, hours = 0) => new Date(Date.now() + days * 86_400_000 + hours * 3_600_000).toISOString();

describe('challenge list sorting', () => {
  it('sorts by deadline, bounty and newest through the URL, and clearing the filters restores the default order', async () => {
    const spy = mockApi({
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/challenges/': () => jsonResponse(page([listItem(separatorChallenge)])),
    });
    const { user, router } = renderApp('/challenges?mode=saima&page=2');
    await screen.findAllByTestId('challenge-card');

    const sortBy = async (option: string) => {
      await user.click(screen.getByLabelText('排序'));
      const options = await screen.findAllByText(option, { selector: '.ant-select-item-option-content' });
      await user.click(options[options.length - 1]!);
    };
    await sortBy('悬赏金额');
    await waitFor(() => expect(lastQuery(spy)).toEqual({ page: '1', page_size: '10', mode: 'saima', ordering: '-bounty' }));
    expect(router.state.location.search).toContain('ordering=-bounty');
    await sortBy('截止时间');
    await waitFor(() => expect(lastQuery(spy).ordering).toBe('deadline'));
    await sortBy('最新发布');
    await waitFor(() => expect(lastQuery(spy).ordering).toBe('newest'));

    await user.click(screen.getByRole('button', { name: /清除筛选（1）/ }));
    await waitFor(() => expect(lastQuery(spy)).toEqual({ page: '1', page_size: '10' }));
  });

  it('ignores an ordering the list does not offer', async () => {
    const spy = mockApi({
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/challenges/': () => jsonResponse(page([listItem(separatorChallenge)])),
    });
    renderApp('/challenges?ordering=organisation__name');
    await screen.findAllByTestId('challenge-card');
    expect(lastQuery(spy)).toEqual({ page: '1', page_size: '10' });
  });
});

describe('countdown and bid count', () => {
  it('counts calendar days, says 今日截止 on the day and 已截止 after', () => {
    const now = new Date(2027, 2, 10, 9, 0);
    expect(countdown(new Date(2027, 2, 13, 17, 0).toISOString(), now)).toEqual({ kind: 'days', days: 3 });
    expect(countdown(new Date(2027, 2, 11, 1, 0).toISOString(), now)).toEqual({ kind: 'days', days: 1 });
    expect(countdown(new Date(2027, 2, 10, 23, 59).toISOString(), now)).toEqual({ kind: 'today' });
    expect(countdown(new Date(2027, 2, 10, 8, 59).toISOString(), now)).toEqual({ kind: 'over' });
  });

  it('shows the countdown and the number of bids on a card, and no countdown once bidding has ended', async () => {
    mockApi({
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/challenges/': () =>
        jsonResponse(
          page([
            { ...listItem(separatorChallenge), bid_deadline: inDays(12, 1) },
            { ...listItem(separatorChallenge), id: 2, bid_count: 1, bid_deadline: inDays(-1) },
            { ...listItem(separatorChallenge), id: 3, status: 'awarded', bid_deadline: inDays(-30) },
          ]),
        ),
    });
    renderApp('/challenges');
    const [open, overdue, awarded] = (await screen.findAllByTestId('challenge-card')) as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(open).getByTestId('challenge-countdown')).toHaveTextContent(/^还剩 1[23] 天$/);
    expect(within(open).getByTestId('challenge-bid-count')).toHaveTextContent('3 份揭榜申请');
    expect(within(overdue).getByTestId('challenge-countdown')).toHaveTextContent('已截止');
    expect(within(overdue).getByTestId('challenge-bid-count')).toHaveTextContent('1 份揭榜申请');
    expect(within(awarded).queryByTestId('challenge-countdown')).not.toBeInTheDocument();
  });
});

describe('challenge detail layout', () => {
  const routes = {
    'GET /api/challenges/1/': () => jsonResponse({ ...separatorChallenge, bid_deadline: inDays(0, 1) }),
    'GET /api/challenges/1/history/': () => jsonResponse(history),
  };
  const follows = (first: HTMLElement, second: HTMLElement) =>
    Boolean(first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING);

  it('on a phone puts the key facts before the description and the bid box', async () => {
    window.innerWidth = 390;
    mockApi(routes);
    renderApp('/challenges/1');
    const facts = await screen.findByTestId('challenge-facts');
    expect(facts).toHaveTextContent('300万元');
    expect(facts).toHaveTextContent('3 份揭榜申请');
    expect(follows(facts, screen.getByTestId('challenge-description'))).toBe(true);
    expect(follows(facts, screen.getByTestId('bids-section'))).toBe(true);
    expect(follows(screen.getByTestId('challenge-countdown'), facts)).toBe(true);
    expect(screen.getByTestId('challenge-countdown')).toHaveTextContent(/今日截止|还剩 1 天/);
  });

  it('on a wide screen keeps the key facts in the sidebar', async () => {
    mockApi(routes);
    renderApp('/challenges/1');
    const facts = await screen.findByTestId('challenge-facts');
    expect(follows(screen.getByTestId('bids-section'), facts)).toBe(true);
  });
});

describe('in English', () => {
  it('names the seeded industry chains in English and asks for the history in English', async () => {
    window.localStorage.setItem('techmatch.locale', 'en-US');
    const spy = mockApi({
      'GET /api/challenges/1/': () => jsonResponse(separatorChallenge),
      'GET /api/challenges/1/history/': () => jsonResponse(history),
    });
    renderApp('/challenges/1');
    const facts = await screen.findByTestId('challenge-facts');
    expect(facts).toHaveTextContent('New energy vehicles');
    expect(facts).toHaveTextContent('3 bids');
    await screen.findByTestId('challenge-history');
    expect(requestsTo(spy, 'GET /api/challenges/1/history/')[0]!.headers.get('Accept-Language')).toBe('en-US');
  });

  it('keeps the name of a chain added later, which has no English name here', async () => {
    window.localStorage.setItem('techmatch.locale', 'en-US');
    mockApi({
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/challenges/': () =>
        jsonResponse(page([{ ...listItem(separatorChallenge), industry: { code: 'low_altitude', name: '低空经济', description: '' } }])),
    });
    renderApp('/challenges');
    expect(await screen.findByTestId('challenge-card')).toHaveTextContent('低空经济');
  });
});
