import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { signedInAs } from '@/testing/auth';
import { kjj, qualifications2026, summary2026 } from '@/testing/data/dashboard';
import { jsonResponse, mockApi, requestsTo, type ApiRoutes } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

const rules = [{ ...summary2026.rule, created_at: '2026-01-01T00:00:00+08:00', created_by: 'operator', reason: '' }];
const QUALIFICATIONS = 'GET /api/dashboard/qualifications/';

function routes(overrides: ApiRoutes = {}): ApiRoutes {
  return {
    ...signedInAs(kjj),
    'GET /api/deals/counting-rules/': () => jsonResponse(rules),
    'GET /api/dashboard/summary/': () => jsonResponse(summary2026),
    [QUALIFICATIONS]: () => jsonResponse(qualifications2026),
    ...overrides,
  };
}

const query = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);
const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((cell) => cell.textContent);

describe('按企业资质', () => {
  it('gives each qualification’s seller, buyer and either-side figures in the screen’s unit, then 均无资质 and the year’s total', async () => {
    const spy = mockApi(routes());
    renderApp('/dashboard?year=2026');
    const card = within(await screen.findByTestId('qualifications-card'));

    expect(card.getByRole('heading', { name: '按企业资质' })).toBeInTheDocument();
    // The back end's rule: valid on the contract's counted date, which is this year's rule's date field.
    expect(card.getByTestId('qualifications-meaning')).toHaveTextContent('在合同认定登记日期当天持有有效资质');
    expect(card.getByTestId('qualifications-meaning')).toHaveTextContent('各行相加不等于合计');
    expect(query(requestsTo(spy, QUALIFICATIONS)[0]!)).toEqual({ year: '2026' });

    const highTech = (await card.findByText('高新技术企业')).closest('tr')!;
    expect(cells(highTech)).toEqual(['高新技术企业', '3,200万元', '6', '1,850万元', '4', '4,120万元', '8']);
    expect(cells(card.getByText('龙头企业').closest('tr')!)).toEqual(['龙头企业', '0万元', '0', '1,500万元', '2', '1,500万元', '2']);
    expect(card.getByTestId('qualifications-none')).toHaveTextContent('均无资质买卖双方均无任何资质2,148万元 · 5 份合同');
    expect(card.getByTestId('qualifications-total')).toHaveTextContent('当年计入合计7,898万元 · 17 份合同');

    // The exact amount on hover.
    fireEvent.mouseEnter(within(highTech).getByText('3,200万元'));
    expect(await screen.findByText('32,000,000.00元')).toBeInTheDocument();
  });

  it('keeps the qualification column sticky while the figures scroll sideways', async () => {
    mockApi(routes());
    renderApp('/dashboard?year=2026');
    const card = await screen.findByTestId('qualifications-card');
    const row = (await within(card).findByText('科技型中小企业')).closest('tr')!;

    expect(within(row).getAllByRole('cell')[0]).toHaveClass('ant-table-cell-fix-left');
    expect(within(within(card).getByTestId('qualifications-none')).getAllByRole('cell')[0]).toHaveClass('ant-table-cell-fix-left');
    expect(card.querySelector('table')).toHaveStyle({ width: 'max-content' });
  });

  it('asks for the figures up to the screen’s 截至 date', async () => {
    const spy = mockApi(routes());
    renderApp('/dashboard?year=2026&as_of=2026-06-30');
    await within(await screen.findByTestId('qualifications-card')).findByText('高新技术企业');
    expect(query(requestsTo(spy, QUALIFICATIONS)[0]!)).toEqual({ year: '2026', as_of: '2026-06-30' });
  });

  it('says it cannot answer an audit date (账本回溯) rather than showing today’s ledger', async () => {
    const spy = mockApi(
      routes({ 'GET /api/dashboard/summary/': () => jsonResponse({ ...summary2026, recorded_as_of: '2026-06-30', date_mode: 'recorded' }) }),
    );
    renderApp('/dashboard?year=2026&recorded_as_of=2026-06-30');
    const card = within(await screen.findByTestId('qualifications-card'));

    expect(card.getByTestId('qualifications-recorded')).toHaveTextContent('不支持账本回溯');
    expect(card.queryByRole('table')).not.toBeInTheDocument();
    await waitFor(() => expect(requestsTo(spy, 'GET /api/dashboard/summary/')).toHaveLength(1));
    expect(requestsTo(spy, QUALIFICATIONS)).toHaveLength(0);
  });

  it('says so when no contract counts yet', async () => {
    const nothing = { ...qualifications2026, total: { amount: '0.00', deals: 0 }, none: { amount: '0.00', deals: 0 } };
    mockApi(routes({ [QUALIFICATIONS]: () => jsonResponse(nothing) }));
    renderApp('/dashboard?year=2026');
    const card = within(await screen.findByTestId('qualifications-card'));
    expect(await card.findByText('暂无计入的合同')).toBeInTheDocument();
  });
});
