import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { dashboardKeys } from './get-dashboard-summary';

export type TargetProgressInput = components['schemas']['TargetProgressInputRequest'];

export const addTargetProgress = (id: number, body: TargetProgressInput) =>
  unwrap(api.POST('/api/dashboard/targets/{id}/progress/', { params: { path: { id } }, body }));

/** A new progress reading (entries are append-only); the board and the target's history refresh. */
export function useAddTargetProgress(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TargetProgressInput) => addTargetProgress(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dashboardKeys.targets() }),
  });
}
