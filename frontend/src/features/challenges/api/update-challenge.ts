import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { challengeKeys } from './get-challenges';

export type ChallengeUpdate = components['schemas']['PatchedChallengeUpdateInputRequest'];

export const updateChallenge = (id: number, body: ChallengeUpdate) =>
  unwrap(api.PATCH('/api/challenges/{id}/', { params: { path: { id } }, body }));

export function useUpdateChallenge(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChallengeUpdate) => updateChallenge(id, body),
    onSuccess: (challenge) => {
      queryClient.setQueryData(challengeKeys.detail(id), challenge);
      void queryClient.invalidateQueries({ queryKey: challengeKeys.lists() });
    },
  });
}
