import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { importKeys } from './get-deal-imports';

/**
 * Uploads a registry export (multipart). The API answers 202 with the queued job at once; the rows
 * are read by a worker, so progress and the per-row report come from GET /api/deals/imports/{id}/.
 */
export const importDeals = (file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return unwrap(
    api.POST('/api/deals/import/', {
      // The typed body names the field; the serializer sends the real multipart form (openapi-fetch
      // then leaves Content-Type to the browser, which adds the boundary).
      body: { file: file.name },
      bodySerializer: () => form,
    }),
  );
};

export function useImportDeals() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importDeals,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importKeys.all }),
  });
}
