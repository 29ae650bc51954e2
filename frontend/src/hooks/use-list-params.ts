import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export const PAGE_SIZE = 10;

export interface ListParams<K extends string> {
  /** Current filter values from the URL (absent filters are undefined). */
  filters: Partial<Record<K, string>>;
  page: number;
  /** Changes some filters and goes back to page 1; '' or undefined removes a filter. */
  setFilters: (patch: Partial<Record<K, string | undefined>>) => void;
  setPage: (page: number) => void;
  reset: () => void;
  /** How many filters are set (for the "clear" button and the empty state). */
  activeCount: number;
}

/**
 * A list page's filters and page number live in the URL, so a filtered list can be bookmarked,
 * shared and restored with the back button. Values are the API's own query values (yuan, codes).
 */
export function useListParams<K extends string>(keys: readonly K[]): ListParams<K> {
  const [params, setParams] = useSearchParams();

  const filters = useMemo(() => {
    const out: Partial<Record<K, string>> = {};
    for (const key of keys) {
      const value = params.get(key);
      if (value) out[key] = value;
    }
    return out;
    // `keys` is a module-level constant at every call site, so only `params` changes in practice.
  }, [keys, params]);
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);

  const setFilters = useCallback(
    (patch: Partial<Record<K, string | undefined>>) => {
      setParams((current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(patch) as [K, string | undefined][]) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        next.delete('page');
        return next;
      });
    },
    [setParams],
  );
  const setPage = useCallback(
    (nextPage: number) => {
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (nextPage > 1) next.set('page', String(nextPage));
        else next.delete('page');
        return next;
      });
    },
    [setParams],
  );
  const reset = useCallback(() => setParams(new URLSearchParams()), [setParams]);

  return { filters, page, setFilters, setPage, reset, activeCount: Object.keys(filters).length };
}
