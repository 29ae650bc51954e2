import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type { components, paths } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type Capability = components['schemas']['CapabilityOutput'];
export type CapabilityQuery = NonNullable<paths['/api/capabilities/']['get']['parameters']['query']>;

export const capabilityKeys = {
  all: ['capabilities'] as const,
  lists: () => [...capabilityKeys.all, 'list'] as const,
  list: (query: CapabilityQuery) => [...capabilityKeys.lists(), query] as const,
  detail: (id: number) => [...capabilityKeys.all, 'detail', id] as const,
};

export const getCapabilities = (query: CapabilityQuery, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/capabilities/', { params: { query }, signal }));

export const getCapabilitiesQueryOptions = (query: CapabilityQuery) =>
  queryOptions({
    queryKey: capabilityKeys.list(query),
    queryFn: ({ signal }) => getCapabilities(query, { signal }),
    placeholderData: keepPreviousData,
  });

export const useCapabilities = (query: CapabilityQuery) => useQuery(getCapabilitiesQueryOptions(query));
