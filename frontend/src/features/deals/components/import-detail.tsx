import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Progress, Row, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, type ReactNode } from 'react';

import { CardTitle } from '@/components/card-title';
import { PageHeader } from '@/components/page-header';
import { ErrorResult, LoadingBlock } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';

import { isImportRunning, useDealImport, type DealImport, type DealImportError } from '../api/get-deal-imports';
import { useRetryDealImport } from '../api/retry-deal-import';

import { ImportStatusTag } from './import-status-tag';

/** The API keeps the first 2000 row errors of a file (deals/imports.py MAX_REPORTED_ERRORS). */
const REPORTED_ERRORS = 2000;

/** Progress as a whole percentage for the bar (the API sends 0…1). */
export function progressPercent(job: Pick<DealImport, 'progress' | 'status'>): number {
  if (job.status === 'succeeded' || job.status === 'failed') return 100;
  return Math.min(99, Math.max(0, Math.floor(job.progress * 100)));
}

function ImportReport({ job }: { job: DealImport }) {
  const { t } = useI18n();
  const columnsFilter = useMemo(
    () => [...new Set(job.errors.map((error) => error.column))].map((column) => ({ text: column, value: column })),
    [job.errors],
  );
  const columns: ColumnsType<DealImportError> = [
    { title: t('dealImports.report.row'), dataIndex: 'row', width: 80, sorter: (a, b) => a.row - b.row, defaultSortOrder: 'ascend' },
    {
      title: t('dealImports.report.column'),
      dataIndex: 'column',
      width: 180,
      filters: columnsFilter,
      onFilter: (value, error) => error.column === value,
    },
    {
      title: t('dealImports.report.value'),
      dataIndex: 'value',
      width: 200,
      render: (value: string) => (value ? <Typography.Text code>{value}</Typography.Text> : <Typography.Text type="secondary">{t('dealImports.report.blank')}</Typography.Text>),
    },
    { title: t('dealImports.report.message'), dataIndex: 'message' },
  ];
  return (
    <Card title={<CardTitle>{t('dealImports.report.title')}</CardTitle>} data-testid="import-report">
      {job.errors.length === 0 ? (
        <Alert
          type={job.status === 'succeeded' ? 'success' : 'info'}
          showIcon
          message={job.status === 'succeeded' ? t('dealImports.report.clean') : isImportRunning(job) ? t('dealImports.report.pending') : t('dealImports.report.none')}
        />
      ) : (
        <>
          {job.error_count > job.errors.length ? (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('dealImports.report.truncated', { shown: job.errors.length, total: job.error_count, max: REPORTED_ERRORS })} />
          ) : null}
          <Table<DealImportError>
            rowKey={(error) => `${error.row}:${error.column}:${error.message}`}
            size="small"
            columns={columns}
            dataSource={job.errors}
            scroll={{ x: 720 }}
            pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, showTotal: (total) => t('dealImports.report.count', { n: total }) }}
          />
        </>
      )}
    </Card>
  );
}

/** A failure outside the file (the database, the worker): its reason is the message; the same stored file may run again. */
function RetryImport({ job }: { job: DealImport }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const retry = useRetryDealImport(job.id);
  return (
    <Button
      type="primary"
      icon={<ReloadOutlined aria-hidden />}
      loading={retry.isPending}
      data-testid="import-retry"
      onClick={() =>
        retry.mutate(undefined, {
          onSuccess: () => void message.success(t('dealImports.retry.done')),
          onError: (error) => void message.error(error.message),
        })
      }
    >
      {t('dealImports.retry')}
    </Button>
  );
}

/** One import: progress while the worker reads it (polled), then the result and the per-row report. */
/** `nav` is the officials' pages menu, drawn under the header (the dashboard feature's, passed in by the route). */
export function ImportDetail({ id, nav }: { id: number; nav: ReactNode }) {
  const { t, formatDateTime } = useI18n();
  const query = useDealImport(id);
  const job = query.data;
  const back = { to: '/dashboard/imports', label: t('dealImports.back') };

  if (query.isPending) {
    return (
      <>
        <PageHeader title={t('dealImports.detail.title')} back={back} />
        {nav}
        <LoadingBlock />
      </>
    );
  }
  if (!job) {
    return (
      <>
        <PageHeader title={t('dealImports.detail.title')} back={back} />
        {nav}
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const running = isImportRunning(job);
  const percent = progressPercent(job);
  return (
    <>
      <PageHeader title={job.file_name} back={back} tags={<ImportStatusTag job={job} />} intro={t('dealImports.detail.intro')} />
      {nav}
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Card title={<CardTitle>{t('dealImports.progress.title')}</CardTitle>} data-testid="import-progress">
            <div role="status" aria-live="polite">
              <Progress
                percent={percent}
                status={job.status === 'failed' ? 'exception' : job.status === 'succeeded' ? 'success' : 'active'}
                aria-label={t('dealImports.progress.label')}
              />
              <Typography.Paragraph style={{ marginTop: 8 }} data-testid="import-progress-text">
                {running
                  ? t('dealImports.progress.running', { status: job.status_label, processed: job.processed_rows, total: job.total_rows })
                  : t('dealImports.progress.done', { status: job.status_label, total: job.total_rows })}
              </Typography.Paragraph>
            </div>
            {job.message ? (
              <Alert
                type={job.status === 'failed' ? 'error' : running ? 'info' : 'success'}
                showIcon
                message={job.message}
                description={job.status === 'failed' && job.retryable ? t('dealImports.retry.hint') : undefined}
                action={job.status === 'failed' && job.retryable ? <RetryImport job={job} /> : undefined}
                style={{ marginBottom: 16 }}
                data-testid="import-message"
              />
            ) : null}
            <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} bordered>
              <Descriptions.Item label={t('dealImports.count.created')}>{job.created_count}</Descriptions.Item>
              <Descriptions.Item label={t('dealImports.count.registered')}>{job.registered_count}</Descriptions.Item>
              <Descriptions.Item label={t('dealImports.count.unchanged')}>{job.unchanged_count}</Descriptions.Item>
              <Descriptions.Item label={t('dealImports.count.errors')}>{job.error_count}</Descriptions.Item>
              <Descriptions.Item label={t('dealImports.col.by')}>{job.created_by}</Descriptions.Item>
              <Descriptions.Item label={t('dealImports.col.at')}>{formatDateTime(job.created_at)}</Descriptions.Item>
              <Descriptions.Item label={t('dealImports.col.finished')}>{job.finished_at ? formatDateTime(job.finished_at) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('dealImports.col.format')}>{job.file_format.toUpperCase()}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col span={24}>
          <ImportReport job={job} />
        </Col>
      </Row>
    </>
  );
}
