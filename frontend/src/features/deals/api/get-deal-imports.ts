import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type DealImport = components['schemas']['DealImportOutput'];
export type DealImportStatus = components['schemas']['DealImportStatusEnum'];
export type DealImportError = components['schemas']['DealImportErrorOutput'];

export const IMPORTS_PAGE_SIZE = 10;
/** How often a running import is asked for its progress. */
export const IMPORT_POLL_MS = 1000;

export const importKeys = {
  all: ['deal-imports'] as const,
  list: (page: number) => [...importKeys.all, 'list', page] as const,
  detail: (id: number) => [...importKeys.all, 'detail', id] as const,
};

/** Pending, validating or applying: the worker has not finished with it. */
export function isImportRunning(job: Pick<DealImport, 'status'> | undefined): boolean {
  return job !== undefined && job.status !== 'succeeded' && job.status !== 'failed';
}

export const getDealImports = (page: number, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/deals/imports/', { params: { query: { page, page_size: IMPORTS_PAGE_SIZE } }, signal }));

export const getDealImport = (id: number, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/deals/imports/{id}/', { params: { path: { id } }, signal }));

export const useDealImports = (page: number) =>
  useQuery(
    queryOptions({
      queryKey: importKeys.list(page),
      queryFn: ({ signal }) => getDealImports(page, { signal }),
      placeholderData: keepPreviousData,
      // A job still running in the list keeps the list fresh too.
      refetchInterval: (query) => (query.state.data?.results.some(isImportRunning) ? IMPORT_POLL_MS * 3 : false),
    }),
  );

/** One import; polled while it runs, then left alone (a finished import never changes). */
export const useDealImport = (id: number) =>
  useQuery(
    queryOptions({
      queryKey: importKeys.detail(id),
      queryFn: ({ signal }) => getDealImport(id, { signal }),
      refetchInterval: (query) => (query.state.data === undefined || isImportRunning(query.state.data) ? IMPORT_POLL_MS : false),
    }),
  );
