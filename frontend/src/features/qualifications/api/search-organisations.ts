import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type OrganisationKind = components['schemas']['OrganisationKindEnum'];

/** Registered organisations whose name contains `q` (or whose USCC is `q`): a consortium's lead and members. */
export const searchOrganisations = (q: string, kind: OrganisationKind | undefined, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/organisations/', { params: { query: { q: q || undefined, kind, page_size: 20 } }, signal }));

export const useOrganisationSearch = (q: string, kind?: OrganisationKind) =>
  useQuery(
    queryOptions({
      queryKey: ['organisations', 'search', kind ?? 'any', q],
      queryFn: ({ signal }) => searchOrganisations(q, kind, { signal }),
      placeholderData: keepPreviousData,
      staleTime: 60_000,
    }),
  );
