import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { importKeys } from './get-deal-imports';

/** Runs a failed import again on its stored file (only one that failed for the system's reasons: `retryable`). */
export const retryDealImport = (id: number) =>
  unwrap(api.POST('/api/deals/imports/{id}/retry/', { params: { path: { id } } }));

export function useRetryDealImport(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => retryDealImport(id),
    onSuccess: (job) => {
      queryClient.setQueryData(importKeys.detail(id), job); // pending again: the detail polls it
      void queryClient.invalidateQueries({ queryKey: importKeys.all });
    },
  });
}
