import { queryOptions, useQuery } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type OrganisationChoice = components['schemas']['OrganisationOutput'];

/**
 * Organisations to pick consortium partners and invitees from. The API pages; 200 is its maximum
 * page and covers the city's institutes and enterprises for now (a search box would replace this).
 */
export const getOrganisations = ({ signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/organisations/', { params: { query: { page_size: 200 } }, signal }));

export const useOrganisations = ({ enabled = true }: { enabled?: boolean } = {}) =>
  useQuery(
    queryOptions({
      queryKey: ['organisations', 'choices'],
      queryFn: ({ signal }) => getOrganisations({ signal }),
      staleTime: 5 * 60_000,
      enabled,
    }),
  );
