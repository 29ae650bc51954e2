import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { signedInAs } from '@/testing/auth';
import { capability, industries, page, taihuLab } from '@/testing/data/marketplace';
import { noMatches } from '@/testing/data/matching';
import { fill } from '@/testing/fill';
import { jsonResponse, mockApi, requestsTo } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

describe('capabilities', () => {
  it('lists capabilities with kind and TRL, and filters by a TRL range', async () => {
    const spy = mockApi({
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/capabilities/': () => jsonResponse(page([capability])),
    });
    const { user } = renderApp('/capabilities');
    const card = await screen.findByTestId('capability-card');
    expect(card).toHaveTextContent('科技成果');
    expect(card).toHaveTextContent('TRL 6');
    expect(card).toHaveTextContent('50万元起');

    await user.click(screen.getByLabelText('成熟度不低于'));
    const options = await screen.findAllByText('TRL 7', { selector: '.ant-select-item-option-content' });
    await user.click(options[0]!);
    await waitFor(() => {
      const requests = requestsTo(spy, 'GET /api/capabilities/');
      expect(new URL(requests[requests.length - 1]!.url).searchParams.get('trl_min')).toBe('7');
    });
  });

  it('shows a capability’s patents, cooperation types and team; its owner can withdraw it', async () => {
    mockApi({
      ...signedInAs(taihuLab),
      'GET /api/capabilities/5/': () => jsonResponse(capability),
      'GET /api/capabilities/5/matches/': () => jsonResponse(noMatches),
      'POST /api/capabilities/5/withdraw/': () => jsonResponse({ ...capability, status: 'withdrawn' }),
    });
    const { user } = renderApp('/capabilities/5');
    const detail = await screen.findByTestId('capability-detail');
    expect(detail).toHaveTextContent('ZL202110234567.1');
    expect(detail).toHaveTextContent('技术转让');
    expect(detail).toHaveTextContent('技术许可');
    expect(detail).toHaveTextContent('教授2名、博士5名');
    expect(detail).toHaveTextContent('TRL 6 · 样机与中试验证阶段');
    await user.click(await screen.findByRole('button', { name: /下\s*架/ }));
    expect(await screen.findByText('能力成果已下架')).toBeInTheDocument();
    expect(screen.getByTestId('capability-status')).toHaveTextContent('已下架');
  });

  it('creates a capability with patents and at least one cooperation type', async () => {
    let body: Record<string, unknown> = {};
    mockApi({
      ...signedInAs(taihuLab),
      'GET /api/industries/': () => jsonResponse(industries),
      'POST /api/capabilities/': async (request) => {
        body = (await request.json()) as Record<string, unknown>;
        return jsonResponse(capability, 201);
      },
      'GET /api/capabilities/5/': () => jsonResponse(capability),
      'GET /api/capabilities/5/matches/': () => jsonResponse(noMatches),
    });
    const { user, router } = renderApp('/capabilities/new');
    await fill(user, await screen.findByLabelText('标题'), '勃姆石陶瓷涂覆隔膜制备技术');
    await fill(user, screen.getByLabelText('详细描述'), '涂覆隔膜150℃热收缩率低于2%。');
    await user.click(screen.getByLabelText('产业链'));
    await user.click(await screen.findByText('新能源汽车', { selector: '.ant-select-item-option-content' }));
    await user.click(screen.getByRole('checkbox', { name: '技术开发' })); // the default, now unticked
    await user.click(screen.getByRole('button', { name: /提\s*交/ }));
    expect(await screen.findByText('至少选择一种合作方式')).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: '技术转让' }));
    await fill(user, screen.getByLabelText('专利'), 'ZL202110234567.1{Enter}');
    await user.click(screen.getByRole('button', { name: /提\s*交/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/capabilities/5'));
    expect(body).toMatchObject({
      title: '勃姆石陶瓷涂覆隔膜制备技术',
      industry: 'new_energy_vehicle',
      kind: 'capability',
      trl: 5,
      patents: ['ZL202110234567.1'],
      cooperation_types: ['transfer'],
      price_min: null,
      price_max: null,
      publish: true,
    });
    expect(within(await screen.findByTestId('capability-detail')).getByRole('heading', { level: 1 })).toHaveTextContent('勃姆石陶瓷涂覆隔膜制备技术');
  });
});

describe('capabilities sorting', () => {
  it('sorts by price from the URL and from the selector', async () => {
    const spy = mockApi({
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/capabilities/': () => jsonResponse(page([capability])),
    });
    const { user } = renderApp('/capabilities?ordering=-amount');
    await screen.findByTestId('capability-card');
    const orderings = () =>
      requestsTo(spy, 'GET /api/capabilities/').map((request) => new URL(request.url).searchParams.get('ordering'));
    expect(orderings()).toEqual(['-amount']);
    expect(screen.getByTestId('capability-card').closest('main') ?? document.body).toHaveTextContent('报价金额');

    await user.click(screen.getByLabelText('排序'));
    await user.click(await screen.findByText('最新发布', { selector: '.ant-select-item-option-content' }));
    await waitFor(() => expect(orderings().at(-1)).toBe('newest'));
  });
});
