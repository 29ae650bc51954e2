import { queryOptions, useQuery } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { challengeKeys } from './get-challenges';

export type ChallengeTransition = components['schemas']['ChallengeTransitionOutput'];

export const getChallengeHistory = (id: number, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/challenges/{id}/history/', { params: { path: { id } }, signal }));

export const useChallengeHistory = (id: number) =>
  useQuery(
    queryOptions({
      queryKey: challengeKeys.history(id),
      queryFn: ({ signal }) => getChallengeHistory(id, { signal }),
    }),
  );
