import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { signedInAs } from '@/testing/auth';
import { bids, capability, history, need, separatorChallenge, taihuLab, tianneng } from '@/testing/data/marketplace';
import { boehmiteMatches, indexPending, noMatches, separatorMatches } from '@/testing/data/matching';
import { jsonResponse, mockApi, requestsTo, type ApiRoutes } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

import { INDEX_PENDING_RETRY_MS } from '../../api/get-matches';

const operator = { ...tianneng, id: 1, username: 'operator', is_operator: true, organisation: null };

function challengeRoutes(extra: ApiRoutes = {}): ApiRoutes {
  return {
    'GET /api/challenges/1/': () => jsonResponse(separatorChallenge),
    'GET /api/challenges/1/history/': () => jsonResponse(history),
    'GET /api/challenges/1/bids/': () => jsonResponse(bids),
    'GET /api/challenges/1/matches/': () => jsonResponse(separatorMatches),
    ...extra,
  };
}

/** The text of each <mark> inside `element`. */
const marks = (element: HTMLElement) => within(element).queryAllByTestId('term-hit').map((mark) => mark.textContent);

describe('recommended capabilities on a challenge', () => {
  it('never claims more than about 95%: the labelled sets behind the calibration cannot support it', async () => {
    const certain = { ...separatorMatches, results: separatorMatches.results.map((m, i) => (i === 0 ? { ...m, probability: 0.998 } : m)) };
    mockApi({ ...signedInAs(tianneng), ...challengeRoutes({ 'GET /api/challenges/1/matches/': () => jsonResponse(certain) }) });
    renderApp('/challenges/1');

    const section = await screen.findByRole('region', { name: '推荐的能力与机构' });
    const [first] = (await within(section).findAllByTestId('match-card')) as [HTMLElement];
    expect(within(first).getByTestId('match-strength')).toHaveTextContent('相关概率约 95%');
  });

  it('shows its owner the capabilities with their strength (not a raw cosine), shared terms marked in title and snippet, and the institutes', async () => {
    const spy = mockApi({ ...signedInAs(tianneng), ...challengeRoutes() });
    renderApp('/challenges/1');

    const section = await screen.findByRole('region', { name: '推荐的能力与机构' });
    const cards = await within(section).findAllByTestId('match-card');
    expect(cards).toHaveLength(2);
    const [first, second] = cards as [HTMLElement, HTMLElement];

    const title = within(first).getByRole('heading', { level: 4 });
    expect(within(title).getByRole('link')).toHaveAttribute('href', '/capabilities/5');
    expect(title).toHaveTextContent('勃姆石陶瓷涂覆隔膜制备技术');
    // 隔膜, 涂覆 and 陶瓷 touch in the title: one marked run.
    expect(marks(title)).toEqual(['陶瓷涂覆隔膜']);
    expect(marks(within(first).getByTestId('posting-snippet'))).toEqual(['陶瓷', '涂覆隔膜', '热收缩率', '穿刺', '中试']);
    expect(within(first).getAllByTestId('shared-term').map((tag) => tag.textContent)).toEqual(['隔膜', '涂覆', '陶瓷', '热收缩', '收缩率', '中试', '动力电池', '穿刺']);
    expect(within(first).getByTestId('match-strength')).toHaveTextContent('第 1 名强匹配相关概率约 93%');
    expect(within(first).getByTestId('match-strength')).not.toHaveTextContent('0.946');
    expect(within(first).getByTestId('score-components')).toHaveTextContent('语义相似 0.947');
    expect(within(second).getByTestId('match-strength')).toHaveTextContent('第 2 名可能相关相关概率约 34%');
    expect(within(second).getByTestId('match-strength')).toHaveAttribute('data-strength', 'possible');

    const institutes = within(section).getByTestId('match-institutes');
    const items = within(institutes).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('南太湖先进材料研究院');
    expect(items[0]).toHaveTextContent('1 项匹配的能力成果：勃姆石陶瓷涂覆隔膜制备技术');
    expect(within(items[0]!).getByRole('link', { name: '勃姆石陶瓷涂覆隔膜制备技术' })).toHaveAttribute('href', '/capabilities/5');
    expect(items[1]).toHaveTextContent('浙江某大学湖州研究院（演示）');
    expect(within(items[0]!).getByTestId('institute-strength')).toHaveTextContent('强匹配');
    expect(within(items[1]!).getByTestId('institute-strength')).toHaveTextContent('可能相关');
    expect(items[1]).not.toHaveTextContent('0.889');

    const request = requestsTo(spy, 'GET /api/challenges/1/matches/')[0]!;
    expect(new URL(request.url).searchParams.get('limit')).toBe('10');
    expect(request.headers.get('Authorization')).toBe('Token token-of-tianneng');
  });

  it('shows for each of the challenge’s indicators whether the capability’s numbers meet it, with the sentence', async () => {
    mockApi({ ...signedInAs(tianneng), ...challengeRoutes() });
    renderApp('/challenges/1');
    const [first, second] = (await screen.findAllByTestId('match-card')) as [HTMLElement, HTMLElement];

    expect(within(first).getByTestId('coverage-summary')).toHaveTextContent('2/2 项关键指标达标');
    const table = within(first).getByTestId('indicator-coverage');
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['指标名称', '目标值', '是否达标', '依据']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').slice(0, 3).map((cell) => cell.textContent))).toEqual([
      ['150℃热收缩率', '≤2 %', '✓ 达标 声明 <2%'],
      ['穿刺强度', '≥500 gf', '✓ 达标 声明 520 gf'],
    ]);
    // The evidence is the capability's sentence, with its claim marked in it.
    const evidence = within(rows[0]!).getByTestId('coverage-evidence');
    expect(evidence).toHaveTextContent('涂覆隔膜150℃热收缩率低于2%，穿刺强度为520 gf');
    expect(marks(evidence)).toEqual(['热收缩率低于2%']);
    expect(marks(within(rows[1]!).getByTestId('coverage-evidence'))).toEqual(['穿刺强度为520 gf']);

    // The second capability states a shrinkage that falls short and no puncture strength: no tick for either.
    expect(within(second).getByTestId('coverage-summary')).toHaveTextContent('0/2 项关键指标达标，1 项未达标');
    const marksOfSecond = within(second).getAllByTestId('coverage-mark');
    expect(marksOfSecond.map((mark) => [mark.textContent, mark.dataset.verdict, mark.dataset.addressed])).toEqual([
      ['✗ 未达标 声明 5%', 'unmet', 'false'],
      ['– 未说明', 'unknown', 'false'],
    ]);
    expect(within(second).queryByText('✓')).toBeNull();
    const secondRows = within(within(second).getByTestId('indicator-coverage')).getAllByRole('row').slice(1);
    expect(secondRows[0]).toHaveTextContent('电池包隔膜150℃热收缩率约5%');
    expect(secondRows[1]).toHaveTextContent('未提及');
  });

  it('lists each indicator as a block on a phone', async () => {
    window.innerWidth = 390;
    mockApi({ ...signedInAs(tianneng), ...challengeRoutes() });
    renderApp('/challenges/1');
    const [first] = (await screen.findAllByTestId('match-card')) as [HTMLElement];
    const list = within(first).getByTestId('indicator-coverage');
    expect(list.tagName).toBe('UL');
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^✓ 达标 声明 <2% 150℃热收缩率 ≤2 %掌握水性陶瓷浆料配方/),
      expect.stringMatching(/^✓ 达标 声明 520 gf 穿刺强度 ≥500 gf掌握/),
    ]);
  });

  it('says the index is being built while the API answers index_pending, and retries', async () => {
    let calls = 0;
    mockApi({
      ...signedInAs(tianneng),
      ...challengeRoutes({
        'GET /api/challenges/1/matches/': () => {
          calls += 1;
          return calls === 1 ? jsonResponse(indexPending, 503) : jsonResponse(separatorMatches);
        },
      }),
    });
    const { user } = renderApp('/challenges/1');
    const pending = await screen.findByTestId('matches-index-pending');
    expect(pending).toHaveTextContent('正在建立索引');
    expect(pending).toHaveTextContent('页面每 10 秒自动重试');
    // A 503 index_pending is not retried at once (it would only say the same).
    expect(calls).toBe(1);

    await user.click(within(pending).getByRole('button', { name: /重\s*试/ }));
    expect(await screen.findAllByTestId('match-card')).toHaveLength(2);
    expect(screen.queryByTestId('matches-index-pending')).not.toBeInTheDocument();
  });

  it('asks again by itself while the index is being built', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      let calls = 0;
      mockApi({
        ...signedInAs(tianneng),
        ...challengeRoutes({
          'GET /api/challenges/1/matches/': () => {
            calls += 1;
            return calls < 3 ? jsonResponse(indexPending, 503) : jsonResponse(separatorMatches);
          },
        }),
      });
      renderApp('/challenges/1');
      await screen.findByTestId('matches-index-pending');
      await act(() => vi.advanceTimersByTimeAsync(INDEX_PENDING_RETRY_MS));
      await waitFor(() => expect(calls).toBe(2));
      expect(screen.getByTestId('matches-index-pending')).toBeInTheDocument();
      await act(() => vi.advanceTimersByTimeAsync(INDEX_PENDING_RETRY_MS));
      expect(await screen.findAllByTestId('match-card')).toHaveLength(2);
      // Indexed: no more polling.
      await act(() => vi.advanceTimersByTimeAsync(3 * INDEX_PENDING_RETRY_MS));
      expect(calls).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows the API’s refusal, and a generic error with a retry', async () => {
    mockApi({
      ...signedInAs(tianneng),
      ...challengeRoutes({
        'GET /api/challenges/1/matches/': () => jsonResponse({ detail: '只有发布机构可以查看匹配推荐', code: 'permission_denied', fields: {} }, 403),
      }),
    });
    const first = renderApp('/challenges/1');
    expect(await screen.findByText('只有发布机构可以查看匹配推荐')).toBeInTheDocument();
    first.unmount();

    let calls = 0;
    mockApi({
      ...signedInAs(tianneng),
      ...challengeRoutes({
        'GET /api/challenges/1/matches/': () => {
          calls += 1;
          return calls === 1 ? jsonResponse({ detail: '服务暂时不可用', code: 'error', fields: {} }, 500) : jsonResponse(separatorMatches);
        },
      }),
    });
    const { user } = renderApp('/challenges/1');
    const section = await screen.findByRole('region', { name: '推荐的能力与机构' });
    expect(await within(section).findByText('服务暂时不可用')).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: /^重\s*试$/ }));
    expect(await within(section).findAllByTestId('match-card')).toHaveLength(2);
  });

  it('says so when nothing is a strong enough match, and what would help, instead of padding the list', async () => {
    mockApi({ ...signedInAs(tianneng), ...challengeRoutes({ 'GET /api/challenges/1/matches/': () => jsonResponse(noMatches) }) });
    renderApp('/challenges/1');
    expect(await screen.findByText('暂无高度匹配的能力成果')).toBeInTheDocument();
    expect(screen.getByText(/补充关键指标（数值目标）、专业术语和所属产业链/)).toBeInTheDocument();
    expect(screen.queryByTestId('match-card')).not.toBeInTheDocument();
  });

  it('is not shown, nor asked for, to other organisations and visitors', async () => {
    const spy = mockApi({ ...signedInAs(taihuLab), ...challengeRoutes({ 'GET /api/challenges/1/bids/': () => jsonResponse([]) }) });
    renderApp('/challenges/1');
    await screen.findByTestId('bids-section');
    expect(screen.queryByTestId('matches-section')).not.toBeInTheDocument();
    expect(requestsTo(spy, 'GET /api/challenges/1/matches/')).toHaveLength(0);
  });

  it('is shown to the operator on any organisation’s challenge', async () => {
    mockApi({ ...signedInAs(operator), ...challengeRoutes() });
    renderApp('/challenges/1');
    expect(await screen.findAllByTestId('match-card')).toHaveLength(2);
  });

  it('shows five matches first and the rest on request, with the indicator tables of the first three open', async () => {
    const many = {
      ...separatorMatches,
      results: Array.from({ length: 7 }, (_, i) => ({
        ...separatorMatches.results[1]!,
        posting: { ...separatorMatches.results[1]!.posting, id: 100 + i, title: `能力成果 ${i + 1}` },
        score: 0.9 - i / 100,
      })),
    };
    mockApi({ ...signedInAs(tianneng), ...challengeRoutes({ 'GET /api/challenges/1/matches/': () => jsonResponse(many) }) });
    const { user } = renderApp('/challenges/1');
    const cards = await screen.findAllByTestId('match-card');
    expect(cards).toHaveLength(5);
    expect(cards.map((card) => within(card).queryByTestId('indicator-coverage') !== null)).toEqual([true, true, true, false, false]);
    await user.click(within(cards[3]!).getByRole('button', { name: '查看指标对照' }));
    expect(within(cards[3]!).getByTestId('indicator-coverage')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '显示全部 7 条' }));
    expect(screen.getAllByTestId('match-card')).toHaveLength(7);
  });
});

