import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { industries } from '@/testing/data/marketplace';
import { separatorSearch } from '@/testing/data/matching';
import { jsonResponse, mockApi, requestsTo } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

/** The main search requests' queries (the facet-count requests ask for one hit per page). */
const mainQueries = (spy: ReturnType<typeof mockApi>) =>
  requestsTo(spy, 'GET /api/search/')
    .map((request) => Object.fromEntries(new URL(request.url).searchParams))
    .filter((query) => query.page_size !== '1');

const optionLabels = () => [...document.querySelectorAll('.ant-select-item-option-content')].map((option) => option.textContent);

/** The label the selector shows for the current order. */
const shownOrder = () => screen.getByRole('combobox', { name: /排序|Sort by/ }).closest('.ant-select')?.querySelector('.ant-select-selection-item')?.textContent;

function chooseOrder(label: string) {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: /排序|Sort by/ }));
  const options = screen.getAllByText(label, { selector: '.ant-select-item-option-content' });
  fireEvent.click(options[options.length - 1]!);
}

function renderSearch(path: string) {
  const spy = mockApi({
    'GET /api/industries/': () => jsonResponse(industries),
    'GET /api/search/': () => jsonResponse(separatorSearch),
  });
  return { spy, ...renderApp(path) };
}

afterEach(() => window.localStorage.clear());

describe('search sort order', () => {
  it('shows relevance first and by default, without an ordering in the URL or the request', async () => {
    const { spy } = renderSearch('/search?q=隔膜');
    await screen.findAllByTestId('search-hit');

    expect(shownOrder()).toBe('相关度');
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '排序' }));
    await waitFor(() => expect(optionLabels()).toEqual(['相关度', '最新发布', '截止时间', '金额从高到低', '金额从低到高']));
    expect(mainQueries(spy).at(-1)).toEqual({ q: '隔膜', page: '1', page_size: '20' });
  });

  it('keeps the chosen order in the URL, sends it, goes back to page 1, and relevance empties the URL again', async () => {
    const { spy, router } = renderSearch('/search?q=隔膜&page=3');
    await screen.findAllByTestId('search-hit');

    chooseOrder('金额从高到低');
    await waitFor(() => expect(mainQueries(spy).at(-1)).toEqual({ q: '隔膜', ordering: '-amount', page: '1', page_size: '20' }));
    expect(router.state.location.search).toBe(`?q=${encodeURIComponent('隔膜')}&ordering=-amount`);

    chooseOrder('截止时间');
    await waitFor(() => expect(mainQueries(spy).at(-1)?.ordering).toBe('deadline'));

    chooseOrder('相关度');
    await waitFor(() => expect(router.state.location.search).toBe(`?q=${encodeURIComponent('隔膜')}`));
    expect(mainQueries(spy).at(-1)).toEqual({ q: '隔膜', page: '1', page_size: '20' });
  });

  it('restores an order from the URL', async () => {
    const { spy } = renderSearch('/search?q=隔膜&ordering=newest');
    await screen.findAllByTestId('search-hit');
    expect(shownOrder()).toBe('最新发布');
    expect(mainQueries(spy).at(-1)?.ordering).toBe('newest');
  });

  it('falls back to relevance for an unknown order', async () => {
    const { spy } = renderSearch('/search?q=隔膜&ordering=bounty');
    await screen.findAllByTestId('search-hit');
    expect(shownOrder()).toBe('相关度');
    expect(mainQueries(spy).at(-1)).toEqual({ q: '隔膜', page: '1', page_size: '20' });
  });

  it('labels the orders in English', async () => {
    window.localStorage.setItem('techmatch.locale', 'en-US');
    renderSearch('/search?q=隔膜');
    await screen.findAllByTestId('search-hit');

    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Sort by' }));
    await waitFor(() =>
      expect(optionLabels()).toEqual(['Relevance', 'Newest', 'Deadline', 'Amount, highest first', 'Amount, lowest first']),
    );
  });
});
