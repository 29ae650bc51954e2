import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { challengeKeys } from './get-challenges';

export type Bid = components['schemas']['BidOutput'];
export type BidInput = components['schemas']['BidInputRequest'];

// One function per request; they share this file because they share the bids cache entry.
export const getBids = (challengeId: number, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/challenges/{id}/bids/', { params: { path: { id: challengeId } }, signal }));

export const createBid = (challengeId: number, body: BidInput) =>
  unwrap(api.POST('/api/challenges/{id}/bids/', { params: { path: { id: challengeId } }, body }));

export const withdrawBid = (challengeId: number, bidId: number) =>
  unwrap(api.POST('/api/challenges/{id}/bids/{bid_id}/withdraw/', { params: { path: { id: challengeId, bid_id: String(bidId) } } }));

export const shortlistBid = (challengeId: number, bidId: number) =>
  unwrap(api.POST('/api/challenges/{id}/bids/{bid_id}/shortlist/', { params: { path: { id: challengeId, bid_id: String(bidId) } } }));

/** The owner sees every bid; a bidder sees its own (and those it is a consortium partner of). */
export const useBids = (challengeId: number, { enabled = true }: { enabled?: boolean } = {}) =>
  useQuery(
    queryOptions({
      queryKey: challengeKeys.bids(challengeId),
      queryFn: ({ signal }) => getBids(challengeId, { signal }),
      enabled,
    }),
  );

function useBidMutation<TArgs>(challengeId: number, request: (args: TArgs) => Promise<Bid>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: challengeKeys.bids(challengeId) });
      void queryClient.invalidateQueries({ queryKey: challengeKeys.myBids() });
    },
  });
}

export const useCreateBid = (challengeId: number) => useBidMutation(challengeId, (body: BidInput) => createBid(challengeId, body));
export const useWithdrawBid = (challengeId: number) => useBidMutation(challengeId, (bidId: number) => withdrawBid(challengeId, bidId));
export const useShortlistBid = (challengeId: number) => useBidMutation(challengeId, (bidId: number) => shortlistBid(challengeId, bidId));

/** Withdraws from the "我的揭榜" page, where every bid belongs to a different challenge. */
export function useWithdrawMyBid() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ challengeId, bidId }: { challengeId: number; bidId: number }) => withdrawBid(challengeId, bidId),
    onSuccess: (_bid, { challengeId }) => {
      void queryClient.invalidateQueries({ queryKey: challengeKeys.bids(challengeId) });
      void queryClient.invalidateQueries({ queryKey: challengeKeys.myBids() });
    },
  });
}
