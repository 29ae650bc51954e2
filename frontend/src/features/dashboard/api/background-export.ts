import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { ApiError, unwrap } from '@/lib/api-error';
import { filenameFromDisposition, saveBlob, type FileFormat } from '@/utils/download';

import { drilldownQuery, type DrillTarget } from './get-drilldown';

/**
 * A figure with more contracts than one request may write (the direct download answers 400
 * `export_too_large`) is exported in the background: a worker builds the file with exactly the
 * drill-down's rows, the job reports its progress, and the file is downloaded when it is done.
 */
export type DashboardExport = components['schemas']['DashboardExportOutput'];

/** How often a job still being built is asked for its progress. */
export const EXPORT_POLL_MS = 1000;

export const exportKeys = {
  all: ['dashboard-exports'] as const,
  detail: (id: number) => [...exportKeys.all, 'detail', id] as const,
};

export function isExportRunning(job: Pick<DashboardExport, 'status'> | undefined): boolean {
  return job !== undefined && (job.status === 'pending' || job.status === 'running');
}

export const startBackgroundExport = (target: DrillTarget, fileFormat: FileFormat) =>
  unwrap(api.POST('/api/dashboard/exports/', { body: { ...drilldownQuery(target), key: target.key, file_format: fileFormat } }));

export const useStartBackgroundExport = () =>
  useMutation({
    mutationFn: ({ target, fileFormat }: { target: DrillTarget; fileFormat: FileFormat }) => startBackgroundExport(target, fileFormat),
  });

/** One job; polled while it is being built, then left alone (a finished job never changes). */
export const useBackgroundExport = (id: number | null) =>
  useQuery(
    queryOptions({
      queryKey: exportKeys.detail(id ?? 0),
      queryFn: ({ signal }) => unwrap(api.GET('/api/dashboard/exports/{id}/', { params: { path: { id: id! } }, signal })),
      enabled: id !== null,
      refetchInterval: (query) => (query.state.data === undefined || isExportRunning(query.state.data) ? EXPORT_POLL_MS : false),
    }),
  );

/** Saves a finished job's file; returns the saved name. */
export async function downloadBackgroundExport(job: Pick<DashboardExport, 'id' | 'file_name'>): Promise<string> {
  const { data, error, response } = await api.GET('/api/dashboard/exports/{id}/download/', {
    params: { path: { id: job.id } },
    parseAs: 'blob',
  });
  if (!response.ok || !data) throw new ApiError(response.status, error);
  const name = filenameFromDisposition(response.headers.get('Content-Disposition'), job.file_name);
  saveBlob(data as Blob, name);
  return name;
}

export const useDownloadBackgroundExport = () => useMutation({ mutationFn: downloadBackgroundExport });
