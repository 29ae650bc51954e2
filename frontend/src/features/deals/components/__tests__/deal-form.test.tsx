import { screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';

import { signedInAs } from '@/testing/auth';
import { capabilityPrefill, kjj, needPrefill, offlineDeal, recordedDeal, saimaPrefill, separatorPrefill } from '@/testing/data/deals';
import { industries, taihuLab, tianneng } from '@/testing/data/marketplace';
import { fill } from '@/testing/fill';
import { jsonResponse, mockApi, requestsMade, type ApiRoutes } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

type User = ReturnType<typeof renderApp>['user'];

function fieldOf(control: HTMLElement) {
  const item = control.closest('.ant-form-item');
  if (!(item instanceof HTMLElement)) throw new Error('no form item');
  return item;
}

const signedOn = dayjs().subtract(8, 'day').format('YYYY-MM-DD');

function ownerRoutes(extra: ApiRoutes = {}): ApiRoutes {
  return {
    ...signedInAs(tianneng),
    'GET /api/industries/': () => jsonResponse(industries),
    'GET /api/deals/prefill/': () => jsonResponse(separatorPrefill),
    ...extra,
  };
}

/** Types a date into an antd date picker and leaves the field. */
async function pickDate(user: User, label: string, date: string) {
  const input = screen.getByLabelText(label);
  await user.click(input);
  await user.type(input, date);
  await user.click(screen.getByRole('heading', { level: 1 }));
  await waitFor(() => expect(input).toHaveValue(date));
}

async function fillContract(user: User) {
  await fill(user, screen.getByLabelText('合同编号'), '2026330522000318');
  await pickDate(user, '签订日期', signedOn);
}

describe('recording the contract of an awarded challenge', () => {
  it('starts from the challenge and the winning bid, and sends what the contract says', async () => {
    let body: unknown;
    mockApi(
      ownerRoutes({
        'POST /api/deals/': async (request) => {
          body = await request.json();
          return jsonResponse(recordedDeal, 201);
        },
        'GET /api/deals/7/': () => jsonResponse(recordedDeal),
      }),
    );
    const { user, router } = renderApp('/deals/new?challenge=1');
    expect(await screen.findByRole('heading', { level: 1, name: '登记技术合同' })).toBeInTheDocument();
    await screen.findByTestId('deal-form');

    // Pre-filled: the parties (not editable), the title, the type, the chain and the winning price.
    expect(screen.getByTestId('prefill-buyer')).toHaveTextContent('长兴新能动力电池材料有限公司（长兴县）');
    expect(screen.getByTestId('prefill-seller')).toHaveTextContent('南太湖先进材料研究院（南太湖新区）');
    expect(screen.getByRole('link', { name: '高安全动力电池陶瓷涂覆隔膜研发' })).toHaveAttribute('href', '/challenges/1');
    expect(screen.getByLabelText('合同名称')).toHaveValue('高安全动力电池陶瓷涂覆隔膜研发');
    expect(screen.getByLabelText('合同金额')).toHaveValue('2800000.00');
    expect(fieldOf(screen.getByLabelText('合同金额'))).toHaveTextContent('即 280万元');
    expect(fieldOf(screen.getByLabelText('合同类型'))).toHaveTextContent('技术开发');
    await waitFor(() => expect(fieldOf(screen.getByLabelText('产业链'))).toHaveTextContent('新能源汽车'));
    expect(screen.getByLabelText('技术交易额')).toHaveValue('');
    // With one winner there is nothing to choose.
    expect(screen.queryByLabelText('签约的中榜申请')).not.toBeInTheDocument();

    await fillContract(user);
    await fill(user, screen.getByLabelText('技术交易额'), '2,600,000');
    await fill(user, screen.getByLabelText('备注'), '技术交易额扣除设备采购费用');
    await user.click(screen.getByRole('button', { name: '提交合同' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/deals/7'));
    expect(body).toEqual({
      origin: 'challenge',
      challenge: 1,
      bid: 31,
      contract_number: '2026330522000318',
      title: '高安全动力电池陶瓷涂覆隔膜研发',
      contract_type: 'development',
      industry: 'new_energy_vehicle',
      contract_amount: '2800000.00',
      technical_amount: '2600000',
      signed_on: signedOn,
      note: '技术交易额扣除设备采购费用',
    });
    // The new contract's page, with its first ledger line.
    expect(await screen.findByRole('heading', { level: 1, name: '高安全动力电池陶瓷涂覆隔膜研发' })).toBeInTheDocument();
    expect(screen.getByTestId('deal-status')).toHaveTextContent('已录入');
    expect(screen.getByText('合同已录入，等待科技部门认定登记')).toBeInTheDocument();
  });

  it('shows the server’s field errors next to the fields and keeps the form', async () => {
    mockApi(
      ownerRoutes({
        'POST /api/deals/': () =>
          jsonResponse(
            {
              detail: '输入有误，请检查各字段。',
              code: 'invalid',
              fields: { contract_number: ['该登记机构下已有此合同编号'], signed_on: ['签订日期不能晚于今天'] },
            },
            400,
          ),
      }),
    );
    const { user, router } = renderApp('/deals/new?challenge=1');
    await screen.findByTestId('deal-form');
    await fillContract(user);
    await user.click(screen.getByRole('button', { name: '提交合同' }));

    expect(await within(fieldOf(screen.getByLabelText('合同编号'))).findByText('该登记机构下已有此合同编号')).toBeInTheDocument();
    expect(within(fieldOf(screen.getByLabelText('签订日期'))).getByText('签订日期不能晚于今天')).toBeInTheDocument();
    expect(screen.getByTestId('form-error')).toHaveTextContent('输入有误，请检查各字段。');
    expect(router.state.location.pathname).toBe('/deals/new');
    expect(screen.getByLabelText('合同编号')).toHaveValue('2026330522000318');
  });

  it('takes Enter in 签订日期 as the date, not as sending a half-filled contract', async () => {
    const spy = mockApi(ownerRoutes());
    const { user } = renderApp('/deals/new?challenge=1');
    await screen.findByTestId('deal-form');
    await fill(user, screen.getByLabelText('合同编号'), '2026330522000318');
    const date = screen.getByLabelText('签订日期');
    await user.click(date);
    await user.type(date, `${signedOn}{Enter}`);

    await waitFor(() => expect(date).toHaveValue(signedOn));
    expect(requestsMade(spy)).not.toContain('POST /api/deals/');
    expect(screen.queryByText('请选择签订日期')).not.toBeInTheDocument();
  });

  it('refuses a technical amount above the contract amount before sending anything', async () => {
    const spy = mockApi(ownerRoutes());
    const { user } = renderApp('/deals/new?challenge=1');
    await screen.findByTestId('deal-form');
    await fillContract(user);
    await fill(user, screen.getByLabelText('技术交易额'), '2800000.01');
    await user.click(screen.getByRole('button', { name: '提交合同' }));

    expect(await within(fieldOf(screen.getByLabelText('技术交易额'))).findByText('技术交易额不能大于合同金额')).toBeInTheDocument();
    expect(requestsMade(spy)).not.toContain('POST /api/deals/');
  });

  it('lets an official pick which winner was signed with when a 赛马制 challenge has several, and takes its price', async () => {
    let body: Record<string, unknown> = {};
    const spy = mockApi({
      ...signedInAs(kjj),
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/deals/prefill/': () => jsonResponse(saimaPrefill),
      'POST /api/deals/': async (request) => {
        body = (await request.json()) as Record<string, unknown>;
        return jsonResponse(recordedDeal, 201);
      },
      'GET /api/deals/7/': () => jsonResponse(recordedDeal),
    });
    const { user } = renderApp('/deals/new?challenge=1');
    await screen.findByTestId('deal-form');
    const asked = spy.mock.calls.map(([input]) => new URL((input as Request).url)).find((url) => url.pathname === '/api/deals/prefill/');
    expect(asked?.searchParams.get('challenge')).toBe('1');
    expect(screen.getByTestId('prefill-buyer')).toHaveTextContent('长兴新能动力电池材料有限公司（长兴县）');
    expect(screen.getByTestId('prefill-seller')).toHaveTextContent('南太湖先进材料研究院、浙江某大学湖州研究院（演示）');
    expect(screen.getByLabelText('合同金额')).toHaveValue('');

    await fillContract(user);
    await user.click(screen.getByRole('button', { name: '提交合同' }));
    expect(await within(fieldOf(screen.getByLabelText('签约的中榜申请'))).findByText('请选择签约的中榜申请')).toBeInTheDocument();

    await user.click(screen.getByLabelText('签约的中榜申请'));
    await user.click(await screen.findByText('浙江某大学湖州研究院（演示）（报价 260万元）', { selector: '.ant-select-item-option-content' }));
    expect(screen.getByLabelText('合同金额')).toHaveValue('2600000.00');
    await user.click(screen.getByRole('button', { name: '提交合同' }));
    await waitFor(() => expect(body).toMatchObject({ origin: 'challenge', challenge: 1, bid: 34, contract_amount: '2600000.00' }));
  });

  it('does not offer the form before the challenge is awarded, and says its status', async () => {
    mockApi(
      ownerRoutes({
        'GET /api/deals/prefill/': () =>
          jsonResponse({ detail: '榜单尚未定榜，不能据此录入合同', code: 'conflict', fields: {}, extra: { status: 'published' } }, 409),
      }),
    );
    renderApp('/deals/new?challenge=1');
    expect(await screen.findByText('榜单当前状态为“揭榜中”，定榜后才能据此登记合同。')).toBeInTheDocument();
    expect(screen.queryByTestId('deal-form')).not.toBeInTheDocument();
  });

  it('tells an institute that only the challenge’s organisation records from it', async () => {
    mockApi({
      ...signedInAs(taihuLab),
      'GET /api/deals/prefill/': () =>
        jsonResponse({ detail: '只能为本机构的榜单、需求或能力成果录入合同；线下合同由科技部门或平台运营方录入', code: 'permission_denied', fields: {} }, 403),
    });
    renderApp('/deals/new?challenge=1');
    expect(await screen.findByText('只有榜单、需求或能力成果的发布机构、科技部门或平台运营方可以据此登记合同。')).toBeInTheDocument();
    expect(screen.queryByTestId('deal-form')).not.toBeInTheDocument();
  });
});

describe('recording the contract of a need or a capability', () => {
  it('from a need: the buyer is the need’s organisation, the seller is typed in', async () => {
    let body: Record<string, unknown> = {};
    const spy = mockApi(
      ownerRoutes({
        'GET /api/deals/prefill/': () => jsonResponse(needPrefill),
        'POST /api/deals/': async (request) => {
          body = (await request.json()) as Record<string, unknown>;
          return jsonResponse(recordedDeal, 201);
        },
        'GET /api/deals/7/': () => jsonResponse(recordedDeal),
      }),
    );
    const { user, router } = renderApp('/deals/new?need=7');
    await screen.findByTestId('deal-form');
    const asked = spy.mock.calls.map(([input]) => new URL((input as Request).url)).find((url) => url.pathname === '/api/deals/prefill/');
    expect(asked?.searchParams.get('need')).toBe('7');
    expect(screen.getByRole('link', { name: '叉车锂电池快充缩短到一小时内' })).toHaveAttribute('href', '/needs/7');
    expect(screen.getByTestId('prefill-buyer')).toHaveTextContent('长兴新能动力电池材料有限公司（长兴县）');
    expect(screen.queryByTestId('prefill-seller')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('买方名称')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: /返回需求/ })).toHaveAttribute('href', '/needs/7');

    await fillContract(user);
    await fill(user, screen.getByLabelText('卖方名称'), '浙江某大学湖州研究院（演示）');
    await fill(user, screen.getByLabelText('卖方统一社会信用代码'), '12330500MB0D4E5F6C');
    await user.click(screen.getByLabelText('卖方所在地区'));
    await user.click(await screen.findByText('吴兴区', { selector: '.ant-select-item-option-content' }));
    await fill(user, screen.getByLabelText('合同金额'), '450000');
    await user.click(screen.getByRole('button', { name: '提交合同' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/deals/7'));
    expect(body).toMatchObject({
      origin: 'need',
      need: 7,
      contract_type: 'development',
      contract_amount: '450000',
      seller: { name: '浙江某大学湖州研究院（演示）', uscc: '12330500MB0D4E5F6C', region: 'wuxing' },
    });
    expect(body).not.toHaveProperty('buyer');
    expect(body).not.toHaveProperty('challenge');
  });

  it('from a capability: the seller is the institute, the buyer and the contract type are asked for', async () => {
    let body: Record<string, unknown> = {};
    mockApi({
      ...signedInAs(taihuLab),
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/deals/prefill/': () => jsonResponse(capabilityPrefill),
      'POST /api/deals/': async (request) => {
        body = (await request.json()) as Record<string, unknown>;
        return jsonResponse(recordedDeal, 201);
      },
      'GET /api/deals/7/': () => jsonResponse(recordedDeal),
    });
    const { user } = renderApp('/deals/new?capability=5');
    await screen.findByTestId('deal-form');
    expect(screen.getByTestId('prefill-seller')).toHaveTextContent('南太湖先进材料研究院（南太湖新区）');
    expect(screen.queryByLabelText('卖方名称')).not.toBeInTheDocument();

    await fillContract(user);
    await user.click(screen.getByRole('button', { name: '提交合同' }));
    expect(await within(fieldOf(screen.getByLabelText('合同类型'))).findByText('请选择合同类型')).toBeInTheDocument();

    await user.click(screen.getByLabelText('合同类型'));
    await user.click(await screen.findByText('技术许可', { selector: '.ant-select-item-option-content' }));
    await fill(user, screen.getByLabelText('买方名称'), '安吉舒适椅业科技有限公司');
    await fill(user, screen.getByLabelText('买方统一社会信用代码'), '91330523MA2K3M4N5L');
    await user.click(screen.getByLabelText('买方所在地区'));
    await user.click(await screen.findByText('安吉县', { selector: '.ant-select-item-option-content' }));
    await fill(user, screen.getByLabelText('合同金额'), '1500000');
    await user.click(screen.getByRole('button', { name: '提交合同' }));

    await waitFor(() => expect(body).toMatchObject({ origin: 'capability', capability: 5, contract_type: 'license', contract_amount: '1500000' }));
    expect(body).toHaveProperty('buyer.region', 'anji');
    expect(body).not.toHaveProperty('seller');
  });

  it('says so when the posting is still a draft', async () => {
    mockApi(
      ownerRoutes({
        'GET /api/deals/prefill/': () => jsonResponse({ detail: '草稿状态的需求不能据此录入合同', code: 'conflict', fields: {} }, 409),
      }),
    );
    renderApp('/deals/new?need=7');
    expect(await screen.findByText('草稿状态的需求不能据此录入合同')).toBeInTheDocument();
    expect(screen.queryByTestId('deal-form')).not.toBeInTheDocument();
  });
});

describe('recording an offline contract', () => {
  it('is for officials: the parties are typed in and their server errors sit next to them', async () => {
    let body: Record<string, unknown> = {};
    let attempts = 0;
    mockApi({
      ...signedInAs(kjj),
      'GET /api/industries/': () => jsonResponse(industries),
      'POST /api/deals/': async (request) => {
        attempts += 1;
        body = (await request.json()) as Record<string, unknown>;
        if (attempts === 1) {
          return jsonResponse(
            {
              detail: '输入有误，请检查各字段。',
              code: 'invalid',
              fields: { buyer: { region: ['“”不是合法选项。'] }, seller_uscc: ['买方和卖方不能是同一机构'] },
            },
            400,
          );
        }
        return jsonResponse(offlineDeal, 201);
      },
      'GET /api/deals/8/': () => jsonResponse(offlineDeal),
    });
    const { user, router } = renderApp('/deals/new');
    expect(await screen.findByRole('heading', { level: 1, name: '录入线下技术合同' })).toBeInTheDocument();
    await screen.findByTestId('deal-form');

    await fill(user, screen.getByLabelText('合同编号'), '2026330502000123');
    await pickDate(user, '签订日期', signedOn);
    await fill(user, screen.getByLabelText('合同名称'), '竹木家具水性涂装工艺技术服务合同');
    await user.click(screen.getByLabelText('合同类型'));
    await user.click(await screen.findByText('技术服务', { selector: '.ant-select-item-option-content' }));
    await fill(user, screen.getByLabelText('买方名称'), '安吉舒适椅业科技有限公司');
    await fill(user, screen.getByLabelText('买方统一社会信用代码'), '91330523MA2K3M4N5B');
    // A wrong check character is caught while typing, as on the server.
    await user.click(screen.getByRole('button', { name: '提交合同' }));
    expect(await within(fieldOf(screen.getByLabelText('买方统一社会信用代码'))).findByText(/校验位/)).toBeInTheDocument();
    await user.clear(screen.getByLabelText('买方统一社会信用代码'));
    await fill(user, screen.getByLabelText('买方统一社会信用代码'), '91330523ma2k3m4n5l');
    await user.click(screen.getByLabelText('买方所在地区'));
    await user.click(await screen.findByText('安吉县', { selector: '.ant-select-item-option-content' }));
    await fill(user, screen.getByLabelText('卖方名称'), '浙江某大学湖州研究院（演示）');
    await fill(user, screen.getByLabelText('卖方统一社会信用代码'), '12330500MB0D4E5F6C');
    const sellerRegion = screen.getByLabelText('卖方所在地区');
    await user.click(sellerRegion);
    await user.click((await screen.findAllByText('吴兴区', { selector: '.ant-select-item-option-content' })).at(-1)!);
    await fill(user, screen.getByLabelText('合同金额'), '680000');
    await fill(user, screen.getByLabelText('技术交易额'), '600000');
    await user.click(screen.getByRole('button', { name: '提交合同' }));

    expect(await within(fieldOf(screen.getByLabelText('卖方统一社会信用代码'))).findByText('买方和卖方不能是同一机构')).toBeInTheDocument();
    expect(within(fieldOf(screen.getByLabelText('买方所在地区'))).getByText('“”不是合法选项。')).toBeInTheDocument();
    expect(body).toMatchObject({
      origin: 'offline',
      contract_type: 'service',
      buyer: { name: '安吉舒适椅业科技有限公司', uscc: '91330523MA2K3M4N5L', region: 'anji' },
      seller: { name: '浙江某大学湖州研究院（演示）', uscc: '12330500MB0D4E5F6C', region: 'wuxing' },
      contract_amount: '680000',
      technical_amount: '600000',
    });

    await user.click(screen.getByRole('button', { name: '提交合同' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/deals/8'));
  });

  it('is not offered to an enterprise', async () => {
    mockApi(signedInAs(tianneng));
    renderApp('/deals/new');
    expect(await screen.findByText(/线下合同由科技部门或平台运营方录入/)).toBeInTheDocument();
    expect(screen.queryByTestId('deal-form')).not.toBeInTheDocument();
  });
});
