import { queryOptions, useQuery } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

/** The policy's industry chains (产业链); shared by challenges, needs and capabilities. */
export type Industry = components['schemas']['IndustryChainOutput'];

export const getIndustries = ({ signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/industries/', { signal }));

export const getIndustriesQueryOptions = () =>
  queryOptions({
    queryKey: ['industries'],
    queryFn: ({ signal }) => getIndustries({ signal }),
    // The chains are reference data set by the operator; a page view never needs them twice.
    staleTime: Infinity,
  });

export const useIndustries = () => useQuery(getIndustriesQueryOptions());
