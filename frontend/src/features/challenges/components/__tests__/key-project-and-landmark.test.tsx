import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { signedInAs } from '@/testing/auth';
import { kjj } from '@/testing/data/dashboard';
import { bids, history, industries, listItem, page, separatorChallenge, tianneng } from '@/testing/data/marketplace';
import { noMatches } from '@/testing/data/matching';
import { jsonResponse, mockApi } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

const inProgress = { ...separatorChallenge, status: 'in_progress' as const, status_label: '攻关中' };

describe('the 标志性成果 mark at 验收', () => {
  function ownerRoutes(onConclude: (body: unknown) => void) {
    return {
      ...signedInAs(tianneng),
      'GET /api/challenges/1/': () => jsonResponse(inProgress),
      'GET /api/challenges/1/history/': () => jsonResponse(history),
      'GET /api/challenges/1/bids/': () => jsonResponse(bids),
      'GET /api/challenges/1/matches/': () => jsonResponse(noMatches),
      'GET /api/deals/': () => jsonResponse(page([])),
      'POST /api/challenges/1/conclude/': async (request: Request) => {
        const body = (await request.json()) as { landmark: string };
        onConclude(body);
        return jsonResponse({ ...inProgress, status: 'accepted', status_label: '已验收', landmark: body.landmark });
      },
    };
  }

  it('is offered with a passed review, explained, sent with it and shown on the page', async () => {
    let body: unknown;
    mockApi(ownerRoutes((sent) => (body = sent)));
    const { user } = renderApp('/challenges/1');
    await user.click(await screen.findByRole('button', { name: /验\s*收/ }));
    const dialog = await screen.findByRole('dialog');
    const landmark = within(dialog).getByLabelText('标志性成果', { selector: '.ant-radio-group' });
    expect(within(landmark).getByLabelText('无')).toBeChecked();
    expect(dialog).toHaveTextContent('计入 2027 年政策目标“标志性科技成果 50 项”；验收后不能更改。');

    await user.click(within(landmark).getByLabelText('实现进口替代'));
    fireEvent.change(within(dialog).getByLabelText('理由'), { target: { value: '热收缩率 1.5%，替代进口隔膜' } });
    await user.click(within(dialog).getByRole('button', { name: /验\s*收/ }));

    await waitFor(() => expect(body).toEqual({ accepted: true, landmark: 'import_substitution', reason: '热收缩率 1.5%，替代进口隔膜' }));
    expect(await screen.findByTestId('landmark-tag')).toHaveTextContent('标志性成果 · 实现进口替代');
    expect(screen.getByTestId('challenge-status')).toHaveTextContent('已验收');
  });

  it('is not offered, nor sent, with a failed review', async () => {
    let body: unknown;
    mockApi(ownerRoutes((sent) => (body = sent)));
    const { user } = renderApp('/challenges/1');
    await user.click(await screen.findByRole('button', { name: /验\s*收/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByLabelText('填补国内空白'));
    await user.click(within(dialog).getByLabelText('未通过验收'));
    expect(within(dialog).queryByLabelText('标志性成果', { selector: '.ant-radio-group' })).not.toBeInTheDocument();
    fireEvent.change(within(dialog).getByLabelText('理由'), { target: { value: '穿刺强度未达标' } });
    await user.click(within(dialog).getByRole('button', { name: /验\s*收/ }));
    await waitFor(() => expect(body).toEqual({ accepted: false, landmark: '', reason: '穿刺强度未达标' }));
  });
});

describe('重点项目', () => {
  it('an official designates a challenge and removes the designation, with the tag following', async () => {
    const sent: unknown[] = [];
    let current = { ...separatorChallenge };
    mockApi({
      ...signedInAs(kjj),
      'GET /api/challenges/1/': () => jsonResponse(current),
      'GET /api/challenges/1/history/': () => jsonResponse(history),
      'POST /api/challenges/1/key-project/': async (request) => {
        const body = (await request.json()) as { key_project: boolean };
        sent.push(body);
        current = { ...current, key_project: body.key_project };
        return jsonResponse(current);
      },
    });
    const { user } = renderApp('/challenges/1');
    await user.click(await screen.findByRole('button', { name: '认定为重点项目' }));
    const confirm = await screen.findByRole('dialog');
    expect(confirm).toHaveTextContent('计入 2027 年政策目标“重点科研攻关项目 500 项以上”');
    await user.click(within(confirm).getByRole('button', { name: '认定为重点项目' }));
    expect(await screen.findByTestId('key-project-tag')).toHaveTextContent('重点项目');
    expect(sent).toEqual([{ key_project: true }]);

    await user.click(await screen.findByRole('button', { name: '取消重点项目' }));
    const undo = (await screen.findAllByRole('dialog')).at(-1)!;
    await user.click(within(undo).getByRole('button', { name: '取消重点项目' }));
    await waitFor(() => expect(screen.queryByTestId('key-project-tag')).not.toBeInTheDocument());
    expect(sent).toEqual([{ key_project: true }, { key_project: false }]);
  });

  it('is not offered on a draft; the list shows the 重点项目 and 标志性成果 tags', async () => {
    mockApi({
      ...signedInAs(kjj),
      'GET /api/challenges/1/': () => jsonResponse({ ...separatorChallenge, status: 'draft' }),
      'GET /api/challenges/1/history/': () => jsonResponse(history),
      'GET /api/industries/': () => jsonResponse(industries),
      'GET /api/challenges/': () => jsonResponse(page([listItem({ ...separatorChallenge, key_project: true, landmark: 'gap_filling' })])),
    });
    const { router } = renderApp('/challenges/1');
    await screen.findByTestId('challenge-detail');
    expect(screen.queryByTestId('key-project-action')).not.toBeInTheDocument();

    await act(() => router.navigate('/challenges'));
    const card = await screen.findByTestId('challenge-card');
    expect(within(card).getByTestId('key-project-tag')).toHaveTextContent('重点项目');
    expect(within(card).getByTestId('landmark-tag')).toHaveTextContent('标志性成果 · 填补国内空白');
  });

  it('the owner sees the tag but no toggle', async () => {
    mockApi({
      ...signedInAs(tianneng),
      'GET /api/challenges/1/': () => jsonResponse({ ...separatorChallenge, key_project: true }),
      'GET /api/challenges/1/history/': () => jsonResponse(history),
      'GET /api/challenges/1/bids/': () => jsonResponse(bids),
      'GET /api/challenges/1/matches/': () => jsonResponse(noMatches),
      'GET /api/deals/': () => jsonResponse(page([])),
    });
    renderApp('/challenges/1');
    expect(await screen.findByTestId('key-project-tag')).toBeInTheDocument();
    expect(screen.queryByTestId('key-project-action')).not.toBeInTheDocument();
  });
});
