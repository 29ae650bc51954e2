import { queryOptions, useQuery } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { isApiError, unwrap } from '@/lib/api-error';
import type { PostingKind } from '@/utils/postings';

export type MatchList = components['schemas']['MatchListOutput'];
export type Match = components['schemas']['MatchOutput'];
export type Explanation = components['schemas']['ExplanationOutput'];
export type IndicatorCoverage = components['schemas']['IndicatorCoverageOutput'];
export type InstituteMatch = components['schemas']['InstituteMatchOutput'];
/** 强匹配 (strong) or 可能相关 (possible): below the calibrated cut-off the API returns nothing. */
export type Strength = Match['strength'];

export const MATCH_LIMIT = 10;
/** While a new posting is being indexed (503 index_pending) the section asks again this often. */
export const INDEX_PENDING_RETRY_MS = 10_000;

/** A challenge or need gets capabilities (and their institutes); a capability gets challenges and needs. */
export function getMatches(kind: PostingKind, id: number, { signal, limit = MATCH_LIMIT }: { signal?: AbortSignal; limit?: number } = {}) {
  const params = { path: { id }, query: { limit } };
  switch (kind) {
    case 'challenge':
      return unwrap(api.GET('/api/challenges/{id}/matches/', { params, signal }));
    case 'need':
      return unwrap(api.GET('/api/needs/{id}/matches/', { params, signal }));
    case 'capability':
      return unwrap(api.GET('/api/capabilities/{id}/matches/', { params, signal }));
  }
}

export const matchKeys = {
  all: ['matches'] as const,
  of: (kind: PostingKind, id: number) => [...matchKeys.all, kind, id] as const,
};

/** The API's answer while the posting has no vector yet: not a failure, a moment to wait. */
export function isIndexPending(error: unknown): boolean {
  return isApiError(error) && error.status === 503 && error.code === 'index_pending';
}

export const getMatchesQueryOptions = (kind: PostingKind, id: number) =>
  queryOptions({
    queryKey: matchKeys.of(kind, id),
    queryFn: ({ signal }) => getMatches(kind, id, { signal }),
    // The server's answers (403 not yours, 503 still indexing) do not change on an immediate retry.
    retry: (failures, error) => !isApiError(error) && failures < 1,
    refetchInterval: (query) => (isIndexPending(query.state.error) ? INDEX_PENDING_RETRY_MS : false),
  });

/** Ranked matches with their explanations; private to the posting's organisation and the operator. */
export const useMatches = (kind: PostingKind, id: number) => useQuery(getMatchesQueryOptions(kind, id));
