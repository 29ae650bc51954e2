import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { needKeys, type Need } from './get-needs';

/** draft → open (publish), open → closed (close), closed → open (reopen); 409 otherwise. */
export type NeedAction = 'publish' | 'close' | 'reopen';

export function setNeedStatus(id: number, action: NeedAction): Promise<Need> {
  const params = { path: { id } };
  switch (action) {
    case 'publish':
      return unwrap(api.POST('/api/needs/{id}/publish/', { params }));
    case 'close':
      return unwrap(api.POST('/api/needs/{id}/close/', { params }));
    case 'reopen':
      return unwrap(api.POST('/api/needs/{id}/reopen/', { params }));
  }
}

export function useNeedAction(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: NeedAction) => setNeedStatus(id, action),
    onSuccess: (need) => {
      queryClient.setQueryData(needKeys.detail(id), need);
      void queryClient.invalidateQueries({ queryKey: needKeys.lists() });
    },
  });
}
