import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type { components, paths } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type ChallengeSummary = components['schemas']['ChallengeListOutput'];
export type ChallengeQuery = NonNullable<paths['/api/challenges/']['get']['parameters']['query']>;

export const getChallenges = (query: ChallengeQuery, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/challenges/', { params: { query }, signal }));

export const challengeKeys = {
  all: ['challenges'] as const,
  lists: () => [...challengeKeys.all, 'list'] as const,
  list: (query: ChallengeQuery) => [...challengeKeys.lists(), query] as const,
  detail: (id: number) => [...challengeKeys.all, 'detail', id] as const,
  history: (id: number) => [...challengeKeys.detail(id), 'history'] as const,
  bids: (id: number) => [...challengeKeys.detail(id), 'bids'] as const,
  /** The bids of the viewer's organisation across challenges (the "我的揭榜" page). */
  myBids: () => [...challengeKeys.all, 'my-bids'] as const,
};

export const getChallengesQueryOptions = (query: ChallengeQuery) =>
  queryOptions({
    queryKey: challengeKeys.list(query),
    queryFn: ({ signal }) => getChallenges(query, { signal }),
    // Paging and filtering keep the previous page on screen until the next one arrives.
    placeholderData: keepPreviousData,
  });

export const useChallenges = (query: ChallengeQuery) => useQuery(getChallengesQueryOptions(query));
