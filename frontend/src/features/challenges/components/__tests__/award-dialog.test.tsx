import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { signedInAs } from '@/testing/auth';
import { bids, history, listItem, page, separatorChallenge, taihuLab, tianneng } from '@/testing/data/marketplace';
import { noMatches } from '@/testing/data/matching';
import { jsonResponse, mockApi, requestsTo, type ApiRoutes } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

const jiebang = { ...separatorChallenge, mode: 'jiebang' as const, max_winners: 1 };
const closed = { ...jiebang, status: 'closed' as const, status_label: '已截止', bid_deadline: '2026-11-30T17:00:00+08:00' };

function routes(challenge: typeof jiebang, onAward: (body: unknown) => void): ApiRoutes {
  return {
    ...signedInAs(tianneng),
    'GET /api/challenges/1/': () => jsonResponse(challenge),
    'GET /api/challenges/1/history/': () => jsonResponse(history),
    'GET /api/challenges/1/bids/': () => jsonResponse(bids),
    'GET /api/challenges/1/matches/': () => jsonResponse(noMatches),
    'GET /api/deals/': () => jsonResponse(page([])),
    'POST /api/challenges/1/award/': async (request: Request) => {
      onAward(await request.json());
      return jsonResponse({ ...challenge, status: 'awarded', status_label: '已定榜' });
    },
  };
}

async function openAward(user: ReturnType<typeof renderApp>['user']) {
  const table = await screen.findByTestId('bids-comparison');
  await user.click(within(table).getAllByRole('checkbox', { name: '选为中榜' })[0]!);
  await user.click(screen.getByRole('button', { name: /定榜（已选 1\/1）/ }));
  return screen.findByRole('dialog');
}

describe('the award dialog', () => {
  it('asks a coded reason for every other bid, and a note for 其他', async () => {
    let body: unknown;
    const spy = mockApi(routes(closed, (sent) => (body = sent)));
    const { user } = renderApp('/challenges/1');
    const dialog = await openAward(user);
    expect(within(dialog).queryByTestId('award-closes-early')).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: /定\s*榜/ }));
    expect(await within(dialog).findByText('请为浙江某大学湖州研究院（演示）选择未中榜原因')).toBeInTheDocument();

    await user.click(within(dialog).getByLabelText('浙江某大学湖州研究院（演示）'));
    await user.click(await screen.findByText('其他', { selector: '.ant-select-item-option-content' }));
    await user.click(within(dialog).getByRole('button', { name: /定\s*榜/ }));
    expect(await within(dialog).findByText('选择“其他”时请填写说明')).toBeInTheDocument();
    expect(requestsTo(spy, 'POST /api/challenges/1/award/')).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText('说明（浙江某大学湖州研究院（演示））'), { target: { value: '样机数据不完整' } });
    fireEvent.change(within(dialog).getByLabelText('理由'), { target: { value: '综合评分最高' } });
    await user.click(within(dialog).getByRole('button', { name: /定\s*榜/ }));

    await waitFor(() =>
      expect(body).toEqual({
        bids: [31],
        reason: '综合评分最高',
        not_awarded: [{ bid: 34, reason: 'other', note: '样机数据不完整' }],
        close_early: false,
      }),
    );
  });

  it('before the deadline says the bidding closes early and will not send without the confirmation', async () => {
    let body: unknown;
    const spy = mockApi(routes(jiebang, (sent) => (body = sent)));
    const { user } = renderApp('/challenges/1');
    const dialog = await openAward(user);

    expect(within(dialog).getByTestId('award-closes-early')).toHaveTextContent('揭榜尚未截止，定榜将提前截止');
    expect(within(dialog).getByTestId('award-closes-early')).toHaveTextContent('其余 1 份申请的揭榜单位会收到“榜单提前截止”的通知');
    await user.click(within(dialog).getByLabelText('浙江某大学湖州研究院（演示）'));
    await user.click(await screen.findByText('报价过高', { selector: '.ant-select-item-option-content' }));
    await user.click(within(dialog).getByRole('button', { name: '提前截止并定榜' }));
    expect(await within(dialog).findByText('请勾选确认提前截止')).toBeInTheDocument();
    expect(requestsTo(spy, 'POST /api/challenges/1/award/')).toHaveLength(0);

    await user.click(within(dialog).getByRole('checkbox', { name: '我确认提前截止揭榜并定榜' }));
    await user.click(within(dialog).getByRole('button', { name: '提前截止并定榜' }));

    await waitFor(() =>
      expect(body).toEqual({ bids: [31], reason: '', not_awarded: [{ bid: 34, reason: 'price', note: '' }], close_early: true }),
    );
  });

  it('shows the coded reason with the bid it concerns', async () => {
    const mine = { ...bids[1]!, status: 'not_awarded' as const, not_awarded_reason: 'indicators' as const, not_awarded_note: '循环寿命未达标' };
    mockApi({
      ...signedInAs(tianneng),
      'GET /api/challenges/1/': () => jsonResponse({ ...closed, status: 'awarded', status_label: '已定榜' }),
      'GET /api/challenges/1/history/': () => jsonResponse(history),
      'GET /api/challenges/1/bids/': () => jsonResponse([bids[0], mine]),
      'GET /api/challenges/1/matches/': () => jsonResponse(noMatches),
      'GET /api/deals/': () => jsonResponse(page([])),
    });
    renderApp('/challenges/1');
    expect(await screen.findByTestId('not-awarded-reason')).toHaveTextContent('未中榜原因：指标未达（循环寿命未达标）');
  });

  it('shows the bidder its reason in 我的揭榜', async () => {
    const mine = {
      ...bids[0]!,
      challenge: listItem({ ...separatorChallenge, status: 'awarded' }),
      status: 'not_awarded' as const,
      not_awarded_reason: 'price' as const,
      not_awarded_note: '',
    };
    mockApi({
      ...signedInAs(taihuLab),
      'GET /api/bids/': () => jsonResponse(page([mine])),
      'GET /api/bids/invitations/': () => jsonResponse([]),
    });
    renderApp('/my-bids');
    expect(await screen.findByTestId('not-awarded-reason')).toHaveTextContent('未中榜原因：报价过高');
  });
});
