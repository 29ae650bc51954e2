import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type { components, paths } from '@/api/schema';
import { useI18n } from '@/i18n/i18n';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { dashboardKeys } from './get-dashboard-summary';

export type Drilldown = components['schemas']['DrilldownOutput'];
export type DrilldownRow = components['schemas']['DrilldownRowOutput'];
type DrilldownQuery = NonNullable<paths['/api/dashboard/drilldown/']['get']['parameters']['query']>;
export type Figure = DrilldownQuery['figure'];

export const FIGURES: readonly Figure[] = [
  'total',
  'month',
  'district',
  'industry',
  'contract_type',
  'origin',
  'platform',
  'buyer',
  'seller',
  'flow',
  'inflow_partner',
  'outflow_partner',
];

export function isFigure(value: unknown): value is Figure {
  return typeof value === 'string' && (FIGURES as readonly string[]).includes(value);
}

/** The contracts behind one figure of the dashboard: the API's drill-down parameters. */
export interface DrillTarget {
  year: number;
  figure: Figure;
  key: string;
  /** YYYY-MM-DD: 截至 that day (contracts whose date is on or before it). */
  asOf?: string | null;
  /** YYYY-MM-DD: 账本回溯, the ledger as recorded at the end of that day (an audit). */
  recordedAsOf?: string | null;
}

/** The drill-down of a figure of `summary`, under the summary's dates (another year for last year's). */
export function drillTo(
  summary: { year: number; as_of: string | null; recorded_as_of?: string | null },
  figure: Figure,
  key: string,
  year = summary.year,
): DrillTarget {
  return { year, figure, key, asOf: summary.as_of, ...(summary.recorded_as_of ? { recordedAsOf: summary.recorded_as_of } : {}) };
}

export const drilldownQuery = ({ year, figure, key, asOf, recordedAsOf }: DrillTarget): DrilldownQuery => ({
  year,
  figure,
  key,
  ...(asOf ? { as_of: asOf } : {}),
  ...(recordedAsOf ? { recorded_as_of: recordedAsOf } : {}),
});

export const DRILLDOWN_PAGE_SIZE = 20;

export const getDrilldown = (target: DrillTarget, page: number, { signal }: { signal?: AbortSignal } = {}) => {
  // The drill-down is paginated like every list (page, page_size), but drf-spectacular does not
  // list those parameters for a plain APIView, so they are added to the typed query here.
  const query: DrilldownQuery & { page: number; page_size: number } = { ...drilldownQuery(target), page, page_size: DRILLDOWN_PAGE_SIZE };
  return unwrap(api.GET('/api/dashboard/drilldown/', { params: { query }, signal }));
};

export function useDrilldown(target: DrillTarget | null, page: number) {
  const { locale } = useI18n();
  return useQuery(
    queryOptions({
      queryKey: [...dashboardKeys.drilldowns(), target, page, locale] as const,
      queryFn: ({ signal }) => getDrilldown(target!, page, { signal }),
      enabled: target !== null,
      placeholderData: keepPreviousData,
    }),
  );
}
