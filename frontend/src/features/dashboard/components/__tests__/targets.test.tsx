import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { components } from '@/api/schema';
import { signedInAs } from '@/testing/auth';
import { kjj, targets } from '@/testing/data/dashboard';
import { fill } from '@/testing/fill';
import { jsonResponse, mockApi, requestsTo } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

type Progress = components['schemas']['TargetProgressOutput'];
type PolicyTarget = components['schemas']['PolicyTargetOutput'];
type TargetRecord = components['schemas']['TargetRecordOutput'];

const earlier: Progress = { id: 11, value: '1850.00', as_of: '2026-06-30', note: '省科技厅高企认定公示（第一批）', by: 'kjj', at: '2026-07-03T09:00:00+08:00' };
const hte = targets[3]!;

describe('targets board', () => {
  it('lists the targets with their latest readings, and records a new reading with its history', async () => {
    const history: Progress[] = [earlier];
    let answered = 0;
    const bodies: unknown[] = [];
    const board = () =>
      targets.map((target) =>
        target.id === hte.id ? { ...target, latest: history[0]!, progress_ratio: history[0]!.value === '1980.00' ? '0.7920' : '0.7400' } : target,
      );
    const spy = mockApi({
      ...signedInAs(kjj),
      'GET /api/dashboard/targets/': () => jsonResponse(board()),
      'GET /api/dashboard/targets/4/': () => jsonResponse({ ...board()[3], history }),
      'POST /api/dashboard/targets/4/progress/': async (request) => {
        const body = (await request.json()) as { value: string; as_of: string; note: string };
        bodies.push(body);
        answered += 1;
        // The first answer is the server's refusal of a date after its "today" (the browser's
        // clock may run ahead of the server's); the second is accepted.
        if (answered === 1) {
          return jsonResponse({ detail: '输入有误，请检查各字段。', code: 'invalid', fields: { as_of: ['统计截至日期不能晚于今天'] } }, 400);
        }
        const entry = { id: 12, ...body, by: 'kjj', at: '2026-11-27T10:00:00+08:00' };
        history.unshift(entry);
        return jsonResponse(entry, 201);
      },
    });
    const { user, router } = renderApp('/dashboard/targets');
    expect(await screen.findByRole('heading', { level: 1, name: '政策目标看板' })).toBeInTheDocument();
    const cards = await screen.findAllByTestId('target-card');
    expect(cards).toHaveLength(4);
    const [rank, , , hteCard] = cards as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];
    expect(rank).toHaveTextContent('全国前20位');
    expect(rank).toHaveTextContent('不高于');
    expect(within(rank).getByTestId('target-latest')).toHaveTextContent('尚未填报进展');
    expect(within(hteCard).getByTestId('target-latest')).toHaveTextContent('最新进展：1,850 家（截至2026年6月30日）');
    expect(within(hteCard).getByRole('progressbar', { name: '高新技术企业（累计）完成程度' })).toHaveAttribute('aria-valuenow', '74');

    await user.click(within(hteCard).getByRole('button', { name: '高新技术企业（累计）：填报进展与历史' }));
    expect(router.state.location.search).toBe('?target=4');
    const drawer = within(await screen.findByRole('dialog'));
    expect(await drawer.findByText('省科技厅高企认定公示（第一批）')).toBeInTheDocument();

    const form = within(drawer.getByRole('form', { name: '填报新进展' }));
    await fill(user, form.getByLabelText('当前值'), '1980');
    const date = form.getByLabelText('统计截至');
    await user.click(date);
    await user.clear(date);
    // Typed, then committed when focus moves on (Enter would also submit the form).
    await user.type(date, '2026-09-30');
    await user.tab();
    await fill(user, form.getByLabelText('数据来源与说明'), '省科技厅高企认定公示（第二批）');
    await user.click(form.getByRole('button', { name: /保存进展/ }));
    // The server's message appears under the field it is about.
    const message = await drawer.findByText('统计截至日期不能晚于今天');
    expect(message.closest('.ant-form-item')).toContainElement(date);

    await user.click(form.getByRole('button', { name: /保存进展/ }));
    expect(await screen.findByText('进展已保存')).toBeInTheDocument();
    expect(requestsTo(spy, 'POST /api/dashboard/targets/4/progress/')).toHaveLength(2);
    expect(bodies[1]).toEqual({ value: '1980', as_of: '2026-09-30', note: '省科技厅高企认定公示（第二批）' });
    // The board and the history refresh.
    expect(await drawer.findByText('省科技厅高企认定公示（第二批）')).toBeInTheDocument();
    await waitFor(() => expect(within(screen.getAllByTestId('target-card')[3]!).getByTestId('target-latest')).toHaveTextContent('最新进展：1,980 家（截至2026年9月30日）'));
  });

  it('checks the value before sending it', async () => {
    const spy = mockApi({
      ...signedInAs(kjj),
      'GET /api/dashboard/targets/': () => jsonResponse(targets),
      'GET /api/dashboard/targets/2/': () => jsonResponse({ ...targets[1], history: [] }),
    });
    const { user } = renderApp('/dashboard/targets?target=2');
    const drawer = within(await screen.findByRole('dialog'));
    expect(await drawer.findByText('还没有进展记录')).toBeInTheDocument();
    const form = within(drawer.getByRole('form', { name: '填报新进展' }));
    await user.click(form.getByRole('button', { name: /保存进展/ }));
    expect(await form.findByText('请填写当前值')).toBeInTheDocument();
    await fill(user, form.getByLabelText('当前值'), '-3');
    expect(await form.findByText('请输入不小于 0 的数字，最多两位小数')).toBeInTheDocument();
    expect(requestsTo(spy, 'POST /api/dashboard/targets/2/progress/')).toHaveLength(0);
  });

  it('shows a computed target with its rule, parts and the records behind it, and no entry form', async () => {
    const byList: PolicyTarget = {
      id: 5,
      code: 'challenges_by_list',
      group: '关键核心技术攻坚：四张清单',
      name: '揭榜挂帅榜额（按四张清单）',
      target_text: '政策未设数值目标',
      target_value: null,
      unit: '万元',
      direction: 'at_least',
      direction_label: '不低于',
      year: 2027,
      source: 'computed',
      computed: {
        description: '已定榜、攻关中或已验收的揭榜挂帅榜单的榜额合计（万元），按倒逼、引领、替代、转化四张清单分列',
        value: '780.00',
        count: 5,
        parts: [
          { key: 'forced', label: '倒逼', value: '200.00', count: 1 },
          { key: 'leading', label: '引领', value: '230.00', count: 2 },
          { key: 'substitution', label: '替代', value: '300.00', count: 1 },
          { key: 'transformation', label: '转化', value: '50.00', count: 1 },
        ],
        as_of: '2026-11-27',
      },
      latest: null,
      progress_ratio: null,
    };
    const record = (id: number | null, title: string, amount: string): TargetRecord => ({
      id,
      kind: 'challenge',
      title,
      organisation: '长兴天能电池材料有限公司',
      status: 'awarded',
      status_label: '已定榜',
      amount,
      date: '2026-03-01',
      detail: '引领',
      visible: id !== null,
    });
    const spy = mockApi({
      ...signedInAs(kjj),
      'GET /api/dashboard/targets/': () => jsonResponse([...targets, byList]),
      'GET /api/dashboard/targets/5/records/': (request) =>
        jsonResponse({
          count: 2,
          next: null,
          previous: null,
          results:
            new URL(request.url).searchParams.get('part') === 'leading'
              ? [record(31, '高精度北斗定位模组', '1500000.00'), record(null, '保密榜单', '800000.00')]
              : [record(31, '高精度北斗定位模组', '1500000.00')],
        }),
    });
    const { user } = renderApp('/dashboard/targets');
    const computedSection = within(await screen.findByRole('region', { name: '平台自动计算的目标' }));
    const card = computedSection.getByTestId('target-card');
    expect(card).toHaveTextContent('自动计算');
    expect(card).toHaveTextContent('平台当前值：780 万元');
    expect(card).not.toHaveTextContent('不低于');
    expect(within(screen.getByRole('region', { name: '人工填报的目标' })).getAllByTestId('target-card')).toHaveLength(4);

    await user.click(within(card).getByRole('button', { name: '揭榜挂帅榜额（按四张清单）：计算口径与记录' }));
    const drawer = within(await screen.findByRole('dialog'));
    expect(drawer.getByTestId('target-rule')).toHaveTextContent('按倒逼、引领、替代、转化四张清单分列');
    expect(drawer.queryByRole('form', { name: '填报新进展' })).not.toBeInTheDocument();
    expect(await drawer.findByRole('link', { name: '高精度北斗定位模组' })).toHaveAttribute('href', '/challenges/31');

    await user.click(drawer.getByText('引领 · 230 万元'));
    expect(await drawer.findByText('保密榜单')).toBeInTheDocument();
    expect(drawer.queryByRole('link', { name: '保密榜单' })).not.toBeInTheDocument();
    const parts = requestsTo(spy, 'GET /api/dashboard/targets/5/records/').map((r) => new URL(r.url).searchParams.get('part'));
    expect(parts).toEqual(['', 'leading']);
  });
});
