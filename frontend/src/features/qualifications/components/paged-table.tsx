import { Table, type TableColumnsType } from 'antd';

import { ErrorResult } from '@/components/query-states';
import { PAGE_SIZE } from '@/hooks/use-list-params';

interface PagedQuery<T> {
  data?: { count: number; results: T[] };
  error: unknown;
  isError: boolean;
  isFetching: boolean;
  refetch: () => unknown;
}

export interface PagedTableProps<T> {
  query: PagedQuery<T>;
  page: number;
  onPage: (page: number) => void;
  columns: TableColumnsType<T>;
  emptyText: string;
  showTotal?: (total: number) => string;
}

/** One page of an API list (`count` + `results`) in a table that scrolls sideways on a phone, first column fixed. */
export function PagedTable<T extends { id: number }>({ query, page, onPage, columns, emptyText, showTotal }: PagedTableProps<T>) {
  if (query.isError) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Table<T>
      rowKey="id"
      size="small"
      loading={query.isFetching}
      dataSource={query.data?.results ?? []}
      scroll={{ x: 860 }}
      locale={{ emptyText }}
      pagination={{ current: page, pageSize: PAGE_SIZE, total: query.data?.count ?? 0, showSizeChanger: false, hideOnSinglePage: true, showTotal, onChange: onPage }}
      columns={columns}
    />
  );
}
