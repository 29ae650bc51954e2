import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { signedInAs } from '@/testing/auth';
import { history, industries, kjjOrg, separatorChallenge, taihuLab, tianneng } from '@/testing/data/marketplace';
import { noMatches } from '@/testing/data/matching';
import { fill } from '@/testing/fill';
import { jsonResponse, mockApi, type ApiRoutes } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

type User = ReturnType<typeof renderApp>['user'];

function fieldOf(control: HTMLElement) {
  const item = control.closest('.ant-form-item');
  if (!(item instanceof HTMLElement)) throw new Error('no form item');
  return item;
}

const rows = () => screen.getAllByTestId('indicator-row');

const similar = {
  kind: 'challenge',
  id: 5,
  title: '动力电池陶瓷隔膜涂覆工艺开发',
  snippet: '陶瓷涂覆隔膜',
  organisation: separatorChallenge.organisation,
  industry: 'new_energy_vehicle',
  industry_name: '新能源汽车',
  status: 'published',
  amount: '2000000.00',
};

async function fillRequired(user: User) {
  await fill(user, screen.getByLabelText('标题'), '高安全动力电池陶瓷涂覆隔膜研发');
  await fill(user, screen.getByLabelText('公开摘要'), '攻关高耐热、低收缩的涂覆隔膜。');
  await fill(user, screen.getByLabelText('详细描述'), '现有隔膜在150℃下热收缩明显。');
  await user.click(screen.getByLabelText('产业链'));
  await user.click(await screen.findByText('新能源汽车', { selector: '.ant-select-item-option-content' }));
  await fill(user, screen.getByLabelText('榜额（元）'), '3000000');
  const deadline = screen.getByLabelText('揭榜截止时间');
  await user.click(deadline);
  // Enter keeps the typed time (there is no 确定 to click) and does not submit the form.
  await fill(user, deadline, '2030-03-31 17:00{Enter}');
  await waitFor(() => expect(deadline).toHaveValue('2030-03-31 17:00'));
}

function routes(extra: ApiRoutes = {}): ApiRoutes {
  return { ...signedInAs(tianneng), 'GET /api/industries/': () => jsonResponse(industries), ...extra };
}

