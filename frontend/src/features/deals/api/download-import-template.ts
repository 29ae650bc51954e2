import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { ApiError } from '@/lib/api-error';
import { filenameFromDisposition, saveBlob, type FileFormat } from '@/utils/download';

/** The import template (headers and filling instructions), saved as a file. */
export async function downloadImportTemplate(fileFormat: FileFormat): Promise<string> {
  const { data, error, response } = await api.GET('/api/deals/import-template/', {
    params: { query: { file_format: fileFormat } },
    parseAs: 'blob',
  });
  if (!response.ok || !data) throw new ApiError(response.status, error);
  const name = filenameFromDisposition(response.headers.get('Content-Disposition'), `template.${fileFormat}`);
  saveBlob(data as Blob, name);
  return name;
}

export const useDownloadImportTemplate = () => useMutation({ mutationFn: downloadImportTemplate });
