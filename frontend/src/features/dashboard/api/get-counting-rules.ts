import { queryOptions, useQuery } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { dashboardKeys } from './get-dashboard-summary';

export type CountingRule = components['schemas']['CountingRuleOutput'];

/** The rule in force for each configured year (the year selector offers those years). */
export const getCountingRules = ({ signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/deals/counting-rules/', { signal }));

export const useCountingRules = () =>
  useQuery(queryOptions({ queryKey: dashboardKeys.countingRules(), queryFn: ({ signal }) => getCountingRules({ signal }), staleTime: 5 * 60_000 }));
