import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { signedInAs } from '@/testing/auth';
import { chassisChallengeHidden, chassisChallengeVisible, history, taihuLab, tianneng, unverifiedLab } from '@/testing/data/marketplace';
import { jsonResponse, mockApi, requestsMade, requestsTo } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

const NOTICE = '需签署保密条款后查看详情';

function detailRoutes() {
  return {
    'GET /api/challenges/2/': () => jsonResponse(chassisChallengeHidden),
    'GET /api/challenges/2/history/': () => jsonResponse(history),
  };
}

describe('a summary-only challenge whose details are withheld', () => {
  it('shows the title and summary, the notice instead of the details, and lets a verified institute accept the terms', async () => {
    let accepted = false;
    const spy = mockApi({
      ...signedInAs(taihuLab),
      ...detailRoutes(),
      'GET /api/challenges/2/bids/': () => jsonResponse([]),
      'POST /api/challenges/2/accept-terms/': () => {
        accepted = true;
        return jsonResponse(chassisChallengeVisible);
      },
    });
    const { user } = renderApp('/challenges/2');

    expect(await screen.findByRole('heading', { level: 1, name: '智能网联汽车线控底盘域控制器' })).toBeInTheDocument();
    expect(screen.getByText('线控制动与转向的域控制器软硬件研发（详情需签署保密条款）。')).toBeInTheDocument();
    const notice = await screen.findByTestId('confidentiality-notice');
    expect(notice).toHaveTextContent(NOTICE);
    expect(screen.queryByTestId('indicators-table')).not.toBeInTheDocument();
    expect(screen.queryByTestId('challenge-description')).not.toBeInTheDocument();
    // Bidding waits for the terms too.
    expect(await screen.findByText('请先接受保密条款，查看榜单详情后再揭榜。')).toBeInTheDocument();

    await user.click(within(notice).getByRole('button', { name: '接受保密条款并查看详情' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('保密条款');
    expect(accepted).toBe(false); // nothing is sent before the user agrees in the dialog
    await user.click(within(dialog).getByRole('button', { name: '接受并查看' }));

    const table = await screen.findByTestId('indicators-table');
    expect(accepted).toBe(true);
    expect(within(table).getByText('功能安全等级')).toBeInTheDocument();
    expect(within(table).getByText('ASIL-D')).toBeInTheDocument();
    expect(within(table).getByText('≤5')).toBeInTheDocument();
    expect(screen.getByTestId('challenge-description')).toHaveTextContent('ASIL-D功能安全等级');
    expect(screen.queryByTestId('confidentiality-notice')).not.toBeInTheDocument();
    expect(screen.getByText('线控底盘')).toBeInTheDocument();
    expect(requestsTo(spy, 'POST /api/challenges/2/accept-terms/')[0]?.headers.get('Authorization')).toBe('Token token-of-taihu_lab');
  });

  it('reports a refusal from the server and keeps the details hidden', async () => {
    mockApi({
      ...signedInAs(taihuLab),
      ...detailRoutes(),
      'GET /api/challenges/2/bids/': () => jsonResponse([]),
      'POST /api/challenges/2/accept-terms/': () =>
        jsonResponse({ detail: '只有已认证的科研机构可以接受保密条款并查看详情', code: 'permission_denied', fields: {} }, 403),
    });
    const { user } = renderApp('/challenges/2');
    await user.click(await screen.findByRole('button', { name: '接受保密条款并查看详情' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '接受并查看' }));

    expect(await screen.findByText('只有已认证的科研机构可以接受保密条款并查看详情')).toBeInTheDocument();
    expect(screen.getByTestId('confidentiality-notice')).toHaveTextContent(NOTICE);
    expect(screen.queryByTestId('indicators-table')).not.toBeInTheDocument();
  });

  it('asks a visitor to sign in first, and comes back to this challenge', async () => {
    const spy = mockApi(detailRoutes());
    renderApp('/challenges/2');
    const notice = await screen.findByTestId('confidentiality-notice');
    expect(within(notice).queryByRole('button', { name: '接受保密条款并查看详情' })).not.toBeInTheDocument();
    expect(within(notice).getByRole('link', { name: '登录后接受保密条款' })).toHaveAttribute('href', '/login?next=%2Fchallenges%2F2');
    // Anonymous visitors have no bids to load.
    expect(requestsMade(spy)).not.toContain('GET /api/challenges/2/bids/');
  });

  it.each([
    ['an enterprise', tianneng, '只有已认证的科研机构可以接受保密条款。'],
    ['an unverified institute', unverifiedLab, '贵机构尚未通过认证，认证后才能接受保密条款。'],
  ])('tells %s why it cannot accept', async (_who, who, reason) => {
    mockApi({ ...signedInAs(who), ...detailRoutes(), 'GET /api/challenges/2/bids/': () => jsonResponse([]) });
    renderApp('/challenges/2');
    const notice = await screen.findByTestId('confidentiality-notice');
    await waitFor(() => expect(notice).toHaveTextContent(reason));
    expect(within(notice).queryByRole('button')).not.toBeInTheDocument();
  });

  it('says an invitation-only challenge is for invitees, without offering the terms', async () => {
    mockApi({
      'GET /api/challenges/2/': () => jsonResponse({ ...chassisChallengeHidden, confidentiality: 'invitation_only' }),
      'GET /api/challenges/2/history/': () => jsonResponse(history),
    });
    renderApp('/challenges/2');
    const notice = await screen.findByTestId('confidentiality-notice');
    expect(notice).toHaveTextContent('仅限受邀机构查看详情');
    expect(notice).not.toHaveTextContent(NOTICE);
  });
});