describe('indicators editor', () => {
  it('starts with one row, adds and removes rows, and never removes the last one', async () => {
    mockApi(routes());
    const { user } = renderApp('/challenges/new');
    await screen.findByTestId('indicators-editor');

    expect(rows()).toHaveLength(1);
    const removeFirst = screen.getByRole('button', { name: '删除第 1 项指标' });
    expect(removeFirst).toBeDisabled();

    await user.click(screen.getByRole('button', { name: /添加指标/ }));
    await user.click(screen.getByRole('button', { name: /添加指标/ }));
    expect(rows()).toHaveLength(3);
    await fill(user, screen.getByLabelText('第 1 项指标名称'), '150℃热收缩率');
    await fill(user, screen.getByLabelText('第 2 项指标名称'), '穿刺强度');
    await fill(user, screen.getByLabelText('第 3 项指标名称'), '透气度');

    await user.click(screen.getByRole('button', { name: '删除第 2 项指标' }));
    expect(rows()).toHaveLength(2);
    expect(screen.getByLabelText('第 1 项指标名称')).toHaveValue('150℃热收缩率');
    expect(screen.getByLabelText('第 2 项指标名称')).toHaveValue('透气度');

    await user.click(screen.getByRole('button', { name: '删除第 2 项指标' }));
    expect(rows()).toHaveLength(1);
    expect(screen.getByRole('button', { name: '删除第 1 项指标' })).toBeDisabled();
  });

  it('requires a name and a target in each row before anything is sent', async () => {
    const spy = mockApi(routes());
    const { user } = renderApp('/challenges/new');
    await screen.findByTestId('indicators-editor');
    await fillRequired(user);
    await user.click(screen.getByRole('button', { name: /添加指标/ }));
    await fill(user, screen.getByLabelText('第 1 项指标名称'), '穿刺强度');
    await user.click(screen.getByRole('button', { name: '保存草稿' }));

    expect(await within(fieldOf(screen.getByLabelText('第 1 项指标目标值'))).findByText('请填写第 1 项指标的目标值')).toBeInTheDocument();
    expect(within(fieldOf(screen.getByLabelText('第 2 项指标名称'))).getByText('请填写第 2 项指标的名称')).toBeInTheDocument();
    expect(spy.mock.calls.map(([r]) => (r as Request).method)).not.toContain('POST');
  });

  it('sends the rows in order, trimmed, as the indicators of the new draft', async () => {
    let body: Record<string, unknown> = {};
    mockApi(
      routes({
        'POST /api/challenges/': async (request) => {
          body = (await request.json()) as Record<string, unknown>;
          // A near-duplicate comes back with the new draft (a hint, not a refusal).
          return jsonResponse({ ...separatorChallenge, status: 'draft', duplicates: [{ posting: similar, score: 0.913 }] }, 201);
        },
        'GET /api/challenges/1/history/': () => jsonResponse(history.slice(0, 1)),
        'GET /api/challenges/1/bids/': () => jsonResponse([]),
        'GET /api/challenges/5/': () => jsonResponse({ ...separatorChallenge, id: 5, title: similar.title }),
        'GET /api/challenges/5/history/': () => jsonResponse(history),
        'GET /api/challenges/5/bids/': () => jsonResponse([]),
        'GET /api/challenges/1/matches/': () => jsonResponse(noMatches),
        'GET /api/challenges/5/matches/': () => jsonResponse(noMatches),
      }),
    );
    const { user, router } = renderApp('/challenges/new');
    await screen.findByTestId('indicators-editor');
    await fillRequired(user);
    await fill(user, screen.getByLabelText('第 1 项指标名称'), ' 150℃热收缩率 ');
    await fill(user, screen.getByLabelText('第 1 项指标目标值'), '≤2');
    await fill(user, screen.getByLabelText('第 1 项指标单位'), '%');
    await user.click(screen.getByRole('button', { name: /添加指标/ }));
    await fill(user, screen.getByLabelText('第 2 项指标名称'), '穿刺强度');
    await fill(user, screen.getByLabelText('第 2 项指标目标值'), '≥500');
    await user.click(screen.getByRole('button', { name: '保存草稿' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/challenges/1'));
    expect(body.indicators).toEqual([
      { name: '150℃热收缩率', target: '≤2', unit: '%' },
      { name: '穿刺强度', target: '≥500', unit: '' },
    ]);
    expect(body).toMatchObject({
      title: '高安全动力电池陶瓷涂覆隔膜研发',
      industry: 'new_energy_vehicle',
      bounty: '3000000',
      mode: 'jiebang',
      max_winners: 1,
      list_type: 'substitution',
      funding_mode: 'enterprise',
      confidentiality: 'public',
      invited: [],
    });
    expect(new Date(body.bid_deadline as string).getFullYear()).toBe(2030);

    const warning = await screen.findByTestId('duplicates-warning');
    expect(screen.getByText('发现 1 条相似内容')).toBeInTheDocument();
    expect(warning).toHaveTextContent('相似度 91%');
    await user.click(within(warning).getByText('动力电池陶瓷隔膜涂覆工艺开发'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/challenges/5'));
  });
});

describe('challenge form', () => {
  it('asks for the number of winners only for 赛马制, within 2-10', async () => {
    mockApi(routes());
    const { user } = renderApp('/challenges/new');
    await screen.findByTestId('indicators-editor');
    expect(screen.queryByLabelText('最多中榜团队数')).not.toBeInTheDocument();

    await user.click(screen.getByText('赛马制'));
    const winners = screen.getByLabelText('最多中榜团队数');
    expect(winners).toHaveValue('2');
    await user.clear(winners);
    await fill(user, winners, '1');
    await user.click(screen.getByRole('button', { name: '保存草稿' }));
    // InputNumber clamps to its minimum on blur; the rule still guards what is typed.
    await waitFor(() => expect(screen.getByLabelText('最多中榜团队数')).toHaveValue('2'));

    await user.click(screen.getByText('揭榜挂帅'));
    expect(screen.queryByLabelText('最多中榜团队数')).not.toBeInTheDocument();
  });

  it('puts server field errors next to their fields, including one indicator row, and the rest in an alert', async () => {
    mockApi(
      routes({
        'POST /api/challenges/': () =>
          jsonResponse(
            {
              detail: '输入有误，请检查各字段。',
              code: 'invalid',
              fields: {
                title: ['已存在同名榜单'],
                indicators: { '1': { target: ['目标值过长'] } },
                max_winners: ['赛马制至少支持两个团队并行攻关'],
                non_field_errors: ['请稍后再试'],
              },
            },
            400,
          ),
      }),
    );
    const { user, router } = renderApp('/challenges/new');
    await screen.findByTestId('indicators-editor');
    await fillRequired(user);
    await fill(user, screen.getByLabelText('第 1 项指标名称'), '穿刺强度');
    await fill(user, screen.getByLabelText('第 1 项指标目标值'), '≥500');
    await user.click(screen.getByRole('button', { name: /添加指标/ }));
    await fill(user, screen.getByLabelText('第 2 项指标名称'), '透气度');
    await fill(user, screen.getByLabelText('第 2 项指标目标值'), '≤200');
    await user.click(screen.getByText('赛马制'));
    await user.click(screen.getByRole('button', { name: '保存草稿' }));

    expect(await within(fieldOf(screen.getByLabelText('标题'))).findByText('已存在同名榜单')).toBeInTheDocument();
    expect(within(fieldOf(screen.getByLabelText('第 2 项指标目标值'))).getByText('目标值过长')).toBeInTheDocument();
    expect(within(fieldOf(screen.getByLabelText('第 1 项指标目标值'))).queryByText('目标值过长')).not.toBeInTheDocument();
    expect(within(fieldOf(screen.getByLabelText('最多中榜团队数'))).getByText('赛马制至少支持两个团队并行攻关')).toBeInTheDocument();
    const alert = screen.getByTestId('form-error');
    expect(alert).toHaveTextContent('输入有误，请检查各字段。');
    expect(alert).toHaveTextContent('请稍后再试');
    expect(router.state.location.pathname).toBe('/challenges/new');

    // Editing a field clears its server message.
    await fill(user, screen.getByLabelText('标题'), '（二期）');
    await waitFor(() => expect(within(fieldOf(screen.getByLabelText('标题'))).queryByText('已存在同名榜单')).not.toBeInTheDocument());
  });

  it('shows a refusal without field errors (403) in the alert', async () => {
    mockApi(
      routes({
        'POST /api/challenges/': () => jsonResponse({ detail: '请先加入或注册机构', code: 'permission_denied', fields: {} }, 403),
      }),
    );
    const { user } = renderApp('/challenges/new');
    await screen.findByTestId('indicators-editor');
    await fillRequired(user);
    await fill(user, screen.getByLabelText('第 1 项指标名称'), '穿刺强度');
    await fill(user, screen.getByLabelText('第 1 项指标目标值'), '≥500');
    await user.click(screen.getByRole('button', { name: '保存草稿' }));
    expect(await screen.findByTestId('form-error')).toHaveTextContent('请先加入或注册机构');
  });

  it('is offered to enterprises and government bodies, not to institutes or visitors', async () => {
    mockApi(routes());
    const first = renderApp('/challenges/new');
    expect(await screen.findByTestId('challenge-form')).toBeInTheDocument();
    first.unmount();

    window.localStorage.clear();
    mockApi({ ...signedInAs({ ...tianneng, organisation: kjjOrg, is_official: true }), 'GET /api/industries/': () => jsonResponse(industries) });
    const second = renderApp('/challenges/new');
    expect(await screen.findByTestId('challenge-form')).toBeInTheDocument();
    second.unmount();

    mockApi({ ...signedInAs(taihuLab) });
    const third = renderApp('/challenges/new');
    expect(await screen.findByText('只有企业和政府部门可以发布榜单。')).toBeInTheDocument();
    third.unmount();

    window.localStorage.clear();
    renderApp('/challenges/new');
    expect(await screen.findByText('请先登录')).toBeInTheDocument();
    expect(within(screen.getByRole('main')).getByRole('link', { name: /^登\s*录$/ })).toHaveAttribute('href', '/login?next=%2Fchallenges%2Fnew');
  });
});
