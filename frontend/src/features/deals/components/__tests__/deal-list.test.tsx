import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { signedInAs } from '@/testing/auth';
import { dealListItem, kjj, offlineDeal, recordedDeal, registeredDeal } from '@/testing/data/deals';
import { page, tianneng } from '@/testing/data/marketplace';
import { fill } from '@/testing/fill';
import { jsonResponse, mockApi, requestsTo } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

describe('the contracts list', () => {
  it('shows an official the whole ledger, filtered through the URL', async () => {
    const spy = mockApi({
      ...signedInAs(kjj),
      'GET /api/deals/': () => jsonResponse(page([dealListItem(registeredDeal), dealListItem(offlineDeal)], 23)),
    });
    const { user, router } = renderApp('/deals?status=registered');
    expect(await screen.findByRole('heading', { level: 1, name: '技术合同' })).toBeInTheDocument();
    expect(await screen.findByTestId('deal-count')).toHaveTextContent('共 23 份合同');
    expect(screen.getByRole('link', { name: /录入线下合同/ })).toHaveAttribute('href', '/deals/new');

    const rows = screen.getAllByTestId('deal-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole('link', { name: '高安全动力电池陶瓷涂覆隔膜研发' })).toHaveAttribute('href', '/deals/7');
    expect(rows[0]).toHaveTextContent('2026330522000318');
    expect(rows[0]).toHaveTextContent('买方：长兴新能动力电池材料有限公司（长兴县）');
    expect(rows[0]).toHaveTextContent('卖方：南太湖先进材料研究院（南太湖新区）');
    expect(rows[0]).toHaveTextContent('260万元');
    expect(rows[0]).toHaveTextContent('330522-2026-0318');
    expect(rows[0]).toHaveTextContent('已认定登记');
    expect(rows[1]).toHaveTextContent('未认定登记');
    expect(rows[1]).toHaveTextContent('技术服务');

    const first = requestsTo(spy, 'GET /api/deals/')[0]!;
    expect(Object.fromEntries(new URL(first.url).searchParams)).toEqual({ page: '1', page_size: '10', status: 'registered' });

    // Keywords are searched on Enter, and go into the URL.
    await fill(user, screen.getByLabelText('关键词'), '隔膜{Enter}');
    await waitFor(() => expect(router.state.location.search).toBe('?status=registered&q=%E9%9A%94%E8%86%9C'));
    await waitFor(() => expect(new URL(requestsTo(spy, 'GET /api/deals/').at(-1)!.url).searchParams.get('q')).toBe('隔膜'));
  });

  it('tells an enterprise whose contracts these are, with no offline recording', async () => {
    mockApi({ ...signedInAs(tianneng), 'GET /api/deals/': () => jsonResponse(page([dealListItem(recordedDeal)])) });
    renderApp('/deals');
    expect(await screen.findByText(/长兴新能动力电池材料有限公司作为买方或卖方的技术合同/)).toBeInTheDocument();
    expect(await screen.findAllByTestId('deal-row')).toHaveLength(1);
    expect(screen.queryByRole('link', { name: /录入线下合同/ })).not.toBeInTheDocument();
  });

  it('asks a visitor to sign in', async () => {
    mockApi({});
    renderApp('/deals');
    expect(await screen.findByText('登录后才能查看技术合同。')).toBeInTheDocument();
  });
});
