import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { useI18n } from '@/i18n/i18n';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { dashboardKeys } from './get-dashboard-summary';

export type QualificationVolume = components['schemas']['QualificationVolumeOutput'];
export type QualificationVolumeItem = components['schemas']['QualificationVolumeItemOutput'];

export interface QualificationVolumeQuery {
  year: number;
  /** YYYY-MM-DD: 截至, as on the summary; null for the whole year. */
  asOf: string | null;
}

// The endpoint has no 账本回溯 (it reads today's ledger only), so there is no recordedAsOf here.
export const getQualificationVolume = ({ year, asOf }: QualificationVolumeQuery, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/dashboard/qualifications/', { params: { query: { year, ...(asOf ? { as_of: asOf } : {}) } }, signal }));

/** `enabled: false` while the screen shows an audit date, which these figures cannot answer. */
export function useQualificationVolume(query: QualificationVolumeQuery, { enabled = true }: { enabled?: boolean } = {}) {
  const { locale } = useI18n();
  return useQuery(
    queryOptions({
      // The qualifications' labels come back in the request's language.
      queryKey: [...dashboardKeys.all, 'qualifications', query, locale] as const,
      queryFn: ({ signal }) => getQualificationVolume(query, { signal }),
      placeholderData: keepPreviousData,
      enabled,
    }),
  );
}
