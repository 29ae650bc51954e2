import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { signedInAs } from '@/testing/auth';
import { awardedBids, awardedSeparator, dealListItem, recordedDeal } from '@/testing/data/deals';
import { bids, history, organisations, page, separatorChallenge, taihuLab, tianneng } from '@/testing/data/marketplace';
import { noMatches } from '@/testing/data/matching';
import { jsonResponse, mockApi, requestsMade, requestsTo, type ApiRoutes } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

describe('challenge detail for anyone', () => {
  it('shows the indicators, the key facts, the status and the history timeline', async () => {
    mockApi({
      'GET /api/challenges/1/': () => jsonResponse(separatorChallenge),
      'GET /api/challenges/1/history/': () => jsonResponse(history),
    });
    renderApp('/challenges/1');

    expect(await screen.findByRole('heading', { level: 1, name: '高安全动力电池陶瓷涂覆隔膜研发' })).toBeInTheDocument();
    expect(screen.getByTestId('challenge-status')).toHaveTextContent('揭榜中');
    const table = screen.getByTestId('indicators-table');
    expect(within(table).getByRole('columnheader', { name: '指标名称' })).toBeInTheDocument();
    expect(within(table).getAllByRole('row').map((row) => row.textContent)).toEqual(['指标名称目标值单位', '150℃热收缩率≤2%', '穿刺强度≥500gf']);
    const facts = screen.getByTestId('challenge-facts');
    expect(facts).toHaveTextContent('300万元');
    expect(facts).toHaveTextContent('企业出资');
    expect(facts).toHaveTextContent('赛马制 · 最多 2 个团队');
    const timeline = await screen.findByTestId('challenge-history');
    expect(timeline).toHaveTextContent('草稿 → 揭榜中');
    expect(timeline).toHaveTextContent('创建草稿');
    expect(document.title).toBe('高安全动力电池陶瓷涂覆隔膜研发 · 湖州科技撮合平台 TechMatch');
    // A visitor gets no owner buttons, and is invited to sign in to bid.
    expect(screen.queryByRole('button', { name: /撤\s*榜/ })).not.toBeInTheDocument();
    expect(screen.getByTestId('bids-section')).toHaveTextContent('登录已认证机构的账号后可以提交揭榜申请。');
  });

  it('says a challenge that does not exist (or is hidden) is not found', async () => {
    mockApi({ 'GET /api/challenges/99/': () => jsonResponse({ detail: '未找到。', code: 'not_found', fields: {} }, 404) });
    renderApp('/challenges/99');
    expect(await screen.findByText('内容不存在，或您无权查看。')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /返回榜单列表/ })).toHaveAttribute('href', '/challenges');
  });
});

