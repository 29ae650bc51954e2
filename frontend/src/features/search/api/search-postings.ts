import { keepPreviousData, queryOptions, useQueries, useQuery } from '@tanstack/react-query';

import type { components, paths } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type SearchQuery = NonNullable<paths['/api/search/']['get']['parameters']['query']>;
export type SearchResult = components['schemas']['SearchOutput'];
export type SearchHit = components['schemas']['SearchHitOutput'];

/** The fields the API counts hits by (`facets`), which are also multi-valued filters. */
export const FACET_FIELDS = ['kind', 'industry', 'region', 'status'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

export const searchPostings = (query: SearchQuery, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/search/', { params: { query }, signal }));

export const searchKeys = {
  all: ['search'] as const,
  query: (query: SearchQuery) => [...searchKeys.all, query] as const,
};

export const searchQueryOptions = (query: SearchQuery) =>
  queryOptions({
    queryKey: searchKeys.query(query),
    queryFn: ({ signal }) => searchPostings(query, { signal }),
    // A new filter keeps the previous results on screen until the next ones arrive.
    placeholderData: keepPreviousData,
  });

export const useSearch = (query: SearchQuery) => useQuery(searchQueryOptions(query));

/**
 * Counts for the values of a field the user has already filtered on. The API counts the hits of
 * the whole query, so once 榜单 is ticked every other kind counts 0, although ticking 需求 as well
 * would add needs. For each filtered field this asks once more without that field's own filter
 * (one hit per page: only the counts are read), which gives the usual "what would ticking this
 * add" counts. The free text is encoded once per text on the server, so the extra requests are cheap.
 */
export function useDisjunctiveFacets(query: SearchQuery): Partial<Record<FacetField, Record<string, number>>> {
  const active = FACET_FIELDS.filter((field) => (query[field]?.length ?? 0) > 0);
  const results = useQueries({
    queries: active.map((field) => {
      // Undefined values are left out of both the request and the cache key; counts do not depend on the order.
      const without: SearchQuery = { ...query, [field]: undefined, ordering: undefined, page: undefined, page_size: 1 };
      return queryOptions({
        queryKey: searchKeys.query(without),
        queryFn: ({ signal }) => searchPostings(without, { signal }),
        staleTime: 30_000,
      });
    }),
  });
  const counts: Partial<Record<FacetField, Record<string, number>>> = {};
  active.forEach((field, index) => {
    const facets = results[index]?.data?.facets[field];
    if (facets) counts[field] = facets;
  });
  return counts;
}
