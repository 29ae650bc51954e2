import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { signedInAs } from '@/testing/auth';
import { bids, listItem, page, separatorChallenge, taihuLab, zjuOrg } from '@/testing/data/marketplace';
import { jsonResponse, mockApi, requestsTo } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

const zju = { id: zjuOrg.id, name: zjuOrg.name, kind: zjuOrg.kind, region: zjuOrg.region, verification: zjuOrg.verification };

/** GET /api/bids/ for taihu_lab: its own shortlisted bid, one it joined as a partner, an old withdrawn one. */
function myBids(withdrawn: boolean) {
  const [lead] = bids;
  return page([
    { ...lead!, challenge: listItem(separatorChallenge), status: withdrawn ? 'withdrawn' : 'shortlisted', status_label: '' },
    {
      ...lead!,
      id: 40,
      challenge: listItem({ ...separatorChallenge, id: 3, title: '物流机器人集群调度系统', status: 'closed' }),
      organisation: zju,
      partners: [{ organisation: lead!.organisation, role: '算法', state: 'accepted', state_label: '已接受', decided_at: null }],
      status: 'submitted',
      status_label: '',
    },
    { ...lead!, id: 29, challenge: listItem({ ...separatorChallenge, id: 6, title: '抗体药物高表达细胞株构建', status: 'in_progress' }), status: 'not_awarded', status_label: '' },
  ]);
}

describe('my bids', () => {
  it('lists the organisation’s bids with their challenges and withdraws a live one it leads', async () => {
    let withdrawn = false;
    const spy = mockApi({
      ...signedInAs(taihuLab),
      'GET /api/bids/': () => jsonResponse(myBids(withdrawn)),
      'GET /api/bids/invitations/': () => jsonResponse([]),
      'POST /api/challenges/1/bids/31/withdraw/': () => {
        withdrawn = true;
        return jsonResponse({ ...bids[0], status: 'withdrawn' });
      },
    });
    const { user } = renderApp('/my-bids');
    expect(await screen.findByRole('heading', { level: 1, name: '我的揭榜' })).toBeInTheDocument();
    const cards = await screen.findAllByTestId('my-bid');
    expect(cards).toHaveLength(3);
    const [mine, joined, lost] = cards as [HTMLElement, HTMLElement, HTMLElement];

    expect(within(mine).getByRole('link', { name: '高安全动力电池陶瓷涂覆隔膜研发' })).toHaveAttribute('href', '/challenges/1');
    expect(within(mine).getByTestId('bid-status')).toHaveTextContent('入围');
    expect(within(mine).getByTestId('challenge-status')).toHaveTextContent('揭榜中');
    expect(mine).toHaveTextContent('牵头单位');
    expect(mine).toHaveTextContent('报价280万元');
    expect(mine).toHaveTextContent('榜额300万元');
    expect(mine).toHaveTextContent('浙江某大学湖州研究院（演示）（电池安全测试）');
    expect(screen.getByText('共 3 份揭榜申请')).toBeInTheDocument();

    // Only the lead may withdraw, and only while the bid is live.
    expect(joined).toHaveTextContent('作为联合体成员：浙江某大学湖州研究院（演示） 牵头');
    expect(within(joined).queryByRole('button', { name: /撤\s*回/ })).not.toBeInTheDocument();
    expect(within(lost).getByTestId('bid-status')).toHaveTextContent('未中榜');
    expect(within(lost).queryByRole('button', { name: /撤\s*回/ })).not.toBeInTheDocument();

    await user.click(within(mine).getByRole('button', { name: /撤\s*回/ }));
    const popconfirm = await screen.findByRole('tooltip');
    await user.click(within(popconfirm).getByRole('button', { name: /撤\s*回/ }));
    expect(await screen.findByText('揭榜申请已撤回')).toBeInTheDocument();
    await waitFor(() => expect(within(screen.getAllByTestId('my-bid')[0]!).getByTestId('bid-status')).toHaveTextContent('已撤回'));
    expect(requestsTo(spy, 'POST /api/challenges/1/bids/31/withdraw/')).toHaveLength(1);
    expect(within(screen.getAllByTestId('my-bid')[0]!).queryByRole('button', { name: /撤\s*回/ })).not.toBeInTheDocument();
  });

  it('is in the account menu, and says how to bid when there is none', async () => {
    mockApi({ ...signedInAs(taihuLab), 'GET /api/bids/': () => jsonResponse(page([])), 'GET /api/bids/invitations/': () => jsonResponse([]) });
    const { user, router } = renderApp('/no-such-page');
    await user.click(await screen.findByTestId('user-menu'));
    await user.click(await screen.findByRole('link', { name: '我的揭榜' }));
    expect(router.state.location.pathname).toBe('/my-bids');
    expect(await screen.findByText('还没有揭榜申请')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /浏览榜单/ })).toHaveAttribute('href', '/challenges?status=published');
  });
});
