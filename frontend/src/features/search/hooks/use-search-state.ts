import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

import { isOneOf } from '@/utils/enums';
import { POSTING_KINDS } from '@/utils/postings';

import { FACET_FIELDS, type FacetField, type SearchQuery } from '../api/search-postings';

export const SEARCH_PAGE_SIZES = [10, 20, 50] as const;
export const DEFAULT_PAGE_SIZE = 20;
/** The API pages at most this deep. */
export const MAX_PAGE = 500;
const AMOUNT = /^\d{1,14}(\.\d{1,2})?$/;
const RANGE_KEYS = ['amount_min', 'amount_max', 'trl_min', 'trl_max'] as const;
type RangeKey = (typeof RANGE_KEYS)[number];
/** The API's orders, relevance (its default) first; every other one sorts all the hits, then pages. */
export const SEARCH_ORDERINGS = ['relevance', 'newest', 'deadline', '-amount', 'amount'] as const satisfies readonly NonNullable<
  SearchQuery['ordering']
>[];
export type SearchOrdering = (typeof SEARCH_ORDERINGS)[number];

/**
 * Everything the search page shows, as it is in the URL: the text, the facet values (repeated
 * keys, as the API takes them: ?kind=challenge&kind=need), the amount range in yuan, the TRL
 * range, the order and the page. So a search can be bookmarked, shared and restored with the back button.
 */
export interface SearchState {
  q: string;
  facets: Record<FacetField, string[]>;
  amount_min?: string;
  amount_max?: string;
  trl_min?: number;
  trl_max?: number;
  ordering: SearchOrdering;
  page: number;
  pageSize: number;
}

function trl(value: string | null): number | undefined {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= 1 && n <= 9 ? n : undefined;
}

/** Reads the URL, dropping what the API would refuse (an unknown kind, a malformed amount). */
export function parseSearchParams(params: URLSearchParams): SearchState {
  const values = (key: FacetField) => [...new Set(params.getAll(key).filter(Boolean))];
  const amount = (key: RangeKey) => {
    const value = params.get(key);
    return value && AMOUNT.test(value) ? value : undefined;
  };
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const size = Number(params.get('page_size'));
  const ordering = params.get('ordering');
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    facets: {
      kind: values('kind').filter((value) => isOneOf(POSTING_KINDS, value)),
      industry: values('industry'),
      region: values('region'),
      status: values('status'),
    },
    amount_min: amount('amount_min'),
    amount_max: amount('amount_max'),
    trl_min: trl(params.get('trl_min')),
    trl_max: trl(params.get('trl_max')),
    ordering: ordering && isOneOf(SEARCH_ORDERINGS, ordering) ? ordering : 'relevance',
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
    pageSize: (SEARCH_PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

/** The API query for a state; empty values are left out. */
export function toSearchQuery(state: SearchState): SearchQuery {
  const query: SearchQuery = { page: state.page, page_size: state.pageSize };
  if (state.q.trim()) query.q = state.q.trim();
  for (const field of FACET_FIELDS) {
    if (state.facets[field].length > 0) (query as Record<string, unknown>)[field] = [...state.facets[field]].sort();
  }
  if (state.amount_min) query.amount_min = state.amount_min;
  if (state.amount_max) query.amount_max = state.amount_max;
  if (state.trl_min) query.trl_min = state.trl_min;
  if (state.trl_max) query.trl_max = state.trl_max;
  if (state.ordering !== 'relevance') query.ordering = state.ordering;
  return query;
}

export interface SearchStateApi {
  state: SearchState;
  query: SearchQuery;
  setText: (q: string) => void;
  /** Ticks or unticks one facet value. */
  toggleFacet: (field: FacetField, value: string) => void;
  setRange: (key: RangeKey, value: string | number | undefined) => void;
  /** Relevance (or none) leaves the URL without an order. */
  setOrdering: (ordering: SearchOrdering | undefined) => void;
  setPage: (page: number, pageSize?: number) => void;
  /** Clears the filters and keeps the text. */
  clearFilters: () => void;
  /** How many filters are set (facet values and range bounds), for the "clear" button. */
  activeFilters: number;
}

export function useSearchState(): SearchStateApi {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseSearchParams(params), [params]);
  const query = useMemo(() => toSearchQuery(state), [state]);

  // Every change but paging goes back to page 1: page 4 of a different result set means nothing.
  const update = useCallback(
    (change: (next: URLSearchParams) => void, { keepPage = false }: { keepPage?: boolean } = {}) => {
      setParams((current) => {
        const next = new URLSearchParams(current);
        change(next);
        if (!keepPage) next.delete('page');
        return next;
      });
    },
    [setParams],
  );

  const setText = useCallback(
    (q: string) =>
      update((next) => {
        if (q.trim()) next.set('q', q.trim());
        else next.delete('q');
      }),
    [update],
  );
  const toggleFacet = useCallback(
    (field: FacetField, value: string) =>
      update((next) => {
        const current = next.getAll(field);
        next.delete(field);
        const values = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
        for (const v of values) next.append(field, v);
      }),
    [update],
  );
  const setRange = useCallback(
    (key: RangeKey, value: string | number | undefined) =>
      update((next) => {
        if (value === undefined || value === '') next.delete(key);
        else next.set(key, String(value));
      }),
    [update],
  );
  const setOrdering = useCallback(
    (ordering: SearchOrdering | undefined) =>
      update((next) => {
        if (ordering && ordering !== 'relevance') next.set('ordering', ordering);
        else next.delete('ordering');
      }),
    [update],
  );
  const setPage = useCallback(
    (page: number, pageSize?: number) =>
      update(
        (next) => {
          if (pageSize !== undefined && pageSize !== state.pageSize) {
            // A new page size starts again from the first page.
            if (pageSize === DEFAULT_PAGE_SIZE) next.delete('page_size');
            else next.set('page_size', String(pageSize));
            next.delete('page');
            return;
          }
          if (page > 1) next.set('page', String(page));
          else next.delete('page');
        },
        { keepPage: true },
      ),
    [update, state.pageSize],
  );
  const clearFilters = useCallback(
    () =>
      update((next) => {
        for (const key of [...FACET_FIELDS, ...RANGE_KEYS]) next.delete(key);
      }),
    [update],
  );

  const activeFilters =
    FACET_FIELDS.reduce((sum, field) => sum + state.facets[field].length, 0) +
    RANGE_KEYS.filter((key) => state[key] !== undefined).length;

  return { state, query, setText, toggleFacet, setRange, setOrdering, setPage, clearFilters, activeFilters };
}
