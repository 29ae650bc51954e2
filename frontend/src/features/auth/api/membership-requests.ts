import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type MembershipRequest = components['schemas']['MembershipRequestOutput'];
export type OrganisationSummary = components['schemas']['OrganisationOutput'];

/** Organisations to join, found by a part of the name or the full USCC. */
export const findOrganisations = (q: string) =>
  unwrap(api.GET('/api/organisations/', { params: { query: { q, page_size: 20 } } }));

export function useFindOrganisations(q: string) {
  return useQuery({
    queryKey: ['organisations', 'find', q],
    queryFn: () => findOrganisations(q),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export const getMembershipRequests = () => unwrap(api.GET('/api/membership-requests/', { params: { query: { page_size: 100 } } }));

export const membershipRequestsQueryOptions = () =>
  queryOptions({ queryKey: ['membership-requests'], queryFn: getMembershipRequests });

/** The viewer's own requests, and those to the organisation it administers. */
export const useMembershipRequests = () => useQuery(membershipRequestsQueryOptions());

export function useAskToJoin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['MembershipRequestInputRequest']) => unwrap(api.POST('/api/membership-requests/', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['membership-requests'] }),
  });
}

/** Approve or decline (the organisation's admin). */
export function useDecideMembership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, approve, note }: { id: number; approve: boolean; note?: string }) =>
      unwrap(
        approve
          ? api.POST('/api/membership-requests/{id}/approve/', { params: { path: { id } }, body: { note } })
          : api.POST('/api/membership-requests/{id}/decline/', { params: { path: { id } }, body: { note } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['membership-requests'] }),
  });
}
