import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';

import { useI18n } from '@/i18n/i18n';

import { DRILLDOWN_PAGE_SIZE, type Drilldown, type DrilldownRow } from '../api/get-drilldown';

import { Amount } from './amount';

export interface DrilldownTableProps {
  data: Drilldown | undefined;
  isPending: boolean;
  isFetching: boolean;
  page: number;
  onPage: (page: number) => void;
  isPhone?: boolean;
}

/** One page of a figure's contracts: each with what it counts, when, between whom, where. */
export function DrilldownTable({ data, isPending, isFetching, page, onPage, isPhone = false }: DrilldownTableProps) {
  const { t, formatDate } = useI18n();
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
      // Sticky: the contract stays in view while its other columns scroll sideways.
      fixed: 'left',
      width: isPhone ? 150 : 210,
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
      render: (_, row) => <Amount value={row.counted_amount} />,
    },
    { title: t('dashboard.drill.countedOn'), key: 'counted_on', width: 132, render: (_, row) => formatDate(row.counted_on) },
    { title: t('dashboard.drill.type'), dataIndex: 'contract_type_label', width: 84 },
    { title: t('dashboard.drill.buyer'), key: 'buyer', width: 180, render: (_, row) => party(row.buyer) },
    { title: t('dashboard.drill.seller'), key: 'seller', width: 180, render: (_, row) => party(row.seller) },
    { title: t('dashboard.drill.district'), key: 'district', width: 104, render: (_, row) => t(`enum.region.${row.district}`) },
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
      // The body scrolls within the drawer, so its horizontal scrollbar is always in view (below
      // 20 rows it was off screen and the table looked cut off on the right); the header stays.
      scroll={{ x: 1250, y: isPhone ? 'calc(100dvh - 300px)' : 'calc(100vh - 290px)' }}
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
