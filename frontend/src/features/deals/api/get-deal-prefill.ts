import { queryOptions, useQuery } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { dealKeys } from './get-deals';

/**
 * What recording a contract from an awarded challenge starts with, as the server computes it
 * (deals.services.deal_prefill, the rule it also applies to whatever the form leaves out): buyer,
 * seller and amount from the award, and every winner when a 赛马制 challenge has several.
 * 403 for anyone but the challenge's organisation, officials and the operator; 409 before the award.
 */
export type DealPrefill = components['schemas']['DealPrefillOutput'];

/** The challenge statuses from which a contract may be recorded (deals.services.AWARDED_CHALLENGE). */
export const AWARDED_STATUSES: readonly string[] = ['awarded', 'in_progress', 'accepted', 'failed'];

export const getDealPrefill = (challenge: number, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/deals/prefill/', { params: { query: { challenge } }, signal }));

export const getDealPrefillQueryOptions = (challenge: number) =>
  queryOptions({
    queryKey: dealKeys.challengePrefill(challenge),
    queryFn: ({ signal }) => getDealPrefill(challenge, { signal }),
    // 403 and 409 are answers, not outages: asking again would not change them.
    retry: false,
  });

export const useDealPrefill = (challenge: number | null) =>
  useQuery({ ...getDealPrefillQueryOptions(challenge ?? 0), enabled: challenge !== null });
