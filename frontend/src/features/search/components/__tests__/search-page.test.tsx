import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { industries } from '@/testing/data/marketplace';
import { separatorSearch } from '@/testing/data/matching';
import { fill } from '@/testing/fill';
import { jsonResponse, mockApi, requestsTo } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

type Query = Record<string, string | string[]>;

/** A request's query string as an object; repeated keys become arrays. */
function queryOf(request: Request): Query {
  const out: Query = {};
  const params = new URL(request.url).searchParams;
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length > 1 ? values : values[0]!;
  }
  return out;
}

/** The main search requests (the facet-count requests ask for one hit per page). */
const mainQueries = (spy: ReturnType<typeof mockApi>) =>
  requestsTo(spy, 'GET /api/search/')
    .map(queryOf)
    .filter((query) => query.page_size !== '1');
const lastMainQuery = (spy: ReturnType<typeof mockApi>) => mainQueries(spy).at(-1);
const facetQueries = (spy: ReturnType<typeof mockApi>) =>
  requestsTo(spy, 'GET /api/search/')
    .map(queryOf)
    .filter((query) => query.page_size === '1');

const checkbox = (name: string | RegExp) => screen.getByRole('checkbox', { name });

describe('search page', () => {
  it('searches the text from the URL, lists hits linking to their pages with the words marked, and shows facet counts', async () => {
    const spy = mockApi({
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/search/': () => jsonResponse(separatorSearch),
    });
    renderApp('/search?q=隔膜');

    const hits = await screen.findAllByTestId('search-hit');
    expect(hits).toHaveLength(2);
    expect(within(hits[0]!).getByRole('link', { name: '高安全动力电池陶瓷涂覆隔膜研发' })).toHaveAttribute('href', '/challenges/1');
    expect(within(hits[0]!).getByTestId('posting-kind')).toHaveTextContent('榜单');
    expect(hits[0]).toHaveTextContent('榜额：300万元');
    expect(hits[0]).toHaveTextContent('长兴县');
    expect(within(hits[1]!).getByRole('link', { name: '勃姆石陶瓷涂覆隔膜制备技术' })).toHaveAttribute('href', '/capabilities/5');
    expect(within(hits[1]!).getAllByTestId('term-hit').map((mark) => mark.textContent)).toEqual(['隔膜', '隔膜']);
    // A challenge shows its bid deadline, a capability its TRL.
    expect(within(hits[0]!).getByTestId('posting-deadline')).toHaveTextContent('揭榜截止时间：2030年1月10日');
    expect(within(hits[0]!).queryByTestId('posting-trl')).toBeNull();
    expect(within(hits[1]!).getByTestId('posting-trl')).toHaveTextContent('技术成熟度：TRL 6');
    expect(screen.getByTestId('search-count')).toHaveTextContent('“隔膜”共 2 条结果');
    expect(document.title).toBe('搜索“隔膜” · 湖州科技撮合平台 TechMatch');
    expect(screen.getByLabelText('搜索关键词')).toHaveValue('隔膜');
    expect(lastMainQuery(spy)).toEqual({ q: '隔膜', page: '1', page_size: '20' });

    // Every value the API counted, with its count; a kind with no hit is shown, at 0, and disabled.
    expect(checkbox('榜单(1)')).not.toBeChecked();
    expect(checkbox('能力成果(1)')).toBeEnabled();
    expect(checkbox('需求(0)')).toBeDisabled();
    expect(await screen.findByRole('checkbox', { name: '新能源汽车(2)' })).toBeEnabled();
    expect(checkbox('南太湖新区(1)')).toBeInTheDocument();
    expect(checkbox('长兴县(1)')).toBeInTheDocument();
    expect(checkbox('已发布 / 揭榜中(2)')).toBeInTheDocument();
    // Nothing is filtered yet: no extra count requests.
    expect(facetQueries(spy)).toHaveLength(0);
  });

  it('keeps the filters in the URL and sends them to the API: facets, the amount in 万元 as yuan, the TRL range', async () => {
    const spy = mockApi({
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/search/': () => jsonResponse(separatorSearch),
    });
    const { user, router } = renderApp('/search?q=隔膜&page=3');
    await screen.findAllByTestId('search-hit');

    await user.click(checkbox('能力成果(1)'));
    await waitFor(() => expect(lastMainQuery(spy)).toEqual({ q: '隔膜', kind: 'capability', page: '1', page_size: '20' }));
    // A new filter starts from the first page.
    expect(router.state.location.search).toBe(`?q=${encodeURIComponent('隔膜')}&kind=capability`);

    await user.click(await screen.findByRole('checkbox', { name: /^南太湖新区/ }));
    await user.click(screen.getByRole('checkbox', { name: /^长兴县/ }));
    await fill(user, screen.getByLabelText('金额不低于'), '50{Enter}');
    await fill(user, screen.getByLabelText('金额不高于'), '300.5');
    await user.tab();
    await user.click(screen.getByLabelText('成熟度不低于'));
    await user.click((await screen.findAllByText('TRL 5', { selector: '.ant-select-item-option-content' }))[0]!);

    await waitFor(() =>
      expect(lastMainQuery(spy)).toEqual({
        q: '隔膜',
        kind: 'capability',
        region: ['changxing', 'nantaihu'],
        amount_min: '500000',
        amount_max: '3005000',
        trl_min: '5',
        page: '1',
        page_size: '20',
      }),
    );
    const url = new URLSearchParams(router.state.location.search);
    expect(url.getAll('region')).toEqual(['nantaihu', 'changxing']);
    expect(url.get('amount_min')).toBe('500000');
    expect(url.get('trl_min')).toBe('5');

    // Unticking removes just that value.
    await user.click(screen.getByRole('checkbox', { name: /^南太湖新区/ }));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).getAll('region')).toEqual(['changxing']));

    // Clearing the filters keeps the text.
    await user.click(screen.getByRole('button', { name: /清除筛选（5）/ }));
    await waitFor(() => expect(lastMainQuery(spy)).toEqual({ q: '隔膜', page: '1', page_size: '20' }));
    expect(router.state.location.search).toBe(`?q=${encodeURIComponent('隔膜')}`);
    expect(screen.getByLabelText('金额不低于')).toHaveValue('');
  });

  it('restores the filters from a bookmarked URL, and drops values the API would refuse', async () => {
    const spy = mockApi({
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/search/': () => jsonResponse(separatorSearch),
    });
    renderApp('/search?kind=challenge&kind=bogus&industry=new_energy_vehicle&amount_min=1000000&amount_max=abc&trl_max=12&trl_min=4&page=2&page_size=50');
    await screen.findAllByTestId('search-hit');

    expect(lastMainQuery(spy)).toEqual({
      kind: 'challenge',
      industry: 'new_energy_vehicle',
      amount_min: '1000000',
      trl_min: '4',
      page: '2',
      page_size: '50',
    });
    expect(screen.getByRole('checkbox', { name: /^榜单/ })).toBeChecked();
    expect(await screen.findByRole('checkbox', { name: /^新能源汽车/ })).toBeChecked();
    expect(screen.getByLabelText('金额不低于')).toHaveValue('100');
    expect(within(screen.getByTestId('facet-filters')).getByTitle('TRL 4')).toBeInTheDocument();
  });

  it('counts the other values of a filtered field as if that field were not filtered', async () => {
    const spy = mockApi({
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/search/': (request) => {
        const query = queryOf(request);
        // Filtered on 榜单, the API counts only challenges; asked without the kind, all kinds.
        if (query.kind === 'challenge') {
          return jsonResponse({ ...separatorSearch, count: 1, results: [separatorSearch.results[0]], facets: { ...separatorSearch.facets, kind: { challenge: 1 } } });
        }
        return jsonResponse({ ...separatorSearch, facets: { ...separatorSearch.facets, kind: { challenge: 1, capability: 1, need: 3 } } });
      },
    });
    renderApp('/search?q=隔膜&kind=challenge');
    expect(await screen.findAllByTestId('search-hit')).toHaveLength(1);

    expect(await screen.findByRole('checkbox', { name: '需求(3)' })).toBeEnabled();
    expect(checkbox('能力成果(1)')).not.toBeChecked();
    expect(checkbox('榜单(1)')).toBeChecked();
    // The extra request: the same query without the kind, one hit per page.
    expect(facetQueries(spy)).toEqual([{ q: '隔膜', page_size: '1' }]);
  });

  it('pages through results', async () => {
    const spy = mockApi({
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/search/': () => jsonResponse({ ...separatorSearch, count: 45 }),
    });
    const { user, router } = renderApp('/search?q=电池');
    await screen.findAllByTestId('search-hit');
    const pagination = screen.getByRole('navigation', { name: '分页' });
    await user.click(within(pagination).getByText('3'));
    await waitFor(() => expect(lastMainQuery(spy)).toEqual({ q: '电池', page: '3', page_size: '20' }));
    expect(new URLSearchParams(router.state.location.search).get('page')).toBe('3');
  });

  it('searches again when the text changes, and lists everything when it is cleared', async () => {
    const spy = mockApi({
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/search/': () => jsonResponse(separatorSearch),
    });
    const { user, router } = renderApp('/search');
    await screen.findAllByTestId('search-hit');
    expect(lastMainQuery(spy)).toEqual({ page: '1', page_size: '20' });
    expect(screen.getByTestId('search-count')).toHaveTextContent('共 2 条结果');

    await fill(user, screen.getByLabelText('搜索关键词'), '叉车快充{Enter}');
    await waitFor(() => expect(lastMainQuery(spy)).toEqual({ q: '叉车快充', page: '1', page_size: '20' }));
    expect(router.state.location.search).toBe(`?q=${encodeURIComponent('叉车快充')}`);

    await user.clear(screen.getByLabelText('搜索关键词'));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('finds nothing for a text about nothing, and suggests what to type instead', async () => {
    mockApi({
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/search/': () => jsonResponse({ count: 0, page: 1, page_size: 20, results: [], facets: { kind: {}, industry: {}, region: {}, status: {} } }),
    });
    renderApp('/search?q=%25%25%25');
    expect(await screen.findByText('没有找到与「%%%」相关的内容')).toBeInTheDocument();
    expect(screen.getByText(/换用专业术语或更短的关键词/)).toBeInTheDocument();
    expect(screen.queryByTestId('search-hit')).not.toBeInTheDocument();
  });

  it('says when nothing is found, and offers to clear the filters', async () => {
    mockApi({
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/search/': (request) =>
        jsonResponse(
          new URL(request.url).searchParams.has('region')
            ? { count: 0, page: 1, page_size: 20, results: [], facets: {} }
            : separatorSearch,
        ),
    });
    const { user } = renderApp('/search?q=隔膜&region=anji');
    expect(await screen.findByText('没有找到与「隔膜」相关的内容')).toBeInTheDocument();
    expect(screen.getByText('试试放宽筛选条件')).toBeInTheDocument();
    // The ticked value stays visible, so it can be unticked.
    expect(screen.getByRole('checkbox', { name: /^安吉县/ })).toBeChecked();
    const clears = screen.getAllByText('清除筛选（1）');
    await user.click(clears[clears.length - 1]!);
    expect(await screen.findAllByTestId('search-hit')).toHaveLength(2);
  });

  it('shows a loading state, and an error with a retry', async () => {
    let answer: (response: Response) => void = () => undefined;
    let calls = 0;
    mockApi({
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/search/': () => {
        calls += 1;
        if (calls === 1) return new Promise<Response>((resolve) => (answer = resolve));
        return jsonResponse(separatorSearch);
      },
    });
    const { user } = renderApp('/search?q=隔膜');
    expect(await screen.findByText('正在搜索…')).toBeInTheDocument();
    answer(jsonResponse({ detail: '搜索服务暂时不可用', code: 'search_unavailable', fields: {} }, 503));
    expect(await screen.findByText('搜索服务暂时不可用')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^重\s*试$/ }));
    expect(await screen.findAllByTestId('search-hit')).toHaveLength(2);
  });

  it('puts the filters in a drawer on a phone', async () => {
    window.innerWidth = 390;
    mockApi({
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/search/': () => jsonResponse(separatorSearch),
    });
    const { user, router } = renderApp('/search?q=隔膜');
    await screen.findAllByTestId('search-hit');
    expect(screen.queryByTestId('facet-filters')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /筛选条件/ }));
    await user.click(await screen.findByRole('checkbox', { name: '榜单(1)' }));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('kind')).toBe('challenge'));
  });
});
