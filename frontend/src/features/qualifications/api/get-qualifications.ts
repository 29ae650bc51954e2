import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type { components, paths } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type Qualification = components['schemas']['QualificationOutput'];
export type QualificationKind = components['schemas']['QualificationKindEnum'];
export type QualificationQuery = NonNullable<paths['/api/qualifications/']['get']['parameters']['query']>;

export const QUALIFICATION_KINDS: readonly QualificationKind[] = ['high_tech', 'tech_sme', 'specialised', 'leading'];

export const qualificationKeys = {
  all: ['qualifications'] as const,
  lists: () => [...qualificationKeys.all, 'list'] as const,
  list: (query: QualificationQuery) => [...qualificationKeys.lists(), query] as const,
  consortia: () => [...qualificationKeys.all, 'consortia'] as const,
  consortiaPage: (page: number) => [...qualificationKeys.consortia(), page] as const,
};

export const getQualifications = (query: QualificationQuery, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/qualifications/', { params: { query }, signal }));

export const useQualifications = (query: QualificationQuery) =>
  useQuery(
    queryOptions({
      queryKey: qualificationKeys.list(query),
      queryFn: ({ signal }) => getQualifications(query, { signal }),
      placeholderData: keepPreviousData,
    }),
  );
