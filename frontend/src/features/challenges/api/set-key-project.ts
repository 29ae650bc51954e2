import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { challengeKeys } from './get-challenges';

/** 重点项目 is an official's designation (403 for anyone else, 409 for a draft or cancelled challenge). */
export const setKeyProject = (id: number, keyProject: boolean) =>
  unwrap(api.POST('/api/challenges/{id}/key-project/', { params: { path: { id } }, body: { key_project: keyProject } }));

export function useSetKeyProject(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keyProject: boolean) => setKeyProject(id, keyProject),
    onSuccess: (challenge) => {
      queryClient.setQueryData(challengeKeys.detail(id), challenge);
      void queryClient.invalidateQueries({ queryKey: challengeKeys.lists() });
    },
  });
}
