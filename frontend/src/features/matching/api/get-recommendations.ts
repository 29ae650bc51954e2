import { queryOptions, useQuery } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type Recommendation = components['schemas']['RecommendationOutput'];

export const RECOMMENDATION_LIMIT = 20;

export const getRecommendations = ({ signal, limit = RECOMMENDATION_LIMIT }: { signal?: AbortSignal; limit?: number } = {}) =>
  unwrap(api.GET('/api/recommendations/', { params: { query: { limit } }, signal }));

export const getRecommendationsQueryOptions = () =>
  queryOptions({
    queryKey: ['recommendations'],
    queryFn: ({ signal }) => getRecommendations({ signal }),
  });

/** Challenges and needs that fit the signed-in organisation's published capabilities, best first. */
export const useRecommendations = ({ enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ ...getRecommendationsQueryOptions(), enabled });
