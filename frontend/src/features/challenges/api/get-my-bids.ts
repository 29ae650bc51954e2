import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type { components, paths } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { challengeKeys } from './get-challenges';

export type MyBid = components['schemas']['MyBidOutput'];
export type MyBidsQuery = NonNullable<paths['/api/bids/']['get']['parameters']['query']>;

export const getMyBids = (query: MyBidsQuery, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/bids/', { params: { query }, signal }));

export const getMyBidsQueryOptions = (query: MyBidsQuery) =>
  queryOptions({
    queryKey: [...challengeKeys.myBids(), query],
    queryFn: ({ signal }) => getMyBids(query, { signal }),
    placeholderData: keepPreviousData,
  });

/** The bids the viewer's organisation leads or is a consortium partner in, with their challenges. */
export const useMyBids = (query: MyBidsQuery) => useQuery(getMyBidsQueryOptions(query));
