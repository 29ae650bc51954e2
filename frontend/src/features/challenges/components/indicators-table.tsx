import { Table } from 'antd';

import { useI18n } from '@/i18n/i18n';

import type { Indicator } from '../api/get-challenge';

/** The challenge's key indicators (关键指标): what the result must achieve. */
export function IndicatorsTable({ indicators, label }: { indicators: Indicator[]; label: string }) {
  const { t } = useI18n();
  return (
    <section aria-label={label}>
      <Table<Indicator & { key: number }>
        data-testid="indicators-table"
        size="small"
        pagination={false}
        bordered
        dataSource={indicators.map((indicator, key) => ({ ...indicator, key }))}
        columns={[
          { title: t('challenges.indicators.name'), dataIndex: 'name' },
          { title: t('challenges.indicators.target'), dataIndex: 'target', render: (value: string) => <strong>{value}</strong> },
          { title: t('challenges.indicators.unit'), dataIndex: 'unit', render: (value?: string) => value || '—' },
        ]}
        locale={{ emptyText: t('challenges.indicators.none') }}
      />
    </section>
  );
}
