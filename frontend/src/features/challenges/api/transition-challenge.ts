import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import type { Challenge } from './get-challenge';
import { challengeKeys } from './get-challenges';

type Schemas = components['schemas'];

/** The lifecycle actions of a challenge and the body each takes (409 when the state forbids it). */
export interface ChallengeActionBodies {
  publish: undefined;
  close: Schemas['ReasonInputRequest'];
  cancel: Schemas['RequiredReasonInputRequest'];
  award: Schemas['AwardInputRequest'];
  start: undefined;
  conclude: Schemas['ConcludeInputRequest'];
  'accept-terms': undefined;
}
export type ChallengeAction = keyof ChallengeActionBodies;
export type ChallengeActionRequest = {
  [A in ChallengeAction]: ChallengeActionBodies[A] extends undefined ? { action: A } : { action: A; body: ChallengeActionBodies[A] };
}[ChallengeAction];

export function transitionChallenge(id: number, request: ChallengeActionRequest): Promise<Challenge> {
  const params = { path: { id } };
  switch (request.action) {
    case 'publish':
      return unwrap(api.POST('/api/challenges/{id}/publish/', { params }));
    case 'close':
      return unwrap(api.POST('/api/challenges/{id}/close/', { params, body: request.body }));
    case 'cancel':
      return unwrap(api.POST('/api/challenges/{id}/cancel/', { params, body: request.body }));
    case 'award':
      return unwrap(api.POST('/api/challenges/{id}/award/', { params, body: request.body }));
    case 'start':
      return unwrap(api.POST('/api/challenges/{id}/start/', { params }));
    case 'conclude':
      return unwrap(api.POST('/api/challenges/{id}/conclude/', { params, body: request.body }));
    case 'accept-terms':
      return unwrap(api.POST('/api/challenges/{id}/accept-terms/', { params }));
  }
}

/** Runs an action; the answer is the challenge as it now is, so the page updates without a reload. */
export function useChallengeAction(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ChallengeActionRequest) => transitionChallenge(id, request),
    onSuccess: (challenge) => {
      queryClient.setQueryData(challengeKeys.detail(id), challenge);
      // History and bid statuses change with the challenge (an award settles every bid).
      void queryClient.invalidateQueries({ queryKey: challengeKeys.history(id) });
      void queryClient.invalidateQueries({ queryKey: challengeKeys.bids(id) });
      void queryClient.invalidateQueries({ queryKey: challengeKeys.lists() });
    },
  });
}
