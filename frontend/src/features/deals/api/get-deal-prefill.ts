import { queryOptions, useQuery } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { dealKeys } from './get-deals';

/**
 * What recording a contract from a posting starts with, as the server computes it
 * (deals.services.deal_prefill, the rule it also applies to whatever the form leaves out): from
 * an awarded challenge buyer, seller and amount, and every winner when a 赛马制 challenge has
 * several; from a need its organisation as buyer; from a capability its organisation as seller.
 * 403 for anyone but the posting's organisation, officials and the operator; 409 before a
 * challenge is awarded or while a posting is a draft.
 */
export type DealPrefill = components['schemas']['DealPrefillOutput'];

export type DealSourceKind = 'challenge' | 'need' | 'capability';
export interface DealSource {
  kind: DealSourceKind;
  id: number;
}
export const DEAL_SOURCE_KINDS: readonly DealSourceKind[] = ['challenge', 'need', 'capability'];

/** The posting a /deals/new address names (?challenge=, ?need= or ?capability=), if any. */
export function dealSourceFrom(params: URLSearchParams): DealSource | null {
  for (const kind of DEAL_SOURCE_KINDS) {
    const id = Number(params.get(kind));
    if (Number.isInteger(id) && id > 0) return { kind, id };
  }
  return null;
}

/** The challenge statuses from which a contract may be recorded (deals.services.AWARDED_CHALLENGE). */
export const AWARDED_STATUSES: readonly string[] = ['awarded', 'in_progress', 'accepted', 'failed'];

export const getDealPrefill = ({ kind, id }: DealSource, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/deals/prefill/', { params: { query: { [kind]: id } }, signal }));

export const getDealPrefillQueryOptions = (source: DealSource) =>
  queryOptions({
    queryKey: dealKeys.prefill(source.kind, source.id),
    queryFn: ({ signal }) => getDealPrefill(source, { signal }),
    // 403 and 409 are answers, not outages: asking again would not change them.
    retry: false,
  });

export const useDealPrefill = (source: DealSource | null) =>
  useQuery({ ...getDealPrefillQueryOptions(source ?? { kind: 'challenge', id: 0 }), enabled: source !== null });