describe('matches on needs and capabilities', () => {
  it('recommends capabilities on a need to its owner', async () => {
    const spy = mockApi({
      ...signedInAs(tianneng),
      'GET /api/needs/7/': () => jsonResponse(need),
      'GET /api/needs/7/matches/': () => jsonResponse(separatorMatches),
    });
    renderApp('/needs/7');
    const section = await screen.findByRole('region', { name: '推荐的能力与机构' });
    expect(await within(section).findAllByTestId('match-card')).toHaveLength(2);
    expect(requestsTo(spy, 'GET /api/needs/7/matches/')).toHaveLength(1);
  });

  it('shows a capability’s owner the challenges and needs that fit, without an institutes list', async () => {
    mockApi({
      ...signedInAs(taihuLab),
      'GET /api/capabilities/5/': () => jsonResponse(capability),
      'GET /api/capabilities/5/matches/': () => jsonResponse(boehmiteMatches),
    });
    renderApp('/capabilities/5');
    const section = await screen.findByRole('region', { name: '适合的榜单与需求' });
    const [card] = (await within(section).findAllByTestId('match-card')) as [HTMLElement];
    expect(within(card).getByRole('link', { name: '高安全动力电池陶瓷涂覆隔膜研发' })).toHaveAttribute('href', '/challenges/1');
    expect(within(card).getByTestId('posting-kind')).toHaveTextContent('榜单');
    expect(card).toHaveTextContent('榜额：300万元');
    expect(marks(within(card).getByRole('heading', { level: 3 }))).toEqual(['陶瓷涂覆隔膜']);
    // A capability has no indicators of its own: no table.
    expect(within(card).queryByTestId('indicator-coverage')).not.toBeInTheDocument();
    expect(within(section).queryByTestId('match-institutes')).not.toBeInTheDocument();
  });

  it('speaks English when the interface does', async () => {
    window.localStorage.setItem('techmatch.locale', 'en-US');
    mockApi({ ...signedInAs(tianneng), ...challengeRoutes() });
    renderApp('/challenges/1');
    const section = await screen.findByRole('region', { name: 'Recommended capabilities and institutes' });
    const [first] = (await within(section).findAllByTestId('match-card')) as [HTMLElement];
    expect(within(first).getByTestId('coverage-summary')).toHaveTextContent('2 of 2 key indicators met');
    await waitFor(() => expect(within(first).getAllByTestId('coverage-mark')[0]).toHaveTextContent('✓ Met claims <2%'));
  });
});
