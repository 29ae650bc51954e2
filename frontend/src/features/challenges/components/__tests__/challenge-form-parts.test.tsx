import { fireEvent, screen } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';

import { organisations, separatorChallenge } from '@/testing/data/marketplace';
import { jsonResponse, mockApi } from '@/testing/mock-fetch';
import { renderFields } from '@/testing/render-app';

import { ChallengeAccessFields } from '../challenge-access-fields';
import { ChallengeBasicFields } from '../challenge-basic-fields';
import { challengeFormInitialValues, toChallengeUpdate, type ChallengeFormValues } from '../challenge-form-values';
import { ChallengeTermsFields } from '../challenge-terms-fields';

describe('the challenge form, part by part', () => {
  it('sends one winner for 揭榜挂帅, and leaves the locked and untouched fields out of an edit', () => {
    const values = { ...challengeFormInitialValues(separatorChallenge), bid_deadline: dayjs('2030-01-10T17:00:00+08:00') } as ChallengeFormValues;
    expect(toChallengeUpdate({ ...values, mode: 'jiebang' }, undefined, () => true)).toMatchObject({ mode: 'jiebang', max_winners: 1 });
    const edit = toChallengeUpdate(values, separatorChallenge, () => false);
    for (const field of ['bounty', 'mode', 'max_winners', 'funding_mode', 'confidentiality', 'invited', 'bid_deadline']) expect(edit).not.toHaveProperty(field);
    expect(edit).toMatchObject({ title: separatorChallenge.title });
  });

  it('requires the title, summary and description', async () => {
    mockApi({ 'GET /api/industries/': () => jsonResponse([]) });
    renderFields(<ChallengeBasicFields />);
    fireEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    expect(await screen.findByText('请填写标题')).toBeInTheDocument();
  });

  it('asks for the number of winners only for 赛马制, and locks the terms once published', async () => {
    const first = renderFields(<ChallengeTermsFields published={false} />, { mode: 'jiebang' });
    expect(screen.queryByLabelText('最多中榜团队数')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('赛马制'));
    expect(await screen.findByLabelText('最多中榜团队数')).toBeInTheDocument();
    first.unmount();
    renderFields(<ChallengeTermsFields published />, { mode: 'saima', bounty: '1000000' });
    expect(screen.getByRole('radio', { name: '赛马制' })).toBeDisabled();
  });

  it('asks whom to invite only for an invitation-only challenge', async () => {
    mockApi({ 'GET /api/organisations/': () => jsonResponse(organisations) });
    renderFields(<ChallengeAccessFields published={false} editing={false} />, { confidentiality: 'public' });
    expect(screen.queryByLabelText('受邀机构')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('仅限受邀'));
    expect(await screen.findByLabelText('受邀机构')).toBeInTheDocument();
  });
});
