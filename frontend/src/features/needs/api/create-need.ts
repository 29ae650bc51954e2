import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { needKeys } from './get-needs';

export type NeedInput = components['schemas']['NeedInputRequest'];

export const createNeed = (body: NeedInput) => unwrap(api.POST('/api/needs/', { body }));

export function useCreateNeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createNeed,
    onSuccess: (need) => {
      queryClient.setQueryData(needKeys.detail(need.id), need);
      void queryClient.invalidateQueries({ queryKey: needKeys.lists() });
    },
  });
}
