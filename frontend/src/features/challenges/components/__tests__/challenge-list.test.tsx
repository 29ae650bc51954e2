import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { signedInAs } from '@/testing/auth';
import { chassisChallengeHidden, industries, listItem, page, separatorChallenge, taihuLab, tianneng } from '@/testing/data/marketplace';
import { fill } from '@/testing/fill';
import { jsonResponse, mockApi, requestsTo } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

const lastQuery = (spy: ReturnType<typeof mockApi>) => {
  const requests = requestsTo(spy, 'GET /api/challenges/');
  return Object.fromEntries(new URL(requests[requests.length - 1]!.url).searchParams);
};

describe('challenge list', () => {
  it('lists challenges with status, mode, confidentiality and the bounty in 万元', async () => {
    mockApi({
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/challenges/': () => jsonResponse(page([listItem(separatorChallenge), listItem(chassisChallengeHidden)])),
    });
    renderApp('/challenges');

    const cards = await screen.findAllByTestId('challenge-card');
    expect(cards).toHaveLength(2);
    const [first, second] = cards as [HTMLElement, HTMLElement];
    expect(within(first).getByRole('link', { name: '高安全动力电池陶瓷涂覆隔膜研发' })).toHaveAttribute('href', '/challenges/1');
    expect(first).toHaveTextContent('揭榜中');
    expect(first).toHaveTextContent('赛马制 · 最多 2 个团队');
    expect(first).toHaveTextContent('300万元');
    expect(first).toHaveTextContent('长兴新能动力电池材料有限公司');
    expect(second).toHaveTextContent('800万元');
    expect(second).toHaveTextContent('仅公开摘要');
    expect(screen.getByText('共 2 个榜单')).toBeInTheDocument();
    expect(document.title).toBe('榜单 · 湖州科技撮合平台 TechMatch');
    // Visitors are not offered to post.
    expect(screen.queryByRole('link', { name: /发布榜单/ })).not.toBeInTheDocument();
  });

  it('filters by industry, status, mode, list type, district and a bounty range typed in 万元, in the URL and the request', async () => {
    const spy = mockApi({
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/challenges/': () => jsonResponse(page([listItem(separatorChallenge)])),
    });
    const { user, router } = renderApp('/challenges');
    await screen.findAllByTestId('challenge-card');
    expect(lastQuery(spy)).toEqual({ page: '1', page_size: '10' });

    const choose = async (label: string, option: string) => {
      await user.click(screen.getByLabelText(label));
      const options = await screen.findAllByText(option, { selector: '.ant-select-item-option-content' });
      await user.click(options[options.length - 1]!);
    };
    await choose('产业链', '新能源汽车');
    await choose('状态', '揭榜中');
    await choose('组织方式', '赛马制');
    await choose('清单类型', '替代');
    await choose('所在地区', '长兴县');
    await fill(user, screen.getByLabelText('榜额不低于'), '200{Enter}');
    await fill(user, screen.getByLabelText('榜额不高于'), '1000.5');
    await user.tab();

    await waitFor(() =>
      expect(lastQuery(spy)).toEqual({
        page: '1',
        page_size: '10',
        industry: 'new_energy_vehicle',
        status: 'published',
        mode: 'saima',
        list_type: 'substitution',
        region: 'changxing',
        bounty_min: '2000000',
        bounty_max: '10005000',
      }),
    );
    expect(router.state.location.search).toContain('bounty_min=2000000');

    await user.click(screen.getByRole('button', { name: /清除筛选（7）/ }));
    await waitFor(() => expect(lastQuery(spy)).toEqual({ page: '1', page_size: '10' }));
    expect(screen.getByLabelText('榜额不低于')).toHaveValue('');
  });

  it('reads filters from the URL and shows the bounty bounds back in 万元', async () => {
    const spy = mockApi({
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/challenges/': () => jsonResponse(page([listItem(separatorChallenge)])),
    });
    renderApp('/challenges?bounty_min=3000000&mode=saima&status=bogus');
    await screen.findAllByTestId('challenge-card');
    expect(screen.getByLabelText('榜额不低于')).toHaveValue('300');
    // An unknown status from a hand-edited URL is not sent.
    expect(lastQuery(spy)).toEqual({ page: '1', page_size: '10', bounty_min: '3000000', mode: 'saima' });
  });

  it('pages through results', async () => {
    const spy = mockApi({
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/challenges/': () => jsonResponse(page([listItem(separatorChallenge)], 25)),
    });
    const { user } = renderApp('/challenges');
    await screen.findAllByTestId('challenge-card');
    const pagination = screen.getByRole('navigation', { name: '分页' });
    await user.click(within(pagination).getByText('3'));
    await waitFor(() => expect(lastQuery(spy)).toEqual({ page: '3', page_size: '10' }));
  });

  it('says when nothing matches and offers to clear the filters', async () => {
    mockApi({
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/challenges/': (request) =>
        jsonResponse(new URL(request.url).searchParams.has('mode') ? page([]) : page([listItem(separatorChallenge)])),
    });
    const { user } = renderApp('/challenges?mode=jiebang');
    expect(await screen.findByText('没有符合条件的榜单')).toBeInTheDocument();
    expect(screen.getByText('试试放宽筛选条件')).toBeInTheDocument();
    const clears = screen.getAllByText('清除筛选（1）');
    await user.click(clears[clears.length - 1]!);
    expect(await screen.findByTestId('challenge-card')).toBeInTheDocument();
  });

  it('shows an error with a retry', async () => {
    let calls = 0;
    mockApi({
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/challenges/': () => {
        calls += 1;
        return calls === 1 ? jsonResponse({ detail: '服务暂时不可用', code: 'error', fields: {} }, 503) : jsonResponse(page([listItem(separatorChallenge)]));
      },
    });
    const { user } = renderApp('/challenges');
    expect(await screen.findByText('服务暂时不可用')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^重\s*试$/ }));
    expect(await screen.findByTestId('challenge-card')).toBeInTheDocument();
  });

  it('shows a loading state first', async () => {
    let answer: (response: Response) => void = () => undefined;
    mockApi({
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/challenges/': () => new Promise<Response>((resolve) => (answer = resolve)),
    });
    renderApp('/challenges');
    expect(await screen.findByRole('status')).toHaveTextContent('正在加载榜单…');
    answer(jsonResponse(page([listItem(separatorChallenge)])));
    expect(await screen.findByTestId('challenge-card')).toBeInTheDocument();
    expect(screen.queryByTestId('loading')).not.toBeInTheDocument();
  });

  it('offers enterprises to post a challenge, not institutes', async () => {
    mockApi({
      ...signedInAs(tianneng),
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/challenges/': () => jsonResponse(page([])),
    });
    const first = renderApp('/challenges');
    expect(await screen.findByRole('link', { name: /发布榜单/ })).toHaveAttribute('href', '/challenges/new');
    first.unmount();

    window.localStorage.clear();
    mockApi({
      ...signedInAs(taihuLab),
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/challenges/': () => jsonResponse(page([])),
    });
    renderApp('/challenges');
    await screen.findByText('没有符合条件的榜单');
    await screen.findByTestId('user-menu');
    expect(screen.queryByRole('link', { name: /发布榜单/ })).not.toBeInTheDocument();
  });
});
