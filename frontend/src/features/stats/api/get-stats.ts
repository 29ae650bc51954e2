import { queryOptions, useQuery } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type MarketplaceStats = components['schemas']['MarketplaceStatsOutput'];

export const getStats = ({ signal }: { signal?: AbortSignal } = {}) => unwrap(api.GET('/api/stats/', { signal }));

export const getStatsQueryOptions = () =>
  queryOptions({
    queryKey: ['stats'],
    queryFn: ({ signal }) => getStats({ signal }),
    staleTime: 60_000,
  });

/** The marketplace at a glance (what everybody may see), for the home page. */
export const useStats = () => useQuery(getStatsQueryOptions());
