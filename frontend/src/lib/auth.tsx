import { hashKey, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';

import type { components } from '@/api/schema';

import { api } from './api-client';
import { unwrap } from './api-error';
import { getToken, setToken, subscribeToken } from './auth-token';

export type User = components['schemas']['MeOutput'];
export type Organisation = components['schemas']['OrganisationOutput'];

/** The API token, re-rendering when it changes (sign-in, sign-out, another tab, a 401). */
export function useToken(): string | null {
  return useSyncExternalStore(subscribeToken, getToken, () => null);
}

export const getMe = ({ signal }: { signal?: AbortSignal } = {}) => unwrap(api.GET('/api/auth/me/', { signal }));

export const getMeQueryOptions = (token: string | null) =>
  queryOptions({
    queryKey: ['auth', 'me', token],
    queryFn: ({ signal }) => getMe({ signal }),
    enabled: token !== null,
    staleTime: 5 * 60_000,
    retry: false,
  });

export interface CurrentUser {
  /** null when nobody is signed in (or the token turned out to be stale). */
  user: User | null;
  /** A token exists and the user behind it is still being fetched. */
  isLoading: boolean;
}

export function useCurrentUser(): CurrentUser {
  const token = useToken();
  const { data, isPending } = useQuery(getMeQueryOptions(token));
  if (token === null) return { user: null, isLoading: false };
  // A failed lookup leaves no data (a 401 also forgets the token): treated as signed out.
  return { user: data ?? null, isLoading: isPending && data === undefined };
}

/**
 * Signs in or out. Every cached answer is reset, because what the API shows depends on who
 * asks (drafts, confidential details, bids): nothing from the previous user may linger.
 */
export function useSetSession(): (token: string | null, user?: User) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(
    async (token: string | null, user?: User) => {
      const meKey = getMeQueryOptions(token).queryKey;
      // When the caller already knows who this is (registration answers with the user), seed
      // the cache first so that the header does not ask /api/auth/me/ again.
      if (user) queryClient.setQueryData(meKey, user);
      setToken(token);
      const seeded = user ? hashKey(meKey) : null;
      await queryClient.resetQueries({ predicate: (query) => query.queryHash !== seeded });
    },
    [queryClient],
  );
}

/** What the signed-in user may do, derived from the organisation the API reports. */
export function roleOf(user: User | null) {
  const org = user?.organisation ?? null;
  const verified = org?.verification === 'verified';
  return {
    org,
    verified,
    isOperator: Boolean(user?.is_operator),
    isInstitute: org?.kind === 'institute',
    isEnterprise: org?.kind === 'enterprise',
    /** Official rights come from the operator's grant (is_official), not from the organisation's kind. */
    isGovernment: Boolean(user?.is_official),
    /** A district bureau's official sees its district only (null: the whole city). */
    officialDistrict: user?.official_district ?? null,
    /** 揭榜挂帅 lists come from enterprises and from the government (fiscal funding). */
    canPostChallenge: org !== null && (org.kind === 'enterprise' || org.kind === 'government' || org.kind === 'operator'),
    /** Needs and capabilities: any organisation except a government body. */
    canPostListing: org !== null && org.kind !== 'government' && !user?.is_official,
    /** Bids (揭榜) come from organisations that do not post challenges for the city: not a government body, not the operator. */
    canBid: org !== null && org.kind !== 'government' && org.kind !== 'operator' && !user?.is_official,
    /** Same organisation (or the operator, who may act for anyone). */
    owns: (organisationId: number) => Boolean(user?.is_operator) || org?.id === organisationId,
  };
}
