import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { challengeKeys } from './get-challenges';

export type ChallengeInput = components['schemas']['ChallengeInputRequest'];

export const createChallenge = (body: ChallengeInput) => unwrap(api.POST('/api/challenges/', { body }));

/** Drafts a challenge (it is published with a separate action, once reviewed). */
export function useCreateChallenge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createChallenge,
    onSuccess: (challenge) => {
      queryClient.setQueryData(challengeKeys.detail(challenge.id), challenge);
      void queryClient.invalidateQueries({ queryKey: challengeKeys.lists() });
    },
  });
}
