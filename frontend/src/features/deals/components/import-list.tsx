import { Card, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';

import { CardTitle } from '@/components/card-title';
import { ErrorResult } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';

import { IMPORTS_PAGE_SIZE, useDealImports, type DealImport } from '../api/get-deal-imports';

import { ImportStatusTag } from './import-status-tag';

/** Earlier imports, newest first, each linking to its progress and report. */
export function ImportList() {
  const { t, formatMinute } = useI18n();
  const [page, setPage] = useState(1);
  const imports = useDealImports(page);
  const columns: ColumnsType<DealImport> = [
    {
      title: t('dealImports.col.file'),
      key: 'file',
      render: (_, job) => <Link to={`/dashboard/imports/${job.id}`}>{job.file_name}</Link>,
    },
    { title: t('dealImports.col.status'), key: 'status', width: 200, render: (_, job) => <ImportStatusTag job={job} /> },
    { title: t('dealImports.col.rows'), dataIndex: 'total_rows', align: 'right', width: 90 },
    { title: t('dealImports.count.created'), dataIndex: 'created_count', align: 'right', width: 90 },
    { title: t('dealImports.count.registered'), dataIndex: 'registered_count', align: 'right', width: 90 },
    { title: t('dealImports.count.errors'), dataIndex: 'error_count', align: 'right', width: 90 },
    { title: t('dealImports.col.by'), dataIndex: 'created_by', width: 100 },
    { title: t('dealImports.col.at'), key: 'at', width: 170, render: (_, job) => formatMinute(job.created_at) },
  ];
  return (
    <Card title={<CardTitle>{t('dealImports.list.title')}</CardTitle>} data-testid="import-list">
      {imports.isError && !imports.data ? (
        <ErrorResult error={imports.error} onRetry={() => void imports.refetch()} />
      ) : (
        <Table<DealImport>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={imports.data?.results ?? []}
          loading={imports.isFetching}
          scroll={{ x: 900 }}
          locale={{ emptyText: imports.isPending ? t('common.loading') : t('dealImports.list.empty') }}
          pagination={{
            current: page,
            pageSize: IMPORTS_PAGE_SIZE,
            total: imports.data?.count ?? 0,
            hideOnSinglePage: true,
            showSizeChanger: false,
            onChange: setPage,
          }}
        />
      )}
    </Card>
  );
}
