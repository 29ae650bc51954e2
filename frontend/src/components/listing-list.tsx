import { Flex, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';

import { useI18n } from '@/i18n/i18n';

import { ListPagination } from './list-pagination';
import { EmptyBlock, ErrorResult, LoadingBlock } from './query-states';

export interface ListingListProps<T> {
  query: {
    data?: { count: number; results: T[] };
    error: unknown;
    isPending: boolean;
    isFetching: boolean;
    isPlaceholderData: boolean;
    refetch: () => unknown;
  };
  page: number;
  onPage: (page: number) => void;
  activeFilters: number;
  onClearFilters: () => void;
  countLabel: (count: number) => string;
  emptyLabel: string;
  renderItem: (item: T) => ReactNode;
}

/** A paged list with its loading, error and empty states (needs, capabilities). */
export function ListingList<T>({ query, page, onPage, activeFilters, onClearFilters, countLabel, emptyLabel, renderItem }: ListingListProps<T>) {
  const { t } = useI18n();
  const { data, error, isPending, isFetching, isPlaceholderData, refetch } = query;
  if (isPending) return <LoadingBlock cards={3} />;
  if (!data) return <ErrorResult error={error} onRetry={() => void refetch()} />;
  if (data.results.length === 0) {
    return (
      <EmptyBlock title={emptyLabel} hint={activeFilters > 0 ? t('common.emptyFiltered') : undefined}>
        {activeFilters > 0 ? <Typography.Link onClick={onClearFilters}>{t('common.clearFilters', { n: activeFilters })}</Typography.Link> : null}
      </EmptyBlock>
    );
  }
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary" role="status">
          {countLabel(data.count)}
        </Typography.Text>
        {isFetching && isPlaceholderData ? <Spin size="small" /> : null}
      </Flex>
      <Flex vertical gap={12} aria-busy={isFetching && isPlaceholderData}>
        {data.results.map(renderItem)}
      </Flex>
      <ListPagination page={page} total={data.count} onChange={onPage} />
    </>
  );
}
