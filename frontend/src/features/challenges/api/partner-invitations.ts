import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { challengeKeys } from './get-challenges';

/** A consortium invitation as the named partner sees it before answering: never the bid itself. */
export type PartnerInvitation = components['schemas']['BidInvitationOutput'];
export type PartnerDecision = 'accept' | 'decline';

export const partnerInvitationKeys = { all: () => [...challengeKeys.myBids(), 'invitations'] as const };

export const getPartnerInvitations = ({ signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/bids/invitations/', { signal }));

export const acceptPartnership = (bidId: number) =>
  unwrap(api.POST('/api/bids/{id}/partners/accept/', { params: { path: { id: bidId } } }));

export const declinePartnership = (bidId: number) =>
  unwrap(api.POST('/api/bids/{id}/partners/decline/', { params: { path: { id: bidId } } }));

/** The invitations the viewer's organisation has still to answer. */
export const usePartnerInvitations = () =>
  useQuery(queryOptions({ queryKey: partnerInvitationKeys.all(), queryFn: ({ signal }) => getPartnerInvitations({ signal }) }));

/** Accepts or declines; either way "我的揭榜" and the challenge's bids change (an accepted bid appears). */
export function useAnswerPartnership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ bidId, decision }: { bidId: number; decision: PartnerDecision }) =>
      decision === 'accept' ? acceptPartnership(bidId) : declinePartnership(bidId),
    onSuccess: (invitation) => {
      void queryClient.invalidateQueries({ queryKey: challengeKeys.myBids() });
      if (invitation.challenge) void queryClient.invalidateQueries({ queryKey: challengeKeys.detail(invitation.challenge.id) });
    },
  });
}
