import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { qualificationKeys } from './get-qualifications';

export type QualificationInput = components['schemas']['QualificationInputRequest'];

export const addQualification = (body: QualificationInput) => unwrap(api.POST('/api/qualifications/', { body }));

export function useAddQualification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addQualification,
    // A consortium counts once its lead holds 龙头企业, so the consortia list changes too.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: qualificationKeys.all }),
  });
}
