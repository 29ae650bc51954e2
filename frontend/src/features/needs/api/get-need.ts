import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { needKeys } from './get-needs';

export const getNeed = (id: number, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/needs/{id}/', { params: { path: { id } }, signal }));

export const useNeed = (id: number) =>
  useQuery(queryOptions({ queryKey: needKeys.detail(id), queryFn: ({ signal }) => getNeed(id, { signal }) }));
