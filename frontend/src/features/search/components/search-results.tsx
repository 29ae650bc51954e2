import { Flex, Pagination, Typography } from 'antd';

import { PostingCard } from '@/components/posting-card';
import { EmptyBlock, ErrorResult, LoadingBlock } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';

import type { useSearch } from '../api/search-postings';
import { MAX_PAGE, SEARCH_PAGE_SIZES, type SearchStateApi } from '../hooks/use-search-state';

/** The words of the query, to mark in titles and snippets (Chinese runs stay whole). */
export function queryTerms(q: string): string[] {
  return q.split(/[\s,，、;；]+/).filter((term) => term.length >= 1);
}

/** The hits as cards with the query's words marked, and pages; or why there are none. */
export function SearchResults({ search, result }: { search: SearchStateApi; result: ReturnType<typeof useSearch> }) {
  const { t } = useI18n();
  const { state } = search;
  const { data, error, isPending, isFetching, isPlaceholderData, refetch } = result;

  if (isPending) return <LoadingBlock cards={3} label={t('search.loading')} />;
  if (error && !data) return <ErrorResult error={error} onRetry={() => void refetch()} />;
  if (data.results.length === 0) {
    return (
      <EmptyBlock
        title={state.q ? t('search.emptyFor', { q: state.q }) : t('search.empty')}
        hint={search.activeFilters > 0 ? t('common.emptyFiltered') : t('search.emptyHint')}
      >
        {search.activeFilters > 0 ? <Typography.Link onClick={search.clearFilters}>{t('common.clearFilters', { n: search.activeFilters })}</Typography.Link> : null}
      </EmptyBlock>
    );
  }
  const terms = queryTerms(state.q);
  return (
    <>
      <Flex vertical gap={12} aria-busy={isFetching && isPlaceholderData} data-testid="search-results">
        {data.results.map((hit) => (
          <PostingCard key={`${hit.posting.kind}-${hit.posting.id}`} posting={hit.posting} terms={terms} testId="search-hit" />
        ))}
      </Flex>
      {data.count > state.pageSize || state.pageSize !== 20 ? (
        <nav aria-label={t('common.pagination')} style={{ display: 'flex', justifyContent: 'center', marginTop: 16 }}>
          <Pagination
            current={state.page}
            pageSize={state.pageSize}
            total={Math.min(data.count, MAX_PAGE * state.pageSize)}
            pageSizeOptions={SEARCH_PAGE_SIZES.map(String)}
            showSizeChanger
            showLessItems
            onChange={(page, pageSize) => {
              search.setPage(page, pageSize);
              window.scrollTo({ top: 0 });
            }}
          />
        </nav>
      ) : null}
    </>
  );
}
