import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { ApiError } from '@/lib/api-error';
import { filenameFromDisposition, saveBlob, type FileFormat } from '@/utils/download';

import { drilldownQuery, type DrillTarget } from './get-drilldown';

/** The same rows as the drill-down (the API guarantees it), as a file; returns the saved name. */
export async function exportDrilldown(target: DrillTarget, fileFormat: FileFormat): Promise<string> {
  const { data, error, response } = await api.GET('/api/dashboard/drilldown/export/', {
    params: { query: { ...drilldownQuery(target), file_format: fileFormat } },
    parseAs: 'blob',
  });
  if (!response.ok || !data) throw new ApiError(response.status, error);
  const name = filenameFromDisposition(response.headers.get('Content-Disposition'), `drilldown.${fileFormat}`);
  saveBlob(data as Blob, name);
  return name;
}

export const useExportDrilldown = () =>
  useMutation({ mutationFn: ({ target, fileFormat }: { target: DrillTarget; fileFormat: FileFormat }) => exportDrilldown(target, fileFormat) });
