import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { components } from '@/api/schema';
import { signedInAs } from '@/testing/auth';
import {
  bids,
  history,
  listItem,
  organisations,
  page,
  separatorChallenge,
  taihuLab,
  tianneng,
  xiaopengOrg,
  zjuOrg,
} from '@/testing/data/marketplace';
import { noMatches } from '@/testing/data/matching';
import { fill } from '@/testing/fill';
import { jsonResponse, mockApi, requestsTo } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

type S = components['schemas'];

// Consortium partners join by consent (README "Consortium partners"): the partner answers under
// "我的揭榜"; until everyone has, the bid can be neither shortlisted nor awarded.

const zju: S['MeOutput'] = { ...tianneng, id: 11, username: 'zju_hz', organisation: zjuOrg };
const lead = bids[0]!;
const summaryOf = (org: S['OrganisationOutput']) => ({ id: org.id, name: org.name, kind: org.kind, region: org.region, verification: org.verification });
const partner = (org: S['OrganisationOutput'], state: 'pending' | 'accepted' | 'declined', role = '电池安全测试') => ({
  organisation: summaryOf(org),
  role,
  state,
  state_label: '',
  decided_at: state === 'pending' ? null : '2026-11-28T09:00:00+08:00',
});
const invitation = (bid: number, challenge: S['BidInvitationChallengeOutput'] | null): S['BidInvitationOutput'] => ({
  bid,
  lead: lead.organisation,
  role: '电池安全测试',
  state: 'pending',
  state_label: '待确认',
  invited_at: '2026-11-27T09:00:00+08:00',
  decided_at: null,
  challenge,
});

describe('consortium invitations on 我的揭榜', () => {
  it('shows what the partner may see, and accepting moves the bid into the list', async () => {
    let accepted = false;
    const spy = mockApi({
      ...signedInAs(zju),
      'GET /api/bids/invitations/': () =>
        jsonResponse(accepted ? [invitation(50, null)] : [invitation(31, { id: 1, title: separatorChallenge.title }), invitation(50, null)]),
      'GET /api/bids/': () =>
        jsonResponse(page(accepted ? [{ ...lead, challenge: listItem(separatorChallenge), partners: [partner(zjuOrg, 'accepted')] }] : [])),
      'POST /api/bids/31/partners/accept/': () => {
        accepted = true;
        return jsonResponse({ ...invitation(31, { id: 1, title: separatorChallenge.title }), state: 'accepted', state_label: '已接受' });
      },
    });
    const { user } = renderApp('/my-bids');

    const section = await screen.findByTestId('partner-invitations');
    expect(within(section).getByRole('heading', { name: '待答复的联合体邀请' })).toBeInTheDocument();
    const [visible, hidden] = within(section).getAllByTestId('partner-invitation') as [HTMLElement, HTMLElement];
    expect(visible).toHaveTextContent('南太湖先进材料研究院 邀请本机构加入联合体');
    expect(within(visible).getByRole('link', { name: separatorChallenge.title })).toHaveAttribute('href', '/challenges/1');
    expect(visible).toHaveTextContent('拟承担分工电池安全测试');
    // A challenge the partner may not see is not named, and nothing of the bid is shown before accepting.
    expect(hidden).toHaveTextContent('无权查看该榜单');
    expect(within(hidden).queryByRole('link')).not.toBeInTheDocument();
    expect(section).not.toHaveTextContent(lead.proposal);
    expect(screen.getByText('还没有揭榜申请')).toBeInTheDocument();

    await user.click(within(visible).getByRole('button', { name: /接\s*受/ }));

    expect(await screen.findByText('已接受邀请，加入联合体')).toBeInTheDocument();
    const card = await screen.findByTestId('my-bid');
    expect(card).toHaveTextContent('作为联合体成员：南太湖先进材料研究院 牵头');
    await waitFor(() => expect(screen.getAllByTestId('partner-invitation')).toHaveLength(1));
    expect(requestsTo(spy, 'POST /api/bids/31/partners/accept/')).toHaveLength(1);
  });

  it('declines after confirming, and the invitation goes away', async () => {
    let declined = false;
    const spy = mockApi({
      ...signedInAs(zju),
      'GET /api/bids/invitations/': () => jsonResponse(declined ? [] : [invitation(31, { id: 1, title: separatorChallenge.title })]),
      'GET /api/bids/': () => jsonResponse(page([])),
      'POST /api/bids/31/partners/decline/': () => {
        declined = true;
        return jsonResponse({ ...invitation(31, null), state: 'declined', state_label: '已拒绝' });
      },
    });
    const { user } = renderApp('/my-bids');
    const card = await screen.findByTestId('partner-invitation');

    await user.click(within(card).getByRole('button', { name: /拒\s*绝/ }));
    expect(requestsTo(spy, 'POST /api/bids/31/partners/decline/')).toHaveLength(0); // not before confirming
    const popconfirm = await screen.findByRole('tooltip');
    expect(popconfirm).toHaveTextContent('拒绝加入该联合体？拒绝后不能撤销。');
    await user.click(within(popconfirm).getByRole('button', { name: /拒\s*绝/ }));

    expect(await screen.findByText('已拒绝邀请')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('partner-invitations')).not.toBeInTheDocument());
    expect(requestsTo(spy, 'POST /api/bids/31/partners/decline/')).toHaveLength(1);
  });

  it('shows the lead each partner’s answer', async () => {
    mockApi({
      ...signedInAs(taihuLab),
      'GET /api/bids/invitations/': () => jsonResponse([]),
      'GET /api/bids/': () =>
        jsonResponse(
          page([{ ...lead, challenge: listItem(separatorChallenge), partners: [partner(zjuOrg, 'pending'), partner(xiaopengOrg, 'declined', '装车测试')] }]),
        ),
    });
    renderApp('/my-bids');

    const card = await screen.findByTestId('my-bid');
    const [pending, declined] = within(card).getAllByTestId('bid-partner') as [HTMLElement, HTMLElement];
    expect(pending).toHaveTextContent('浙江某大学湖州研究院（演示）（电池安全测试） 待确认');
    expect(declined).toHaveTextContent('湖州南太湖智能网联汽车零部件有限公司（装车测试） 已拒绝');
    expect(within(declined).getByTestId('partner-state')).toHaveAttribute('data-state', 'declined');
    expect(screen.queryByTestId('partner-invitations')).not.toBeInTheDocument();
  });
});

