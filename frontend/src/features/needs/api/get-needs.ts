import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type { components, paths } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type Need = components['schemas']['NeedOutput'];
export type NeedQuery = NonNullable<paths['/api/needs/']['get']['parameters']['query']>;

export const needKeys = {
  all: ['needs'] as const,
  lists: () => [...needKeys.all, 'list'] as const,
  list: (query: NeedQuery) => [...needKeys.lists(), query] as const,
  detail: (id: number) => [...needKeys.all, 'detail', id] as const,
};

export const getNeeds = (query: NeedQuery, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/needs/', { params: { query }, signal }));

export const getNeedsQueryOptions = (query: NeedQuery) =>
  queryOptions({
    queryKey: needKeys.list(query),
    queryFn: ({ signal }) => getNeeds(query, { signal }),
    placeholderData: keepPreviousData,
  });

export const useNeeds = (query: NeedQuery) => useQuery(getNeedsQueryOptions(query));
