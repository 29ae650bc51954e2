import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import type { components } from '@/api/schema';
import { signedInAs } from '@/testing/auth';
import { kjj } from '@/testing/data/dashboard';
import { organisations, page, tianneng, tiannengOrg, xiaopengOrg, zjuOrg } from '@/testing/data/marketplace';
import { jsonResponse, mockApi, requestsTo } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

type S = components['schemas'];

const highTech: S['QualificationOutput'] = {
  id: 1,
  uscc: '91330522MA2D8XY12K',
  name: '长兴新能动力电池材料有限公司',
  kind: 'high_tech',
  kind_label: '高新技术企业',
  certificate_number: 'GR202533001234',
  valid_from: '2025-12-01',
  valid_until: '2028-11-30',
  source: '2025年第一批高新技术企业认定名单',
  created_at: '2026-01-05T10:00:00+08:00',
};
const leading: S['QualificationOutput'] = { ...highTech, id: 2, kind: 'leading', kind_label: '龙头企业', certificate_number: '', valid_until: null, source: '2025年度市级龙头企业名单' };

const consortium: S['ConsortiumOutput'] = {
  id: 7,
  name: '湖州动力电池材料创新联合体',
  lead: { id: tiannengOrg.id, name: tiannengOrg.name },
  members: [{ id: zjuOrg.id, name: zjuOrg.name }],
  established_on: '2026-03-01',
  source: '湖科〔2026〕12号',
  led_by_leading_enterprise: true,
};

/** A paste, not a keystroke per character (a keystroke per character re-renders the form each time). */
async function paste(user: UserEvent, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

async function pickDate(user: UserEvent, field: HTMLElement, date: string) {
  await paste(user, field, date);
  await user.keyboard('{Enter}');
  await waitFor(() => expect(field).toHaveValue(date));
}

const query = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);

