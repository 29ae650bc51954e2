import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { signedInAs } from '@/testing/auth';
import { taihuLab, tianneng } from '@/testing/data/marketplace';
import { recommendations } from '@/testing/data/matching';
import { jsonResponse, mockApi, requestsTo } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

describe('recommendations for an institute', () => {
  it('is linked from the header and lists challenges and needs with the capability that fits, score and why', async () => {
    const spy = mockApi({ ...signedInAs(taihuLab), 'GET /api/recommendations/': () => jsonResponse(recommendations) });
    const { user, router } = renderApp('/no-such-page');
    await user.click(await screen.findByTestId('header-recommendations'));
    expect(router.state.location.pathname).toBe('/recommendations');

    expect(await screen.findByRole('heading', { level: 1, name: '为我推荐' })).toBeInTheDocument();
    expect(screen.getByText(/根据南太湖先进材料研究院已发布的能力成果/)).toBeInTheDocument();
    const items = await screen.findAllByTestId('recommendation');
    expect(items).toHaveLength(2);
    const [first, second] = items as [HTMLElement, HTMLElement];

    expect(within(first).getByRole('link', { name: '高安全动力电池陶瓷涂覆隔膜研发' })).toHaveAttribute('href', '/challenges/1');
    expect(within(first).getByTestId('posting-kind')).toHaveTextContent('榜单');
    expect(within(first).getByTestId('match-strength')).toHaveTextContent('第 1 名强匹配相关概率约 92%');
    expect(within(second).getByTestId('match-strength')).toHaveTextContent('可能相关');
    const via = within(first).getByTestId('recommendation-capability');
    expect(via).toHaveTextContent('匹配的本机构能力成果：勃姆石陶瓷涂覆隔膜制备技术');
    expect(within(via).getByRole('link')).toHaveAttribute('href', '/capabilities/5');
    expect(within(via).getAllByTestId('term-hit').map((mark) => mark.textContent)).toEqual(['陶瓷涂覆隔膜']);
    expect(within(first).getAllByTestId('term-hit').map((mark) => mark.textContent)).toContain('涂覆隔膜');
    // No indicators on the capability side: no table.
    expect(within(first).queryByTestId('indicator-coverage')).not.toBeInTheDocument();

    expect(within(second).getByTestId('posting-kind')).toHaveTextContent('需求');
    expect(within(second).getByRole('link', { name: '叉车锂电池快充缩短到一小时内' })).toHaveAttribute('href', '/needs/7');
    expect(second).toHaveTextContent('预算上限：120万元');

    expect(new URL(requestsTo(spy, 'GET /api/recommendations/')[0]!.url).searchParams.get('limit')).toBe('20');
  });

  it('explains an empty feed and offers to publish a capability', async () => {
    mockApi({ ...signedInAs(taihuLab), 'GET /api/recommendations/': () => jsonResponse([]) });
    renderApp('/recommendations');
    expect(await screen.findByText('暂无高度匹配的推荐')).toBeInTheDocument();
    expect(screen.getByText(/补充技术参数、专业术语和所属产业链/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /发布能力成果/ })).toHaveAttribute('href', '/capabilities/new');
  });

  it('is not in the header of an enterprise, and asks visitors to sign in', async () => {
    mockApi({ ...signedInAs(tianneng) });
    const first = renderApp('/no-such-page');
    await screen.findByTestId('user-menu');
    expect(screen.queryByTestId('header-recommendations')).not.toBeInTheDocument();
    first.unmount();

    window.localStorage.clear();
    renderApp('/recommendations');
    expect(await screen.findByRole('heading', { level: 1, name: '为我推荐' })).toBeInTheDocument();
    expect(screen.getByText('登录后才能查看推荐。')).toBeInTheDocument();
  });
});
