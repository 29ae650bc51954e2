import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { capabilityKeys, type Capability } from './get-capabilities';

/** draft/withdrawn → published (publish), published → withdrawn (withdraw); 409 otherwise. */
export type CapabilityAction = 'publish' | 'withdraw';

export function setCapabilityStatus(id: number, action: CapabilityAction): Promise<Capability> {
  const params = { path: { id } };
  return action === 'publish'
    ? unwrap(api.POST('/api/capabilities/{id}/publish/', { params }))
    : unwrap(api.POST('/api/capabilities/{id}/withdraw/', { params }));
}

export function useCapabilityAction(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: CapabilityAction) => setCapabilityStatus(id, action),
    onSuccess: (capability) => {
      queryClient.setQueryData(capabilityKeys.detail(id), capability);
      void queryClient.invalidateQueries({ queryKey: capabilityKeys.lists() });
    },
  });
}
