import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';

import { signedInAs } from '@/testing/auth';
import {
  confidentialDeal,
  correctedDeal,
  kjj,
  recordedDeal,
  recordedDealAsParty,
  recordedDealAsRecorder,
  registeredDeal,
  withdrawnDeal,
} from '@/testing/data/deals';
import { industries, tianneng } from '@/testing/data/marketplace';
import { fill } from '@/testing/fill';
import { jsonResponse, mockApi, requestsMade, type ApiRoutes } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

function fieldOf(control: HTMLElement) {
  const item = control.closest('.ant-form-item');
  if (!(item instanceof HTMLElement)) throw new Error('no form item');
  return item;
}

const entries = () => screen.getAllByTestId('ledger-entry');
// The app shows times in the browser's time zone; the data is in Huzhou's (+08:00).
const at = (iso: string) => dayjs(iso).format('YYYY年M月D日 HH:mm:ss');

describe('the ledger history of a contract', () => {
  it('lists every line oldest first: what, who, when, why, what changed and the state after', async () => {
    mockApi({ ...signedInAs(tianneng), 'GET /api/deals/7/': () => jsonResponse(correctedDeal) });
    renderApp('/deals/7');
    expect(await screen.findByRole('heading', { level: 1, name: '高安全动力电池陶瓷涂覆隔膜研发' })).toBeInTheDocument();
    expect(screen.getByTestId('deal-status')).toHaveTextContent('已认定登记');

    const lines = entries();
    expect(lines.map((line) => line.dataset.kind)).toEqual(['record', 'register', 'amend', 'reverse']);
    expect(lines[0]).toHaveTextContent('第 1 条 · 录入');
    expect(within(lines[0]!).getByTestId('ledger-meta')).toHaveTextContent(`tianneng · ${at('2026-11-20T10:15:00+08:00')}`);
    expect(lines[0]).toHaveTextContent('原因：录入合同');
    expect(within(lines[0]!).queryByTestId('ledger-changes')).not.toBeInTheDocument();

    // 认定登记: status, date and number, each from → to.
    const registered = within(lines[1]!).getAllByTestId('ledger-change').map((change) => change.textContent);
    expect(registered).toEqual(['状态：已录入 → 已认定登记', '认定登记日期：— → 2026年11月24日', '认定登记编号：— → 330522-2026-0318']);
    expect(within(lines[1]!).getByTestId('ledger-meta')).toHaveTextContent(`kjj · ${at('2026-11-24T16:40:00+08:00')}`);

    // 更正: the amounts, exactly (a 0.50 yuan difference is not rounded away).
    expect(lines[2]).toHaveTextContent('原因：登记机构核减设备费用');
    expect(within(lines[2]!).getAllByTestId('ledger-change').map((change) => change.textContent)).toEqual([
      '技术交易额：260万元（2600000.00 元） → 245万元（2450000.50 元）',
      '产业链：新能源汽车 → 新材料', // the API names the chain; the ledger stores its id
    ]);
    expect(lines[2]).toHaveTextContent('记账后：已认定登记技术交易额：245万元');

    // 冲销 names the line it undoes, by its position in this contract's ledger.
    expect(lines[3]).toHaveTextContent('第 4 条 · 冲销最新');
    expect(lines[3]).toHaveTextContent('冲销第 3 条记录（更正）');
    expect(within(lines[3]!).getByTestId('ledger-meta')).toHaveTextContent('operator');

    const facts = screen.getByTestId('deal-facts');
    expect(facts).toHaveTextContent('长兴新能动力电池材料有限公司（长兴县）');
    expect(facts).toHaveTextContent('统一社会信用代码：91330522MA2B7K3Q12 · 平台机构');
    expect(facts).toHaveTextContent('330522-2026-0318');
    expect(within(facts).getByRole('link', { name: '查看来源榜单' })).toHaveAttribute('href', '/challenges/1');
  });

  it('shows a contract from a challenge the reader may not see under the neutral title, without a link to it', async () => {
    mockApi({ ...signedInAs(kjj), 'GET /api/deals/7/': () => jsonResponse(confidentialDeal) });
    renderApp('/deals/7');
    expect(await screen.findByRole('heading', { level: 1, name: '保密榜单合同' })).toBeInTheDocument();
    const facts = screen.getByTestId('deal-facts');
    expect(facts).toHaveTextContent('揭榜挂帅定榜');
    expect(within(facts).getByTestId('origin-confidential')).toHaveTextContent('来源榜单保密，不显示其标题和编号');
    expect(within(facts).queryByRole('link', { name: '查看来源榜单' })).not.toBeInTheDocument();
  });

  it('offers the other party no ledger actions and says who registers', async () => {
    mockApi({ ...signedInAs(tianneng), 'GET /api/deals/7/': () => jsonResponse(recordedDealAsParty) });
    renderApp('/deals/7');
    await screen.findByTestId('deal-ledger');
    expect(screen.getByText('认定登记、更正、作废和冲销由科技部门或平台运营方办理。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /认定登记/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /作\s*废/ })).not.toBeInTheDocument();
  });
});

describe('the recorder’s own actions until registration', () => {
  function routes(extra: ApiRoutes = {}): ApiRoutes {
    return {
      ...signedInAs(tianneng),
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/deals/7/': () => jsonResponse(recordedDealAsRecorder),
      ...extra,
    };
  }

  it('offers its recorder 更正 and 撤回, and says so, but not what only the bureau does', async () => {
    mockApi(routes());
    renderApp('/deals/7');
    expect(await screen.findByRole('button', { name: /更\s*正/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /撤\s*回/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /认定登记/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /作\s*废/ })).not.toBeInTheDocument();
    expect(screen.getByText(/这份合同由本机构录入：认定登记前，本机构可以更正或撤回/)).toBeInTheDocument();
  });

  it('withdraws only with a reason, and the ledger then shows the 撤回 line', async () => {
    const bodies: unknown[] = [];
    mockApi(
      routes({
        'POST /api/deals/7/withdraw/': async (request) => {
          bodies.push(await request.json());
          return jsonResponse(withdrawnDeal);
        },
      }),
    );
    const { user } = renderApp('/deals/7');
    await user.click(await screen.findByRole('button', { name: /撤\s*回/ }));
    const dialog = await screen.findByRole('dialog', { name: '撤回合同' });
    await user.click(within(dialog).getByRole('button', { name: /撤\s*回/ }));
    expect(await within(dialog).findByText('请填写原因')).toBeInTheDocument();
    expect(bodies).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText('原因'), { target: { value: ' 录入时误提交，信息不完整 ' } });
    await user.click(within(dialog).getByRole('button', { name: /撤\s*回/ }));
    await waitFor(() => expect(bodies).toEqual([{ reason: '录入时误提交，信息不完整' }]));
    await waitFor(() => expect(screen.getByTestId('deal-status')).toHaveTextContent('已作废'));
    expect(entries().map((line) => line.dataset.kind)).toEqual(['record', 'withdraw']);
    expect(entries()[1]).toHaveTextContent('撤回');
    expect(screen.queryByRole('button', { name: /撤\s*回/ })).not.toBeInTheDocument();
  });
});

describe('ledger actions for officials', () => {
  function routes(extra: ApiRoutes = {}): ApiRoutes {
    return {
      ...signedInAs(kjj),
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/deals/7/': () => jsonResponse(recordedDeal),
      ...extra,
    };
  }

  it('registers a recorded contract; a taken number is shown next to its field', async () => {
    const today = dayjs().format('YYYY-MM-DD');
    const bodies: unknown[] = [];
    mockApi(
      routes({
        'POST /api/deals/7/register/': async (request) => {
          bodies.push(await request.json());
          if (bodies.length === 1) {
            return jsonResponse(
              { detail: '输入有误，请检查各字段。', code: 'invalid', fields: { registration_number: ['该登记机构下已有此认定登记编号'] } },
              400,
            );
          }
          return jsonResponse(registeredDeal);
        },
      }),
    );
    const { user } = renderApp('/deals/7');
    expect(screen.queryByRole('button', { name: /冲销/ })).not.toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: /认定登记/ }));
    const dialog = await screen.findByRole('dialog', { name: '认定登记' });
    expect(within(dialog).getByLabelText('认定登记日期')).toHaveValue(today);

    await user.click(within(dialog).getByRole('button', { name: '认定登记' }));
    expect(await within(dialog).findByText('请填写认定登记编号')).toBeInTheDocument();
    // Registration states its reason like every other ledger action; blank is refused before sending.
    expect(await within(dialog).findByText('请填写原因')).toBeInTheDocument();
    await fill(user, within(dialog).getByLabelText('原因'), '   ');
    await fill(user, within(dialog).getByLabelText('认定登记编号'), '330522-2026-0317');
    await user.click(within(dialog).getByRole('button', { name: '认定登记' }));
    expect(await within(dialog).findByText('请填写原因')).toBeInTheDocument();
    expect(bodies).toEqual([]);

    await user.clear(within(dialog).getByLabelText('原因'));
    await fill(user, within(dialog).getByLabelText('原因'), '经技术市场审核，符合认定条件');
    await user.click(within(dialog).getByRole('button', { name: '认定登记' }));
    expect(await within(fieldOf(within(dialog).getByLabelText('认定登记编号'))).findByText('该登记机构下已有此认定登记编号')).toBeInTheDocument();

    await user.clear(within(dialog).getByLabelText('认定登记编号'));
    await fill(user, within(dialog).getByLabelText('认定登记编号'), '330522-2026-0318');
    await user.click(within(dialog).getByRole('button', { name: '认定登记' }));
    await waitFor(() => expect(screen.getByTestId('deal-status')).toHaveTextContent('已认定登记'));
    const page = within(screen.getByTestId('deal-detail'));
    expect(bodies.at(-1)).toEqual({ registration_number: '330522-2026-0318', registered_on: today, reason: '经技术市场审核，符合认定条件' });
    expect(entries().map((line) => line.dataset.kind)).toEqual(['record', 'register']);
    // Registered: no second registration, and the registration can be reversed.
    expect(page.queryByRole('button', { name: /认定登记/ })).not.toBeInTheDocument();
    expect(page.getByRole('button', { name: /冲销最近记录/ })).toBeInTheDocument();
  });

  it('amends only what changed, with a reason, and refuses an amendment that changes nothing', async () => {
    let body: unknown;
    const spy = mockApi(
      routes({
        'GET /api/deals/7/': () => jsonResponse(registeredDeal),
        'POST /api/deals/7/amend/': async (request) => {
          body = await request.json();
          return jsonResponse({ ...registeredDeal, technical_amount: '2450000.50' });
        },
      }),
    );
    const { user } = renderApp('/deals/7');
    await user.click(await screen.findByRole('button', { name: /更\s*正/ }));
    const dialog = await screen.findByRole('dialog', { name: '更正合同' });
    expect(within(dialog).getByLabelText('技术交易额')).toHaveValue('2600000.00');

    await fill(user, within(dialog).getByLabelText('原因'), '登记机构核减设备费用');
    await user.click(within(dialog).getByRole('button', { name: /更\s*正/ }));
    expect(await within(dialog).findByText('请至少修改一项需要更正的内容')).toBeInTheDocument();
    expect(requestsMade(spy)).not.toContain('POST /api/deals/7/amend/');

    await user.clear(within(dialog).getByLabelText('技术交易额'));
    await fill(user, within(dialog).getByLabelText('技术交易额'), '2450000.50');
    await user.click(within(dialog).getByRole('button', { name: /更\s*正/ }));
    await waitFor(() => expect(body).toEqual({ technical_amount: '2450000.50', reason: '登记机构核减设备费用' }));
    expect(await screen.findByText('合同已更正')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('deal-technical-amount')).toHaveAttribute('data-amount', '2450000.50'));
  });

  it('corrects a party: only that side is sent, and the server’s party errors sit next to its fields', async () => {
    const bodies: unknown[] = [];
    mockApi(
      routes({
        'GET /api/deals/7/': () => jsonResponse(registeredDeal),
        'POST /api/deals/7/amend/': async (request) => {
          bodies.push(await request.json());
          return bodies.length === 1
            ? jsonResponse({ detail: '输入有误，请检查各字段。', code: 'invalid', fields: { seller_uscc: ['买方和卖方不能是同一机构'] } }, 400)
            : jsonResponse(registeredDeal);
        },
      }),
    );
    const { user } = renderApp('/deals/7');
    await user.click(await screen.findByRole('button', { name: /更\s*正/ }));
    const dialog = within(await screen.findByRole('dialog', { name: '更正合同' }));
    expect(dialog.getByLabelText('卖方名称')).toHaveValue(registeredDeal.seller.name);

    await user.clear(dialog.getByLabelText('卖方名称'));
    await fill(user, dialog.getByLabelText('卖方名称'), '浙江某大学湖州研究院（演示）');
    await user.clear(dialog.getByLabelText('卖方统一社会信用代码'));
    await fill(user, dialog.getByLabelText('卖方统一社会信用代码'), '12330500mb0d4e5f6c');
    await fill(user, dialog.getByLabelText('原因'), '登记机构核对：受托方为研究院');
    await user.click(dialog.getByRole('button', { name: /更\s*正/ }));

    expect(await within(dialog.getByTestId('party-seller')).findByText('买方和卖方不能是同一机构')).toBeInTheDocument();
    expect(bodies[0]).toEqual({
      seller: { name: '浙江某大学湖州研究院（演示）', uscc: '12330500MB0D4E5F6C', region: registeredDeal.seller.region },
      reason: '登记机构核对：受托方为研究院',
    });
  });

  it('voids only with a reason and shows a refusal from the server in the dialog', async () => {
    let calls = 0;
    mockApi(
      routes({
        'POST /api/deals/7/void/': async (request) => {
          calls += 1;
          expect(await request.json()).toEqual({ reason: '双方解除合同' });
          return jsonResponse({ detail: '合同已作废', code: 'conflict', fields: {}, extra: { status: 'voided' } }, 409);
        },
      }),
    );
    const { user } = renderApp('/deals/7');
    await user.click(await screen.findByRole('button', { name: /作\s*废/ }));
    const dialog = await screen.findByRole('dialog', { name: '作废合同' });
    await user.click(within(dialog).getByRole('button', { name: /作\s*废/ }));
    expect(await within(dialog).findByText('请填写原因')).toBeInTheDocument();
    expect(calls).toBe(0);

    await fill(user, within(dialog).getByLabelText('原因'), '双方解除合同');
    await user.click(within(dialog).getByRole('button', { name: /作\s*废/ }));
    expect(await within(dialog).findByText('合同已作废')).toBeInTheDocument();
    expect(calls).toBe(1);
  });

  it('reverses the latest line by its id', async () => {
    let body: unknown;
    mockApi(
      routes({
        'GET /api/deals/7/': () => jsonResponse(registeredDeal),
        'POST /api/deals/7/reverse/': async (request) => {
          body = await request.json();
          return jsonResponse(recordedDeal);
        },
      }),
    );
    const { user } = renderApp('/deals/7');
    await user.click(await screen.findByRole('button', { name: /冲销最近记录/ }));
    const dialog = await screen.findByRole('dialog', { name: '冲销最近一条台账记录' });
    expect(dialog).toHaveTextContent(`冲销第 2 条记录“认定登记”（kjj，${at('2026-11-24T16:40:00+08:00')}）`);
    await fill(user, within(dialog).getByLabelText('原因'), '登记编号录错，冲销后重新登记');
    await user.click(within(dialog).getByRole('button', { name: /冲销最近记录/ }));
    await waitFor(() => expect(body).toEqual({ entry: 502, reason: '登记编号录错，冲销后重新登记' }));
    await waitFor(() => expect(screen.getByTestId('deal-status')).toHaveTextContent('已录入'));
  });
});