describe('consortium on the challenge page', () => {
  it('tells the bidder that partners must accept, and puts the server’s refusal under the partners', async () => {
    const spy = mockApi({
      ...signedInAs(taihuLab),
      'GET /api/challenges/1/': () => jsonResponse(separatorChallenge),
      'GET /api/challenges/1/history/': () => jsonResponse(history),
      'GET /api/challenges/1/bids/': () => jsonResponse([]),
      'GET /api/organisations/': () => jsonResponse(organisations),
      'POST /api/challenges/1/bids/': () =>
        jsonResponse(
          {
            detail: '以下机构不能作为联合体成员：浙江某大学湖州研究院（演示）（不能参加本榜单的揭榜（未受邀，或已参加本榜单的其他揭榜申请））',
            code: 'invalid',
            fields: {},
            extra: { field: 'partners', organisations: [11] },
          },
          400,
        ),
    });
    const { user } = renderApp('/challenges/1');
    await user.click(await screen.findByRole('button', { name: /我要揭榜/ }));
    expect(screen.queryByTestId('partners-consent')).not.toBeInTheDocument(); // bidding alone: nothing to explain

    await fill(user, screen.getByLabelText('方案概述'), '采用勃姆石陶瓷涂层与芳纶复合。');
    await fill(user, screen.getByLabelText('技术路线'), '浆料配方优化—涂布工艺—中试线验证。');
    await fill(user, screen.getByLabelText('报价（元）'), '2,800,000');
    await fill(user, screen.getByLabelText('工期（天）'), '540');
    await user.click(screen.getByRole('button', { name: /添加联合体成员/ }));
    expect(screen.getByTestId('partners-consent')).toHaveTextContent('须由其成员在“我的揭榜”中接受');
    await user.click(screen.getByRole('combobox', { name: '第 1 个联合体成员单位' }));
    // The challenge's owner is not offered either.
    expect(screen.queryByText('长兴新能动力电池材料有限公司', { selector: '.ant-select-item-option-content' })).not.toBeInTheDocument();
    await user.click((await screen.findAllByText('浙江某大学湖州研究院（演示）', { selector: '.ant-select-item-option-content' }))[0]!);
    await user.click(screen.getByRole('button', { name: '提交申请' }));

    const fieldset = screen.getByTestId('partners-consent').closest('fieldset')!;
    await waitFor(() => expect(fieldset).toHaveTextContent('以下机构不能作为联合体成员：浙江某大学湖州研究院（演示）'));
    expect(requestsTo(spy, 'POST /api/challenges/1/bids/')).toHaveLength(1);
  });

  it('tells a named partner it cannot bid alone instead of offering the form', async () => {
    mockApi({
      ...signedInAs(zju),
      'GET /api/challenges/1/': () => jsonResponse({ ...separatorChallenge, viewer: { ...separatorChallenge.viewer!, can_bid: false } }),
      'GET /api/challenges/1/history/': () => jsonResponse(history),
      'GET /api/challenges/1/bids/': () => jsonResponse([]),
    });
    renderApp('/challenges/1');

    const notice = await screen.findByTestId('in-consortium');
    expect(notice).toHaveTextContent('本机构已受邀加入该榜单的揭榜联合体，不能再单独揭榜');
    expect(within(notice).getByRole('link', { name: /我的揭榜/ })).toHaveAttribute('href', '/my-bids');
    expect(screen.queryByRole('button', { name: /我要揭榜/ })).not.toBeInTheDocument();
  });

  it('offers the owner neither shortlisting nor the award for a bid with a pending partner', async () => {
    mockApi({
      ...signedInAs(tianneng),
      'GET /api/challenges/1/': () => jsonResponse({ ...separatorChallenge, viewer: { ...separatorChallenge.viewer!, is_owner: true } }),
      'GET /api/challenges/1/history/': () => jsonResponse(history),
      'GET /api/challenges/1/bids/': () => jsonResponse([{ ...lead, status: 'submitted', partners: [partner(zjuOrg, 'pending')] }, bids[1]]),
      'GET /api/challenges/1/matches/': () => jsonResponse(noMatches),
      'GET /api/deals/': () => jsonResponse(page([])),
    });
    renderApp('/challenges/1');

    const table = await screen.findByTestId('bids-comparison');
    const actions = within(table).getByText('操作').closest('tr')!;
    expect(within(actions).getByTestId('partners-pending')).toHaveTextContent('有联合体成员尚未确认加入，暂不能入围或定榜。');
    expect(within(actions).getAllByRole('checkbox')).toHaveLength(1); // only the other bid can be chosen
    expect(within(actions).getAllByRole('button', { name: /入\s*围/ })).toHaveLength(1);
  });

  it('shows the history by organisation and role, and an account only when the API sends one', async () => {
    mockApi({
      'GET /api/challenges/1/': () => jsonResponse(separatorChallenge),
      'GET /api/challenges/1/bids/': () => jsonResponse([]),
      'GET /api/challenges/1/history/': () =>
        jsonResponse([
          ...history,
          {
            from_status: 'published',
            to_status: 'closed',
            by: 'operator',
            by_role: 'operator',
            by_role_label: '平台运营方',
            by_organisation: '湖州科技大市场运营中心',
            at: '2026-12-01T09:00:00+08:00',
            reason: '',
          },
          { from_status: 'closed', to_status: 'cancelled', by: null, by_role: 'system', by_role_label: '系统', by_organisation: null, at: '2026-12-02T09:00:00+08:00', reason: '' },
        ]),
    });
    renderApp('/challenges/1');

    const actors = (await screen.findAllByTestId('history-actor')).map((item) => item.textContent ?? '');
    expect(actors[0]).toContain('发榜单位：长兴新能动力电池材料有限公司');
    expect(actors[0]).not.toContain('账号');
    expect(actors[2]).toContain('平台运营方：湖州科技大市场运营中心 · 账号 operator');
    expect(actors[3]).toMatch(/· 系统$/);
  });
});

describe('consortium notifications', () => {
  it('link to 我的揭榜, where invitations are answered', async () => {
    const note: S['NotificationOutput'] = {
      id: 70,
      kind: 'consortium_invite',
      kind_label: '联合体揭榜邀请',
      posting_kind: 'bid',
      posting_id: 31,
      about_kind: 'bid_partner',
      about_id: 5,
      title: '南太湖先进材料研究院邀请贵机构加入揭榜联合体',
      body: '榜单：高安全动力电池陶瓷涂覆隔膜研发。请在“我的揭榜”中接受或拒绝。',
      score: null,
      created_at: '2026-11-27T09:00:00+08:00',
      read: false,
      read_at: null,
    };
    mockApi({ ...signedInAs(zju, { unread: 1 }), 'GET /api/notifications/': () => jsonResponse(page([note])) });
    renderApp('/notifications');

    const item = await screen.findByTestId('notification');
    expect(within(item).getByRole('link', { name: /南太湖先进材料研究院邀请贵机构加入揭榜联合体/ })).toHaveAttribute('href', '/my-bids');
  });
});
