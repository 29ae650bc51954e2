import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { capabilityKeys } from './get-capabilities';

export type CapabilityInput = components['schemas']['CapabilityInputRequest'];

export const createCapability = (body: CapabilityInput) => unwrap(api.POST('/api/capabilities/', { body }));

export function useCreateCapability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCapability,
    onSuccess: (capability) => {
      queryClient.setQueryData(capabilityKeys.detail(capability.id), capability);
      void queryClient.invalidateQueries({ queryKey: capabilityKeys.lists() });
    },
  });
}
