import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { dashboardKeys } from './get-dashboard-summary';

export type TargetRecord = components['schemas']['TargetRecordOutput'];

export const TARGET_RECORDS_PAGE_SIZE = 10;

/** The records behind a computed target (or one of its parts), a page at a time. */
export const getTargetRecords = (id: number, part: string, page: number, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(
    api.GET('/api/dashboard/targets/{id}/records/', {
      params: { path: { id }, query: { part, page, page_size: TARGET_RECORDS_PAGE_SIZE } },
      signal,
    }),
  );

export const useTargetRecords = (id: number, part: string, page: number) =>
  useQuery(
    queryOptions({
      queryKey: [...dashboardKeys.target(id), 'records', part, page] as const,
      queryFn: ({ signal }) => getTargetRecords(id, part, page, { signal }),
      placeholderData: keepPreviousData,
    }),
  );
