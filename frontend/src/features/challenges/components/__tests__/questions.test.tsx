import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { signedInAs } from '@/testing/auth';
import { bids, history, separatorChallenge, taihuLab, tianneng } from '@/testing/data/marketplace';
import { noMatches, separatorMatches } from '@/testing/data/matching';
import { jsonResponse, mockApi } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

const open = { id: 7, text: '隔膜耐热指标按什么条件考核？', answer: '', answered_at: null, is_public: false, created_at: '2027-03-01T09:00:00+08:00', asker: '南太湖先进材料研究院', mine: false };
const published = { ...open, id: 8, text: '是否接受联合体揭榜？', answer: '接受，牵头单位须为科研机构。', answered_at: '2027-03-02T09:00:00+08:00', is_public: true, asker: null };

function pageRoutes(me: typeof tianneng, questions: unknown, extra: Record<string, (request: Request) => Response | Promise<Response>> = {}) {
  return {
    ...signedInAs(me),
    'GET /api/challenges/1/': () => jsonResponse(separatorChallenge),
    'GET /api/challenges/1/history/': () => jsonResponse(history),
    'GET /api/challenges/1/bids/': () => jsonResponse(me === tianneng ? bids : []),
    'GET /api/challenges/1/matches/': () => jsonResponse(noMatches),
    'GET /api/challenges/1/questions/': () => jsonResponse(questions),
    ...extra,
  };
}

describe('答疑', () => {
  it('a bidder asks privately and reads the public answers without askers', async () => {
    let sent: unknown;
    mockApi(
      pageRoutes(taihuLab, { results: [published], can_ask: true, unanswered: 0 }, {
        'POST /api/challenges/1/questions/': async (request) => {
          sent = await request.json();
          return jsonResponse({ ...open, asker: null, mine: true }, 201);
        },
      }),
    );
    const { user } = renderApp('/challenges/1');
    const section = await screen.findByTestId('questions-section');
    expect(await within(section).findByTestId('answer')).toHaveTextContent('接受，牵头单位须为科研机构。');
    expect(section).toHaveTextContent('公开答复');
    expect(within(section).getByTestId('question')).not.toHaveTextContent('提问单位');

    fireEvent.change(within(section).getByLabelText('向发榜单位提问'), { target: { value: '  隔膜耐热指标按什么条件考核？ ' } });
    await user.click(within(section).getByRole('button', { name: '提交问题' }));
    await waitFor(() => expect(sent).toEqual({ text: '隔膜耐热指标按什么条件考核？' }));
  });

  it('the owner sees who asked, how many await an answer, and answers publicly or privately', async () => {
    const answers: unknown[] = [];
    mockApi(
      pageRoutes(tianneng, { results: [open], can_ask: false, unanswered: 1 }, {
        'POST /api/challenges/1/questions/7/answer/': async (request) => {
          answers.push(await request.json());
          return jsonResponse({ ...open, answer: '150℃/1h', answered_at: '2027-03-02T09:00:00+08:00', is_public: true });
        },
      }),
    );
    const { user } = renderApp('/challenges/1');
    const section = await screen.findByTestId('questions-section');
    expect(await within(section).findByTestId('unanswered-count')).toHaveTextContent('1 条待答复');
    expect(section).toHaveTextContent('提问单位：南太湖先进材料研究院');
    expect(within(section).queryByLabelText('向发榜单位提问')).not.toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: '公开答复' }));
    expect(await within(section).findByText('请填写答复内容')).toBeInTheDocument();
    expect(answers).toEqual([]);

    fireEvent.change(within(section).getByLabelText('答复内容'), { target: { value: '150℃/1h' } });
    await user.click(within(section).getByRole('button', { name: '私下回复' }));
    await waitFor(() => expect(answers).toEqual([{ answer: '150℃/1h', public: false }]));
  });
});

describe('延长截止时间', () => {
  it('the owner extends once with a reason; the extension shows in the history and the button goes', async () => {
    let body: { bid_deadline: string; reason: string } | undefined;
    let entries = history;
    mockApi(
      pageRoutes(tianneng, { results: [], can_ask: false, unanswered: 0 }, {
        'GET /api/challenges/1/history/': () => jsonResponse(entries),
        'POST /api/challenges/1/extend-deadline/': async (request) => {
          body = (await request.json()) as typeof body;
          entries = [
            ...history,
            { ...history[history.length - 1]!, from_status: 'published', to_status: 'published', reason: '补充测试条件（2030-01-10 17:00 → 2030-01-24 17:00）' },
          ];
          return jsonResponse({ ...separatorChallenge, bid_deadline: body!.bid_deadline });
        },
      }),
    );
    const { user } = renderApp('/challenges/1');
    await user.click(await screen.findByRole('button', { name: '延长截止时间' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('截止时间只能延长一次');
    fireEvent.change(within(dialog).getByLabelText('延期原因'), { target: { value: '补充测试条件' } });
    await user.click(within(dialog).getByRole('button', { name: '确认延长' }));

    await waitFor(() => expect(body?.reason).toBe('补充测试条件'));
    expect(new Date(body!.bid_deadline).getTime() - new Date(separatorChallenge.bid_deadline).getTime()).toBe(14 * 24 * 3600 * 1000);
    expect(await within(screen.getByTestId('challenge-history')).findByText('延长揭榜截止时间')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: '延长截止时间' })).not.toBeInTheDocument());
  });
});

describe('邀请揭榜', () => {
  it('invites a recommended institute once and says so plainly when it was invited before', async () => {
    const invited: unknown[] = [];
    mockApi(
      pageRoutes(tianneng, { results: [], can_ask: false, unanswered: 0 }, {
        'GET /api/challenges/1/matches/': () => jsonResponse(separatorMatches),
        'POST /api/challenges/1/invitations/': async (request) => {
          const sent = (await request.json()) as { organisation: number };
          invited.push(sent);
          return sent.organisation === 10
            ? jsonResponse({ organisation: 10, organisation_name: '南太湖先进材料研究院', at: '2027-03-01T09:00:00+08:00' }, 201)
            : jsonResponse({ detail: '已邀请过该机构', code: 'conflict', fields: {} }, 409);
        },
      }),
    );
    const { user } = renderApp('/challenges/1');
    const buttons = await screen.findAllByTestId('invite-to-bid');
    expect(buttons).toHaveLength(2);
    await user.click(buttons[0]!);
    expect(await screen.findByText('已向南太湖先进材料研究院发送揭榜邀请')).toBeInTheDocument();
    await waitFor(() => expect(buttons[0]).toBeDisabled());
    await user.click(buttons[1]!);
    expect(await screen.findByText('已邀请过该机构')).toBeInTheDocument();
    expect(invited).toEqual([{ organisation: 10 }, { organisation: 11 }]);
  });
});
