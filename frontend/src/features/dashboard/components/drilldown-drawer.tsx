import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Flex, Grid, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';

import { ErrorResult, useErrorMessage } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';
import { isApiError } from '@/lib/api-error';
import type { FileFormat } from '@/utils/download';
import { formatAmount } from '@/utils/money';

import { useStartBackgroundExport } from '../api/background-export';
import { useExportDrilldown } from '../api/export-drilldown';
import { DRILLDOWN_PAGE_SIZE, useDrilldown, type DrillTarget, type DrilldownRow } from '../api/get-drilldown';
import { BackgroundExport } from './background-export';

export interface DrilldownDrawerProps {
  target: DrillTarget | null;
  page: number;
  onPage: (page: number) => void;
  onClose: () => void;
}

/**
 * The contracts behind a figure: the API's total (equal to the figure by construction), a paged
 * table, and an export of exactly these rows.
 */
export function DrilldownDrawer({ target, page, onPage, onClose }: DrilldownDrawerProps) {
  const { t, locale, formatDate } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const screens = Grid.useBreakpoint();
  const isPhone = screens.md === false;
  const query = useDrilldown(target, page);
  const exporter = useExportDrilldown();
  const background = useStartBackgroundExport();
  const [jobId, setJobId] = useState<number | null>(null);
  const data = query.data;

  // Directly when the server writes the file within the request (up to export_max_rows
  // contracts); otherwise a worker builds it and BackgroundExport downloads it when it is ready.
  // A figure that grew past the limit meanwhile answers 400 export_too_large: the same path.
  const exportInBackground = (fileFormat: FileFormat, rows: unknown) => {
    if (!target) return;
    background.mutate(
      { target, fileFormat },
      {
        onSuccess: (job) => {
          setJobId(job.id);
          void message.info(t('dashboard.export.background', { rows: typeof rows === 'number' ? rows.toLocaleString(locale) : job.total_rows }));
        },
        onError: (error) => void message.error(describe(error)),
      },
    );
  };
  const exportAs = (fileFormat: FileFormat) => {
    if (!target) return;
    if (data && data.deals > data.export_max_rows) {
      exportInBackground(fileFormat, data.deals);
      return;
    }
    exporter.mutate(
      { target, fileFormat },
      {
        onSuccess: (name) => void message.success(t('dashboard.export.done', { name })),
        onError: (error) =>
          isApiError(error) && error.code === 'export_too_large'
            ? exportInBackground(fileFormat, error.extra.rows)
            : void message.error(describe(error)),
      },
    );
  };
  const busy = (fileFormat: FileFormat) =>
    (exporter.isPending && exporter.variables?.fileFormat === fileFormat) || (background.isPending && background.variables?.fileFormat === fileFormat);

  const party = (p: DrilldownRow['buyer']) => (
    <>
      <div>{p.name}</div>
      <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{p.region_label}</div>
    </>
  );
  const columns: ColumnsType<DrilldownRow> = [
    {
      title: t('dashboard.drill.contract'),
      key: 'contract',
      width: 240,
      render: (_, row) => (
        <>
          <Link to={`/deals/${row.deal}`}>{row.title}</Link>
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{row.contract_number}</div>
        </>
      ),
    },
    {
      title: t('dashboard.drill.counted'),
      key: 'counted',
      align: 'right',
      width: 120,
      render: (_, row) => <span title={t('common.yuanExact', { amount: row.counted_amount })}>{formatAmount(row.counted_amount, locale)}</span>,
    },
    { title: t('dashboard.drill.countedOn'), key: 'counted_on', width: 130, render: (_, row) => formatDate(row.counted_on) },
    { title: t('dashboard.drill.type'), dataIndex: 'contract_type_label', width: 90 },
    { title: t('dashboard.drill.buyer'), key: 'buyer', width: 200, render: (_, row) => party(row.buyer) },
    { title: t('dashboard.drill.seller'), key: 'seller', width: 200, render: (_, row) => party(row.seller) },
    { title: t('dashboard.drill.district'), key: 'district', width: 110, render: (_, row) => t(`enum.region.${row.district}`) },
    { title: t('dashboard.drill.industry'), key: 'industry', width: 100, render: (_, row) => row.industry_name ?? t('dashboard.unclassified') },
    { title: t('dashboard.drill.registration'), dataIndex: 'registration_number', width: 140 },
  ];

  const title = data ? t('dashboard.drill.titleOf', { year: data.year, label: data.label }) : t('dashboard.drill.title');
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={title}
      width={isPhone ? '100%' : 1000}
      destroyOnHidden
      data-testid="drilldown"
    >
      {query.isError && !data ? (
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 12 }}>
            <Typography.Paragraph data-testid="drilldown-total" style={{ margin: 0, flex: '1 1 280px' }}>
              {data ? t('dashboard.drill.total', { amount: formatAmount(data.amount, locale), deals: data.deals }) : t('common.loading')}
              {data?.as_of ? ` ${t('dashboard.drill.asOf', { date: formatDate(data.as_of) })}` : ''}
            </Typography.Paragraph>
            <Flex gap={8} wrap>
              <Button icon={<DownloadOutlined aria-hidden />} onClick={() => exportAs('xlsx')} loading={busy('xlsx')} disabled={!data}>
                {t('dashboard.export.xlsx')}
              </Button>
              <Button icon={<DownloadOutlined aria-hidden />} onClick={() => exportAs('csv')} loading={busy('csv')} disabled={!data}>
                {t('dashboard.export.csv')}
              </Button>
            </Flex>
          </Flex>
          {jobId !== null ? (
            <div style={{ marginBottom: 12 }}>
              <BackgroundExport key={jobId} jobId={jobId} />
            </div>
          ) : null}
          <Table<DrilldownRow>
            rowKey="deal"
            size="small"
            columns={columns}
            dataSource={data?.results ?? []}
            loading={query.isFetching}
            scroll={{ x: 1300 }}
            locale={{ emptyText: query.isPending ? t('common.loading') : t('dashboard.drill.empty') }}
            pagination={{
              current: page,
              pageSize: DRILLDOWN_PAGE_SIZE,
              total: data?.count ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              showTotal: (total) => t('dashboard.drill.count', { n: total }),
              onChange: onPage,
            }}
          />
        </>
      )}
    </Drawer>
  );
}
