import { queryOptions, useQuery } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { dealKeys } from './get-deals';

export type Deal = components['schemas']['DealDetailOutput'];
export type DealEntry = components['schemas']['DealEntryOutput'];
export type DealParty = components['schemas']['DealPartyOutput'];

export const getDeal = (id: number, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/deals/{id}/', { params: { path: { id: String(id) } }, signal }));

export const getDealQueryOptions = (id: number) =>
  queryOptions({
    queryKey: dealKeys.detail(id),
    queryFn: ({ signal }) => getDeal(id, { signal }),
  });

/** One contract with its whole ledger (entries oldest first). */
export const useDeal = (id: number) => useQuery(getDealQueryOptions(id));
