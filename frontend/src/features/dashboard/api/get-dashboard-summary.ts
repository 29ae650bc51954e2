import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { useI18n } from '@/i18n/i18n';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type DashboardSummary = components['schemas']['DashboardSummaryOutput'];
export type FigureItem = components['schemas']['FigureItemOutput'];
export type MonthFigure = components['schemas']['MonthOutput'];
export type FunnelStage = components['schemas']['FunnelStageOutput'];
export type PartnerItem = components['schemas']['PartnerItemOutput'];
export type DistrictItem = components['schemas']['DistrictItemOutput'];

export interface SummaryQuery {
  year: number;
  /** YYYY-MM-DD: 截至, contracts whose date (the rule's date field) is on or before it; null for the whole year. */
  asOf: string | null;
  /** YYYY-MM-DD: 账本回溯, what the ledger said at the end of that day (audits); null for today's ledger. */
  recordedAsOf?: string | null;
}

// Labels (districts, funnel stages, projection text) come back in the request's language, so the
// language is part of every key: switching it fetches the figures' words again.
export const dashboardKeys = {
  all: ['dashboard'] as const,
  summary: (query: SummaryQuery, locale: string) => [...dashboardKeys.all, 'summary', query, locale] as const,
  drilldowns: () => [...dashboardKeys.all, 'drilldown'] as const,
  targets: () => [...dashboardKeys.all, 'targets'] as const,
  target: (id: number) => [...dashboardKeys.targets(), id] as const,
  countingRules: () => [...dashboardKeys.all, 'counting-rules'] as const,
};

export const getDashboardSummary = ({ year, asOf, recordedAsOf }: SummaryQuery, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(
    api.GET('/api/dashboard/summary/', {
      params: { query: { year, ...(asOf ? { as_of: asOf } : {}), ...(recordedAsOf ? { recorded_as_of: recordedAsOf } : {}) } },
      signal,
    }),
  );

export function useDashboardSummary(query: SummaryQuery) {
  const { locale } = useI18n();
  return useQuery(
    queryOptions({
      queryKey: dashboardKeys.summary(query, locale),
      queryFn: ({ signal }) => getDashboardSummary(query, { signal }),
      // Another year stays on screen (dimmed) until its figures arrive.
      placeholderData: keepPreviousData,
    }),
  );
}