describe('资质与联合体', () => {
  it('is for officials and the operator only', async () => {
    mockApi({ ...signedInAs(tianneng) });
    renderApp('/dashboard/qualifications');
    expect(await screen.findByText('数据看板、合同导入和目标看板仅对科技部门和平台运营方开放。')).toBeInTheDocument();
    expect(screen.queryByTestId('qualification-list')).not.toBeInTheDocument();
  });

  it('lists the qualifications and filters them by kind, USCC and validity', async () => {
    const spy = mockApi({
      ...signedInAs(kjj),
      'GET /api/qualifications/': () => jsonResponse(page([highTech, leading])),
    });
    const { user } = renderApp('/dashboard/qualifications');
    expect(await screen.findByRole('heading', { level: 1, name: '资质与联合体' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: '数据看板导航' })).toHaveTextContent('资质与联合体');
    const list = await screen.findByTestId('qualification-list');
    await waitFor(() => expect(within(list).getAllByRole('row')).toHaveLength(3));
    const [, first, second] = within(list).getAllByRole('row');
    expect(first).toHaveTextContent('高新技术企业');
    expect(first).toHaveTextContent('2025年12月1日 至 2028年11月30日');
    expect(second).toHaveTextContent('龙头企业');
    expect(second).toHaveTextContent('2025年12月1日 至 长期');

    await user.click(within(list).getByRole('combobox', { name: '资质' }));
    await user.click((await screen.findAllByText('龙头企业', { selector: '.ant-select-item-option-content' })).at(-1)!);
    await paste(user, within(list).getByLabelText('按统一社会信用代码查找'), '91330522ma2d8xy12k');
    await user.keyboard('{Enter}');
    await user.click(within(list).getByLabelText('只看今天有效的'));
    await waitFor(() =>
      expect(query(requestsTo(spy, 'GET /api/qualifications/').at(-1)!)).toEqual({
        kind: 'leading',
        uscc: '91330522MA2D8XY12K',
        current: 'true',
        page: '1',
        page_size: '10',
      }),
    );

  });

  it('adds one qualification by hand', async () => {
    let added: unknown;
    mockApi({
      ...signedInAs(kjj),
      'GET /api/qualifications/': () => jsonResponse(page([])),
      'POST /api/qualifications/': async (request) => {
        added = await request.json();
        return jsonResponse(highTech, 201);
      },
    });
    const { user } = renderApp('/dashboard/qualifications');
    const list = await screen.findByTestId('qualification-list');
    await user.click(within(list).getByRole('button', { name: /录入资质/ }));
    const dialog = await screen.findByRole('dialog');
    await paste(user, within(dialog).getByLabelText('统一社会信用代码'), ' 91330522ma2d8xy12k ');
    await paste(user, within(dialog).getByLabelText('企业名称'), '长兴新能动力电池材料有限公司');
    await user.click(within(dialog).getByRole('combobox', { name: '资质' }));
    await user.click((await screen.findAllByText('高新技术企业', { selector: '.ant-select-item-option-content' })).at(-1)!);
    await pickDate(user, within(dialog).getByLabelText('有效期起'), '2025-12-01');
    await paste(user, within(dialog).getByLabelText('来源'), '2025年第一批高新技术企业认定名单');
    await user.click(within(dialog).getByRole('button', { name: /录\s*入/ }));
    await waitFor(() =>
      expect(added).toEqual({
        uscc: '91330522MA2D8XY12K',
        name: '长兴新能动力电池材料有限公司',
        kind: 'high_tech',
        certificate_number: '',
        valid_from: '2025-12-01',
        valid_until: null,
        source: '2025年第一批高新技术企业认定名单',
      }),
    );
  });

  it('imports a list and shows every problem of every row at once, then the counts of a clean file', async () => {
    let clean = false;
    const spy = mockApi({
      ...signedInAs(kjj),
      'GET /api/qualifications/': () => jsonResponse(page([])),
      'POST /api/qualifications/import/': () =>
        jsonResponse(
          clean
            ? { created: 41, updated: 2, unchanged: 0, errors: [] }
            : {
                created: 0,
                updated: 0,
                unchanged: 0,
                errors: [
                  { row: 3, field: 'uscc', message: '统一社会信用代码校验位不正确' },
                  { row: 3, field: 'valid_from', message: '日期格式应为 2025-01-31' },
                  { row: 7, field: 'kind', message: '资质须为：高新技术企业、科技型中小企业、专精特新企业、龙头企业' },
                  { row: 9, field: '__all__', message: '有效期止不能早于有效期起' },
                ],
              },
        ),
    });
    const { user } = renderApp('/dashboard/qualifications');
    const card = await screen.findByTestId('qualification-import');
    fireEvent.change(within(card).getByLabelText('来源'), { target: { value: '2025年第一批高新技术企业认定名单' } });
    const input = card.querySelector<HTMLInputElement>('input[type="file"]')!;
    const file = new File(['统一社会信用代码,企业名称,资质\n'], '高企名单.csv', { type: 'text/csv' });
    await user.upload(input, file);
    await user.click(within(card).getByRole('button', { name: /导\s*入/ }));

    const report = await within(card).findByTestId('qualification-import-report');
    expect(report).toHaveTextContent('发现 4 个问题，涉及 3 行；没有导入任何一行。');
    const rows = within(report)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    expect(rows.filter((cells) => cells.length === 3)).toEqual([
      ['3', '统一社会信用代码', '统一社会信用代码校验位不正确'],
      ['3', '有效期起', '日期格式应为 2025-01-31'],
      ['7', '资质', '资质须为：高新技术企业、科技型中小企业、专精特新企业、龙头企业'],
      ['9', '整行', '有效期止不能早于有效期起'],
    ]);
    const [sent] = requestsTo(spy, 'POST /api/qualifications/import/');
    const form = await sent!.formData();
    expect(form.get('source')).toBe('2025年第一批高新技术企业认定名单');
    expect(form.has('file')).toBe(true);

    clean = true;
    await user.click(within(card).getByRole('button', { name: /导\s*入/ }));
    expect(await within(card).findByText('已导入：新增 41 条，更新 2 条，0 条无变化。')).toBeInTheDocument();
  });

  it('shows a problem with the file itself next to it', async () => {
    mockApi({
      ...signedInAs(kjj),
      'GET /api/qualifications/': () => jsonResponse(page([])),
      'POST /api/qualifications/import/': () =>
        jsonResponse({ detail: '输入有误', code: 'invalid', fields: { file: ['缺少列：uscc、kind'] } }, 400),
    });
    const { user } = renderApp('/dashboard/qualifications');
    const card = await screen.findByTestId('qualification-import');
    fireEvent.change(within(card).getByLabelText('来源'), { target: { value: '名单' } });
    await user.upload(card.querySelector<HTMLInputElement>('input[type="file"]')!, new File(['x'], 'list.csv', { type: 'text/csv' }));
    await user.click(within(card).getByRole('button', { name: /导\s*入/ }));
    expect(await within(card).findByText('缺少列：uscc、kind')).toBeInTheDocument();
    expect(within(card).queryByTestId('qualification-import-report')).not.toBeInTheDocument();
  });

  it('lists the consortia with whether each counts, and records one with its lead found by name', async () => {
    let added: unknown;
    const spy = mockApi({
      ...signedInAs(kjj),
      'GET /api/consortia/': () => jsonResponse(page([consortium, { ...consortium, id: 8, name: '南太湖智能网联汽车联合体', led_by_leading_enterprise: false, members: [] }])),
      'GET /api/organisations/': () => jsonResponse({ ...organisations, results: [tiannengOrg, xiaopengOrg] }),
      'POST /api/consortia/': async (request) => {
        added = await request.json();
        return jsonResponse(consortium, 201);
      },
    });
    const { user } = renderApp('/dashboard/qualifications?tab=consortia');
    const list = await screen.findByTestId('consortium-list');
    await waitFor(() => expect(within(list).getAllByRole('row')).toHaveLength(3));
    const [, counted, notCounted] = within(list).getAllByRole('row');
    expect(counted).toHaveTextContent('长兴新能动力电池材料有限公司');
    expect(counted).toHaveTextContent('浙江某大学湖州研究院（演示）');
    expect(counted).toHaveTextContent('计入（龙头企业牵头）');
    expect(notCounted).toHaveTextContent('不计入');

    await user.click(within(list).getByRole('button', { name: /登记联合体/ }));
    const dialog = await screen.findByRole('dialog');
    await paste(user, within(dialog).getByLabelText('名称'), '湖州动力电池材料创新联合体');
    await paste(user, within(dialog).getByLabelText('牵头企业'), '长兴');
    await user.click((await screen.findAllByText(`${tiannengOrg.name}（${tiannengOrg.uscc}）`, { selector: '.ant-select-item-option-content' })).at(-1)!);
    await waitFor(() => expect(requestsTo(spy, 'GET /api/organisations/').some((request) => query(request).q === '长兴' && query(request).kind === 'enterprise')).toBe(true));
    await pickDate(user, within(dialog).getByLabelText('组建日期'), '2026-03-01');
    await paste(user, within(dialog).getByLabelText('依据'), '湖科〔2026〕12号');
    await user.click(within(dialog).getByRole('button', { name: /登\s*记/ }));
    await waitFor(() =>
      expect(added).toEqual({ name: '湖州动力电池材料创新联合体', lead: tiannengOrg.id, members: [], established_on: '2026-03-01', source: '湖科〔2026〕12号' }),
    );
  });
});
