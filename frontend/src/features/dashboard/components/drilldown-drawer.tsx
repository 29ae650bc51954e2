import { DownloadOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Typography } from 'antd';

import { ErrorResult } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';

import { useDrilldown, type DrillTarget } from '../api/get-drilldown';
import { useDrilldownExport } from '../hooks/use-drilldown-export';
import { formatInUnit, pickUnit } from '../utils/amount-unit';

import { AmountUnitProvider } from './amount';
import { BackgroundExport } from './background-export';
import { DrilldownTable } from './drilldown-table';

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
  const screens = Grid.useBreakpoint();
  const isPhone = screens.md === false;
  const query = useDrilldown(target, page);
  const data = query.data;
  const { exportAs, busy, jobId } = useDrilldownExport(target, data);
  // A list of contracts has its own unit, from its rows: a 亿元 dashboard would write them as 0.0x亿元.
  const unit = pickUnit(data?.results.map((row) => row.counted_amount) ?? [], locale);

  const title = data ? t('dashboard.drill.titleOf', { year: data.year, label: data.label }) : t('dashboard.drill.title');
  return (
    <Drawer open={target !== null} onClose={onClose} title={title} width={isPhone ? '100%' : 'min(1320px, 96vw)'} destroyOnHidden data-testid="drilldown">
      {query.isError && !data ? (
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 12 }}>
            <Typography.Paragraph data-testid="drilldown-total" style={{ margin: 0, flex: '1 1 280px' }}>
              {data ? t('dashboard.drill.total', { amount: formatInUnit(data.amount, unit, locale), deals: data.deals }) : t('common.loading')}
              {data?.as_of ? ` ${t('dashboard.drill.asOf', { date: formatDate(data.as_of) })}` : ''}
              {data?.recorded_as_of ? ` ${t('dashboard.drill.recordedAsOf', { date: formatDate(data.recorded_as_of) })}` : ''}
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
          <AmountUnitProvider unit={unit}>
            <DrilldownTable data={data} isPending={query.isPending} isFetching={query.isFetching} page={page} onPage={onPage} isPhone={isPhone} />
          </AmountUnitProvider>
        </>
      )}
    </Drawer>
  );
}
