import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';

import { useI18n } from '@/i18n/i18n';
import { formatAmount } from '@/utils/money';

import { DRILLDOWN_PAGE_SIZE, type Drilldown, type DrilldownRow } from '../api/get-drilldown';

export interface DrilldownTableProps {
  data: Drilldown | undefined;
  isPending: boolean;
  isFetching: boolean;
  page: number;
  onPage: (page: number) => void;
}

/** One page of a figure's contracts: each with what it counts, when, between whom, where. */
export function DrilldownTable({ data, isPending, isFetching, page, onPage }: DrilldownTableProps) {
  const { t, locale, formatDate } = useI18n();
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
  return (
    <Table<DrilldownRow>
      rowKey="deal"
      size="small"
      columns={columns}
      dataSource={data?.results ?? []}
      loading={isFetching}
      scroll={{ x: 1300 }}
      locale={{ emptyText: isPending ? t('common.loading') : t('dashboard.drill.empty') }}
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
  );
}
