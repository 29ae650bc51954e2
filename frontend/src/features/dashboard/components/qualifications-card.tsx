import { Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';

import { CardTitle } from '@/components/card-title';
import { EmptyBlock, ErrorResult, LoadingBlock } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';

import type { DashboardSummary } from '../api/get-dashboard-summary';
import { useQualificationVolume, type QualificationVolumeItem } from '../api/get-qualification-volume';

import { Amount } from './amount';

type Side = 'seller' | 'buyer' | 'either';
const SIDES: readonly Side[] = ['seller', 'buyer', 'either'];
const FIGURE_COLUMNS = SIDES.length * 2;

export interface QualificationsCardProps {
  /** The screen's year, 截至 date and rule (whose date field is the day a qualification must be valid on). */
  summary: DashboardSummary;
  asOf: string | null;
  /** 账本回溯: the endpoint reads today's ledger only, so the card says so instead of showing other figures. */
  recordedAsOf: string | null;
}

/**
 * The year's counted volume by the parties' qualifications: per qualification where the seller,
 * the buyer or either side held it, then the contracts where neither did and the year's total.
 * A district official's figures are their district's (the endpoint scopes them).
 */
export function QualificationsCard({ summary, asOf, recordedAsOf }: QualificationsCardProps) {
  const { t } = useI18n();
  const volume = useQualificationVolume({ year: summary.year, asOf }, { enabled: !recordedAsOf });
  const data = volume.data;

  const sideColumns = SIDES.map((side) => ({
    title: t(`dashboard.qualifications.${side}`),
    key: side,
    children: [
      {
        title: t('dashboard.table.amount'),
        key: `${side}-amount`,
        align: 'right' as const,
        render: (_: unknown, item: QualificationVolumeItem) => <Amount value={item[side].amount} />,
      },
      {
        title: t('dashboard.table.deals'),
        key: `${side}-deals`,
        align: 'right' as const,
        width: 72,
        render: (_: unknown, item: QualificationVolumeItem) => item[side].deals,
      },
    ],
  }));
  const columns: ColumnsType<QualificationVolumeItem> = [
    // Sticky while the figures scroll sideways on a narrow screen.
    { title: t('dashboard.qualifications.kind'), dataIndex: 'label', key: 'label', fixed: 'left', width: 132 },
    ...sideColumns,
  ];

  const body = recordedAsOf ? (
    <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="qualifications-recorded">
      {t('dashboard.qualifications.recorded')}
    </Typography.Paragraph>
  ) : volume.isPending ? (
    <LoadingBlock />
  ) : volume.isError && !data ? (
    <ErrorResult error={volume.error} onRetry={() => void volume.refetch()} />
  ) : !data || data.total.deals === 0 ? (
    <EmptyBlock title={t('dashboard.breakdown.empty')} />
  ) : (
    <Table<QualificationVolumeItem>
      rowKey="kind"
      size="small"
      bordered
      columns={columns}
      dataSource={data.items}
      pagination={false}
      scroll={{ x: 'max-content' }}
      summary={() => (
        <Table.Summary>
          {[
            { key: 'none', label: t('dashboard.qualifications.none'), hint: t('dashboard.qualifications.noneHint'), figure: data.none },
            { key: 'total', label: t('dashboard.qualifications.total'), hint: null, figure: data.total },
          ].map(({ key, label, hint, figure }) => (
            <Table.Summary.Row key={key} data-testid={`qualifications-${key}`}>
              <Table.Summary.Cell index={0}>
                <span>{label}</span>
                {hint ? <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{hint}</div> : null}
              </Table.Summary.Cell>
              {/* Not per side: one figure for the whole row, so that no one reads it as a fourth qualification. */}
              <Table.Summary.Cell index={1} colSpan={FIGURE_COLUMNS} align="right">
                <Amount value={figure.amount} /> · {t('dashboard.dealsCount', { n: figure.deals })}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ))}
        </Table.Summary>
      )}
    />
  );

  return (
    <Card title={<CardTitle>{t('dashboard.qualifications.title')}</CardTitle>} data-testid="qualifications-card" style={{ height: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="qualifications-meaning">
        {t('dashboard.qualifications.meaning', { dateField: t(`dashboard.dateField.${summary.rule.date_field}`) })}
      </Typography.Paragraph>
      <div aria-busy={volume.isPlaceholderData} style={{ opacity: volume.isPlaceholderData ? 0.6 : 1, transition: 'opacity 0.2s' }}>
        {body}
      </div>
    </Card>
  );
}