describe('challenge detail for its owner', () => {
  function ownerRoutes(extra: ApiRoutes = {}): ApiRoutes {
    return {
      ...signedInAs(tianneng),
      'GET /api/challenges/1/': () => jsonResponse(separatorChallenge),
      'GET /api/challenges/1/history/': () => jsonResponse(history),
      'GET /api/challenges/1/bids/': () => jsonResponse(bids),
      // The owner also sees the recommended capabilities (features/matching has its own tests)
      // and, once awarded, the contracts recorded from the challenge (features/deals).
      'GET /api/challenges/1/matches/': () => jsonResponse(noMatches),
      'GET /api/deals/': () => jsonResponse(page([])),
      ...extra,
    };
  }

  it('compares the bids side by side, one column per bid', async () => {
    mockApi(ownerRoutes());
    renderApp('/challenges/1');
    const table = await screen.findByTestId('bids-comparison');
    const headers = within(table).getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers).toEqual(['项目', '南太湖先进材料研究院', '浙江某大学湖州研究院（演示）']);
    const priceRow = within(table).getByText('报价').closest('tr')!;
    expect(priceRow).toHaveTextContent('280万元');
    expect(priceRow).toHaveTextContent('260万元');
    const partnerRow = within(table).getByText('联合体成员').closest('tr')!;
    expect(partnerRow).toHaveTextContent('浙江某大学湖州研究院（演示）（电池安全测试）');
    expect(partnerRow).toHaveTextContent('独立揭榜');
    expect(within(table).getByText('里程碑').closest('tr')).toHaveTextContent('第 120 天 小试样品');
    // Owner actions for a published challenge.
    expect(screen.getByRole('link', { name: /编辑/ })).toHaveAttribute('href', '/challenges/1/edit');
    expect(screen.getByRole('button', { name: /截止揭榜/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /撤\s*榜/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^发\s*布$/ })).not.toBeInTheDocument();
  });

  it('shortlists a bid and awards up to the mode’s number of winners', async () => {
    let awardBody: unknown;
    let shortlisted = false;
    mockApi(
      ownerRoutes({
        'GET /api/challenges/1/bids/': () =>
          jsonResponse(shortlisted ? bids.map((bid) => ({ ...bid, status: 'shortlisted' })) : bids),
        'POST /api/challenges/1/bids/34/shortlist/': () => {
          shortlisted = true;
          return jsonResponse({ ...bids[1], status: 'shortlisted' });
        },
        'POST /api/challenges/1/award/': async (request) => {
          awardBody = await request.json();
          return jsonResponse({ ...separatorChallenge, status: 'awarded' });
        },
      }),
    );
    const { user } = renderApp('/challenges/1');
    const table = await screen.findByTestId('bids-comparison');

    await user.click(within(table).getByRole('button', { name: /入\s*围/ }));
    expect(await screen.findByText('浙江某大学湖州研究院（演示） 已入围')).toBeInTheDocument();
    await waitFor(() => expect(within(table).queryByRole('button', { name: /入\s*围/ })).not.toBeInTheDocument());

    const award = screen.getByRole('button', { name: /定榜（已选 0\/2）/ });
    expect(award).toBeDisabled();
    const boxes = within(table).getAllByRole('checkbox', { name: '选为中榜' });
    await user.click(boxes[0]!);
    await user.click(boxes[1]!);
    await user.click(screen.getByRole('button', { name: /定榜（已选 2\/2）/ }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('中榜：南太湖先进材料研究院、浙江某大学湖州研究院（演示）');
    fireEvent.change(within(dialog).getByLabelText('理由'), { target: { value: '两条技术路线并行攻关' } });
    // Still published: the award closes the bidding early, which the owner confirms.
    await user.click(within(dialog).getByRole('checkbox', { name: '我确认提前截止揭榜并定榜' }));
    await user.click(within(dialog).getByRole('button', { name: '提前截止并定榜' }));

    await waitFor(() => expect(awardBody).toEqual({ bids: [31, 34], reason: '两条技术路线并行攻关', not_awarded: [], close_early: true }));
    expect(await screen.findByTestId('challenge-status')).toHaveTextContent('已定榜');
    expect(await screen.findByRole('button', { name: /启动攻关/ })).toBeInTheDocument();
  });

  it('does not let a 揭榜挂帅 owner pick a second winner', async () => {
    mockApi(ownerRoutes({ 'GET /api/challenges/1/': () => jsonResponse({ ...separatorChallenge, mode: 'jiebang', max_winners: 1 }) }));
    const { user } = renderApp('/challenges/1');
    const table = await screen.findByTestId('bids-comparison');
    const boxes = within(table).getAllByRole('checkbox', { name: '选为中榜' });
    await user.click(boxes[0]!);
    expect(boxes[1]).toBeDisabled();
    expect(screen.getByRole('button', { name: /定榜（已选 1\/1）/ })).toBeEnabled();
  });

  it('cancels with a required reason and shows a 409 refusal in the dialog', async () => {
    let calls = 0;
    mockApi(
      ownerRoutes({
        'POST /api/challenges/1/cancel/': async (request) => {
          calls += 1;
          expect(await request.json()).toEqual({ reason: '企业技术路线调整' });
          return jsonResponse(
            { detail: '榜单当前状态为“已定榜”，不能变更为“已撤榜”', code: 'conflict', fields: {}, extra: { status: 'awarded' } },
            409,
          );
        },
      }),
    );
    const { user } = renderApp('/challenges/1');
    await user.click(await screen.findByRole('button', { name: /撤\s*榜/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: /撤\s*榜/ }));
    expect(await within(dialog).findByText('请填写理由')).toBeInTheDocument();
    expect(calls).toBe(0);

    await user.type(within(dialog).getByLabelText('理由'), '企业技术路线调整');
    await user.click(within(dialog).getByRole('button', { name: /撤\s*榜/ }));
    expect(await within(dialog).findByText('榜单当前状态为“已定榜”，不能变更为“已撤榜”')).toBeInTheDocument();
    expect(calls).toBe(1);
    expect(screen.getByTestId('challenge-status')).toHaveTextContent('揭榜中');
  });

  it('publishes a draft after confirming, and the page follows the new status', async () => {
    mockApi(
      ownerRoutes({
        'GET /api/challenges/1/': () => jsonResponse({ ...separatorChallenge, status: 'draft', published_at: null }),
        'GET /api/challenges/1/bids/': () => jsonResponse([]),
        'POST /api/challenges/1/publish/': () => jsonResponse(separatorChallenge),
      }),
    );
    const { user } = renderApp('/challenges/1');
    await user.click(await screen.findByRole('button', { name: /^发\s*布$/ }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('发布这个榜单？');
    await user.click(within(dialog).getByRole('button', { name: /^发\s*布$/ }));
    expect(await screen.findByText('榜单已发布')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('challenge-status')).toHaveTextContent('揭榜中'));
    expect(screen.getByRole('button', { name: /截止揭榜/ })).toBeInTheDocument();
  });

  it('offers the owner of an awarded challenge to record the contract, and lists those recorded', async () => {
    const spy = mockApi(
      ownerRoutes({
        'GET /api/challenges/1/': () => jsonResponse(awardedSeparator),
        'GET /api/challenges/1/bids/': () => jsonResponse(awardedBids),
        'GET /api/deals/': () => jsonResponse(page([dealListItem(recordedDeal), dealListItem({ ...recordedDeal, id: 9, origin_challenge: 4 })])),
      }),
    );
    renderApp('/challenges/1');
    expect(await screen.findByRole('link', { name: /登记合同/ })).toHaveAttribute('href', '/deals/new?challenge=1');
    const recorded = await screen.findAllByTestId('challenge-deal');
    // Only the contracts of this challenge (the API filters by party and origin, not by challenge).
    expect(recorded).toHaveLength(1);
    expect(within(recorded[0]!).getByRole('link', { name: '高安全动力电池陶瓷涂覆隔膜研发' })).toHaveAttribute('href', '/deals/7');
    expect(recorded[0]).toHaveTextContent('已录入');
    const query = new URL(requestsTo(spy, 'GET /api/deals/')[0]!.url).searchParams;
    expect(Object.fromEntries(query)).toEqual({ origin: 'challenge', organisation: '3', page_size: '200' });
  });

  it('does not offer to record a contract before the award', async () => {
    mockApi(ownerRoutes());
    renderApp('/challenges/1');
    await screen.findByTestId('bids-comparison');
    expect(screen.queryByRole('link', { name: /登记合同/ })).not.toBeInTheDocument();
    expect(screen.queryByTestId('challenge-deals')).not.toBeInTheDocument();
  });

  it('concludes a challenge in progress with a verdict and a reason', async () => {
    let body: unknown;
    mockApi(
      ownerRoutes({
        'GET /api/challenges/1/': () => jsonResponse({ ...separatorChallenge, status: 'in_progress' }),
        'POST /api/challenges/1/conclude/': async (request) => {
          body = await request.json();
          return jsonResponse({ ...separatorChallenge, status: 'failed' });
        },
      }),
    );
    const { user } = renderApp('/challenges/1');
    await user.click(await screen.findByRole('button', { name: /验\s*收/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByText('未通过验收'));
    await user.type(within(dialog).getByLabelText('理由'), '穿刺强度未达标');
    await user.click(within(dialog).getByRole('button', { name: /验\s*收/ }));
    await waitFor(() => expect(body).toEqual({ accepted: false, landmark: '', reason: '穿刺强度未达标' }));
    expect(await screen.findByText('未通过验收', { selector: '[data-testid="challenge-status"]' })).toBeInTheDocument();
  });
});

describe('challenge detail for a bidding institute', () => {
  it('submits a bid with milestones and consortium partners', async () => {
    let body: unknown;
    let submitted = false;
    mockApi({
      ...signedInAs(taihuLab),
      'GET /api/challenges/1/': () => jsonResponse(separatorChallenge),
      'GET /api/challenges/1/history/': () => jsonResponse(history),
      'GET /api/challenges/1/bids/': () => jsonResponse(submitted ? [bids[0]] : []),
      'GET /api/organisations/': () => jsonResponse(organisations),
      'POST /api/challenges/1/bids/': async (request) => {
        body = await request.json();
        submitted = true;
        return jsonResponse(bids[0], 201);
      },
    });
    const { user } = renderApp('/challenges/1');
    await user.click(await screen.findByRole('button', { name: /我要揭榜/ }));

    await user.type(screen.getByLabelText('方案概述'), '采用勃姆石陶瓷涂层与芳纶复合。');
    await user.type(screen.getByLabelText('技术路线'), '浆料配方优化—涂布工艺—中试线验证。');
    await user.type(screen.getByLabelText('报价（元）'), '2,800,000');
    expect(screen.getByText('即 280万元')).toBeInTheDocument();
    await user.type(screen.getByLabelText('工期（天）'), '540');

    await user.click(screen.getByRole('button', { name: /添加里程碑/ }));
    await user.type(screen.getByLabelText('第 1 个里程碑名称'), '小试样品');
    await user.type(screen.getByLabelText('第 1 个里程碑：自立项起第几天'), '120');
    await user.type(screen.getByLabelText('第 1 个里程碑交付物'), '热收缩率≤3%的样品');

    await user.click(screen.getByRole('button', { name: /添加联合体成员/ }));
    await user.click(screen.getByRole('combobox', { name: '第 1 个联合体成员单位' }));
    const options = await screen.findAllByText('浙江某大学湖州研究院（演示）', { selector: '.ant-select-item-option-content' });
    // Neither the bidder itself nor the government body is offered as a partner.
    expect(screen.queryByText('南太湖先进材料研究院', { selector: '.ant-select-item-option-content' })).not.toBeInTheDocument();
    expect(screen.queryByText('湖州市科学技术局（演示）', { selector: '.ant-select-item-option-content' })).not.toBeInTheDocument();
    await user.click(options[0]!);
    await user.type(screen.getByLabelText('第 1 个联合体成员分工'), '电池安全测试');

    await user.click(screen.getByRole('button', { name: '提交申请' }));
    await waitFor(() =>
      expect(body).toEqual({
        proposal: '采用勃姆石陶瓷涂层与芳纶复合。',
        approach: '浆料配方优化—涂布工艺—中试线验证。',
        price: '2800000',
        duration_days: 540,
        milestones: [{ title: '小试样品', due_day: 120, deliverable: '热收缩率≤3%的样品' }],
        partners: [{ organisation: 11, role: '电池安全测试' }],
      }),
    );
    expect(await screen.findByTestId('my-bids')).toHaveTextContent('本机构的揭榜申请');
    expect(screen.queryByRole('button', { name: /我要揭榜/ })).not.toBeInTheDocument();
  });

  it('withdraws its own bid after confirming', async () => {
    let withdrawn = false;
    const spy = mockApi({
      ...signedInAs(taihuLab),
      'GET /api/challenges/1/': () => jsonResponse(separatorChallenge),
      'GET /api/challenges/1/history/': () => jsonResponse(history),
      'GET /api/challenges/1/bids/': () => jsonResponse([{ ...bids[0], status: withdrawn ? 'withdrawn' : 'shortlisted' }]),
      'POST /api/challenges/1/bids/31/withdraw/': () => {
        withdrawn = true;
        return jsonResponse({ ...bids[0], status: 'withdrawn' });
      },
    });
    const { user } = renderApp('/challenges/1');
    const mine = await screen.findByTestId('my-bids');
    expect(within(mine).getByTestId('bid-status')).toHaveTextContent('入围');
    await user.click(within(mine).getByRole('button', { name: /撤\s*回/ }));
    const popconfirm = await screen.findByRole('tooltip');
    await user.click(within(popconfirm).getByRole('button', { name: /撤\s*回/ }));
    await waitFor(() => expect(within(screen.getByTestId('my-bids')).getByTestId('bid-status')).toHaveTextContent('已撤回'));
    expect(requestsMade(spy)).toContain('POST /api/challenges/1/bids/31/withdraw/');
    // Withdrawn: the institute may bid again.
    expect(screen.getByRole('button', { name: /我要揭榜/ })).toBeInTheDocument();
  });
});
