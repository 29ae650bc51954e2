import { queryOptions, useQuery } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { challengeKeys } from './get-challenges';

export type Challenge = components['schemas']['ChallengeDetailOutput'];
export type Indicator = components['schemas']['Indicator'];
/** The 标志性成果 mark given at a passed 验收. */
export type Landmark = components['schemas']['LandmarkEnum'];

/**
 * Whether the bid deadline has passed. It reads the clock on each render on purpose: a page drawn
 * again after the deadline shows bidding closed without a refetch.
 */
export const biddingClosed = (challenge: Pick<Challenge, 'bid_deadline'>) => new Date(challenge.bid_deadline).getTime() <= Date.now();

export const getChallenge = (id: number, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/challenges/{id}/', { params: { path: { id } }, signal }));

export const getChallengeQueryOptions = (id: number) =>
  queryOptions({
    queryKey: challengeKeys.detail(id),
    queryFn: ({ signal }) => getChallenge(id, { signal }),
  });

export const useChallenge = (id: number) => useQuery(getChallengeQueryOptions(id));
