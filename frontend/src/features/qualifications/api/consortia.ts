import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { PAGE_SIZE } from '@/hooks/use-list-params';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { qualificationKeys } from './get-qualifications';

export type Consortium = components['schemas']['ConsortiumOutput'];
export type ConsortiumInput = components['schemas']['ConsortiumInputRequest'];

export const getConsortia = (page: number, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/consortia/', { params: { query: { page, page_size: PAGE_SIZE } }, signal }));

export const useConsortia = (page: number) =>
  useQuery(
    queryOptions({
      queryKey: qualificationKeys.consortiaPage(page),
      queryFn: ({ signal }) => getConsortia(page, { signal }),
      placeholderData: keepPreviousData,
    }),
  );

export const addConsortium = (body: ConsortiumInput) => unwrap(api.POST('/api/consortia/', { body }));

export function useAddConsortium() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addConsortium,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: qualificationKeys.consortia() }),
  });
}
