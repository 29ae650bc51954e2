import { queryOptions, useQuery } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { dealKeys } from './get-deals';

type Schemas = components['schemas'];
export type PrefillChallenge = Schemas['ChallengeDetailOutput'];
export type WinningBid = Schemas['BidOutput'];

export interface ChallengePrefill {
  challenge: PrefillChallenge;
  /**
   * The awarded bids the viewer may see: all of them for the challenge's organisation and the
   * operator; none for an official (bid contents are private), in which case the server picks the
   * winner itself when there is exactly one.
   */
  winners: WinningBid[];
}

/** The challenge statuses from which a contract may be recorded (deals.services.AWARDED_CHALLENGE). */
export const AWARDED_STATUSES: readonly string[] = ['awarded', 'in_progress', 'accepted', 'failed'];

// This feature reads the challenge endpoints itself (features do not import each other): what a
// contract starts with is the deal form's concern, and the server applies the same pre-fill
// (deals.services._prefill) to whatever the form leaves out.
export const getChallengeForDeal = (id: number, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/challenges/{id}/', { params: { path: { id } }, signal }));

export const getChallengeBidsForDeal = (id: number, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/challenges/{id}/bids/', { params: { path: { id } }, signal }));

export async function getChallengePrefill(id: number, { signal }: { signal?: AbortSignal } = {}): Promise<ChallengePrefill> {
  const challenge = await getChallengeForDeal(id, { signal });
  if (!AWARDED_STATUSES.includes(challenge.status ?? 'draft')) return { challenge, winners: [] };
  const bids = await getChallengeBidsForDeal(id, { signal });
  return { challenge, winners: bids.filter((bid) => bid.status === 'awarded') };
}

export const getChallengePrefillQueryOptions = (id: number) =>
  queryOptions({
    queryKey: dealKeys.challengePrefill(id),
    queryFn: ({ signal }) => getChallengePrefill(id, { signal }),
  });

export const useChallengePrefill = (id: number | null) =>
  useQuery({ ...getChallengePrefillQueryOptions(id ?? 0), enabled: id !== null });
