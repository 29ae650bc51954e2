import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { capabilityKeys } from './get-capabilities';

export const getCapability = (id: number, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/capabilities/{id}/', { params: { path: { id } }, signal }));

export const useCapability = (id: number) =>
  useQuery(queryOptions({ queryKey: capabilityKeys.detail(id), queryFn: ({ signal }) => getCapability(id, { signal }) }));
