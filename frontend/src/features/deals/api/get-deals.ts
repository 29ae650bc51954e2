import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type { components, paths } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type DealSummary = components['schemas']['DealListOutput'];
export type DealQuery = NonNullable<paths['/api/deals/']['get']['parameters']['query']>;

export const getDeals = (query: DealQuery, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/deals/', { params: { query }, signal }));

export const dealKeys = {
  all: ['deals'] as const,
  lists: () => [...dealKeys.all, 'list'] as const,
  list: (query: DealQuery) => [...dealKeys.lists(), query] as const,
  detail: (id: number) => [...dealKeys.all, 'detail', id] as const,
  /** What a contract recorded from a challenge starts with (the challenge and its winners). */
  prefill: (kind: string, id: number) => [...dealKeys.all, 'prefill', kind, id] as const,
};

export const getDealsQueryOptions = (query: DealQuery, { enabled = true }: { enabled?: boolean } = {}) =>
  queryOptions({
    queryKey: dealKeys.list(query),
    queryFn: ({ signal }) => getDeals(query, { signal }),
    // Paging and filtering keep the previous page on screen until the next one arrives.
    placeholderData: keepPreviousData,
    enabled,
  });

/** The contracts the viewer may see: all of them for ledger keepers, its organisation's for everyone else. */
export const useDeals = (query: DealQuery, options?: { enabled?: boolean }) => useQuery(getDealsQueryOptions(query, options));
