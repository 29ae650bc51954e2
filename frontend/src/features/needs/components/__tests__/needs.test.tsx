import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { signedInAs } from '@/testing/auth';
import { industries, kjjOrg, need, page, tianneng, unverifiedLab } from '@/testing/data/marketplace';
import { noMatches } from '@/testing/data/matching';
import { fill } from '@/testing/fill';
import { jsonResponse, mockApi, requestsTo } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

function fieldOf(control: HTMLElement) {
  return control.closest('.ant-form-item') as HTMLElement;
}

describe('needs', () => {
  it('lists needs with their budget and filters by cooperation type', async () => {
    const spy = mockApi({
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/needs/': () => jsonResponse(page([need])),
    });
    const { user } = renderApp('/needs');
    const card = await screen.findByTestId('need-card');
    expect(within(card).getByRole('link', { name: need.title })).toHaveAttribute('href', '/needs/7');
    expect(card).toHaveTextContent('50万元 – 120万元');
    expect(card).toHaveTextContent('征集中');
    expect(card).toHaveTextContent('技术开发');

    await user.click(screen.getByLabelText('合作方式'));
    await user.click(await screen.findByText('技术服务', { selector: '.ant-select-item-option-content' }));
    await waitFor(() => {
      const requests = requestsTo(spy, 'GET /api/needs/');
      expect(new URL(requests[requests.length - 1]!.url).searchParams.get('cooperation_type')).toBe('service');
    });
  });

  it('shows a need and lets its owner close it', async () => {
    mockApi({
      ...signedInAs(tianneng),
      'GET /api/needs/7/': () => jsonResponse(need),
      'GET /api/needs/7/matches/': () => jsonResponse(noMatches),
      'POST /api/needs/7/close/': () => jsonResponse({ ...need, status: 'closed' }),
    });
    const { user } = renderApp('/needs/7');
    expect(await screen.findByRole('heading', { level: 1, name: need.title })).toBeInTheDocument();
    expect(screen.getByText('快充')).toBeInTheDocument();
    // Its organisation records the contract signed after it from here.
    expect(within(screen.getByTestId('record-from-posting')).getByRole('link', { name: /登记合同/ })).toHaveAttribute('href', '/deals/new?need=7');
    await user.click(await screen.findByRole('button', { name: '关闭需求' }));
    expect(await screen.findByText('需求已关闭')).toBeInTheDocument();
    expect(screen.getByTestId('need-status')).toHaveTextContent('已关闭');
    expect(screen.getByRole('button', { name: '重新开放' })).toBeInTheDocument();
  });

  it('creates a need, checking the budget range before sending', async () => {
    let body: unknown;
    mockApi({
      ...signedInAs(tianneng),
      'GET /api/industries/': () => jsonResponse(industries),
      'POST /api/needs/': async (request) => {
        body = await request.json();
        return jsonResponse(need, 201);
      },
      'GET /api/needs/7/': () => jsonResponse(need),
      'GET /api/needs/7/matches/': () => jsonResponse(noMatches),
    });
    const { user, router } = renderApp('/needs/new');
    await fill(user, await screen.findByLabelText('标题'), '叉车锂电池快充缩短到一小时内');
    await fill(user, screen.getByLabelText('详细描述'), '三班倒的仓库叉车充电时间太长。');
    await user.click(screen.getByLabelText('产业链'));
    await user.click(await screen.findByText('物流装备', { selector: '.ant-select-item-option-content' }));
    await fill(user, screen.getByLabelText('预算下限（元）'), '1200000');
    await fill(user, screen.getByLabelText('预算上限（元）'), '500000');
    await user.click(screen.getByRole('button', { name: /提\s*交/ }));
    expect(await within(fieldOf(screen.getByLabelText('预算上限（元）'))).findByText('上限不能低于下限')).toBeInTheDocument();

    await user.clear(screen.getByLabelText('预算下限（元）'));
    await fill(user, screen.getByLabelText('预算下限（元）'), '500000');
    await user.clear(screen.getByLabelText('预算上限（元）'));
    await fill(user, screen.getByLabelText('预算上限（元）'), '1200000');
    await fill(user, screen.getByLabelText('关键词'), '快充{Enter}');
    await user.click(screen.getByRole('button', { name: /提\s*交/ }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/needs/7'));
    expect(body).toEqual({
      title: '叉车锂电池快充缩短到一小时内',
      description: '三班倒的仓库叉车充电时间太长。',
      industry: 'logistics_equipment',
      keywords: ['快充'],
      budget_min: '500000',
      budget_max: '1200000',
      cooperation_type: 'development',
      publish: true,
    });
  });

  it('saves as a draft when the organisation is not verified yet, and refuses government users', async () => {
    mockApi({ ...signedInAs(unverifiedLab), 'GET /api/industries/': () => jsonResponse(industries) });
    const first = renderApp('/needs/new');
    const publish = await screen.findByRole('checkbox', { name: '立即发布' });
    expect(publish).toBeDisabled();
    expect(publish).not.toBeChecked();
    expect(screen.getByText('机构通过认证后才能发布，现在先保存为草稿。')).toBeInTheDocument();
    first.unmount();

    window.localStorage.clear();
    mockApi({ ...signedInAs({ ...tianneng, organisation: kjjOrg, is_official: true }) });
    renderApp('/needs/new');
    expect(await screen.findByText('政府部门用户不能发布需求或能力成果。')).toBeInTheDocument();
  });
});

describe('needs sorting', () => {
  it('sorts by newest or by budget', async () => {
    const spy = mockApi({
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/needs/': () => jsonResponse(page([need])),
    });
    const { user } = renderApp('/needs');
    await screen.findByTestId('need-card');
    const orderings = () => requestsTo(spy, 'GET /api/needs/').map((request) => new URL(request.url).searchParams.get('ordering'));
    expect(orderings()).toEqual([null]);

    await user.click(screen.getByLabelText('排序'));
    await user.click(await screen.findByText('预算金额', { selector: '.ant-select-item-option-content' }));
    await waitFor(() => expect(orderings().at(-1)).toBe('-amount'));
    await user.click(screen.getByLabelText('排序'));
    await user.click(await screen.findByText('最新发布', { selector: '.ant-select-item-option-content' }));
    await waitFor(() => expect(orderings().at(-1)).toBe('newest'));
  });
});
