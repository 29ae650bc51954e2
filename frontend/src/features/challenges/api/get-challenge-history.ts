import { queryOptions, useQuery } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { useI18n } from '@/i18n/i18n';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { challengeKeys } from './get-challenges';

export type ChallengeTransition = components['schemas']['ChallengeTransitionOutput'];

export const getChallengeHistory = (id: number, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/challenges/{id}/history/', { params: { path: { id } }, signal }));

// The platform's own notes come back in the request's language, so the language is part of the
// key (under `history(id)`, which invalidation still matches): switching it fetches them again.
export function useChallengeHistory(id: number) {
  const { locale } = useI18n();
  return useQuery(
    queryOptions({
      queryKey: [...challengeKeys.history(id), locale],
      queryFn: ({ signal }) => getChallengeHistory(id, { signal }),
    }),
  );
}
