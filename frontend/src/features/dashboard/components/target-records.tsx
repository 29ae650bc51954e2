import { Segmented, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';

import { CardTitle } from '@/components/card-title';
import { ErrorResult } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';

import { TARGET_RECORDS_PAGE_SIZE, useTargetRecords, type TargetRecord } from '../api/get-target-records';
import type { PolicyTarget } from '../api/get-targets';
import { formatPlain } from '../utils/figures';

type Computed = NonNullable<PolicyTarget['computed']>;

function RecordsTable({ target, part }: { target: PolicyTarget; part: string }) {
  const { t, formatDate } = useI18n();
  const [page, setPage] = useState(1);
  const records = useTargetRecords(target.id, part, page);
  const columns: ColumnsType<TargetRecord> = [
    {
      title: t('policyTargets.records.name'),
      key: 'title',
      fixed: 'left',
      width: 200,
      render: (_, record) =>
        record.kind === 'challenge' && record.id !== null ? (
          <Link to={`/challenges/${record.id}`}>{record.title}</Link>
        ) : (
          <Typography.Text type={record.visible ? undefined : 'secondary'} title={record.visible ? undefined : t('policyTargets.records.hidden')}>
            {record.title}
          </Typography.Text>
        ),
    },
    { title: t('policyTargets.records.organisation'), dataIndex: 'organisation', width: 180 },
    { title: t('policyTargets.records.status'), key: 'status', width: 90, render: (_, record) => record.status_label || '—' },
    { title: t('policyTargets.records.amount'), key: 'amount', width: 130, align: 'right', render: (_, record) => (record.amount ? formatPlain(record.amount) : '—') },
    { title: t('policyTargets.records.date'), key: 'date', width: 120, render: (_, record) => (record.date ? formatDate(record.date) : '—') },
    { title: t('policyTargets.records.detail'), dataIndex: 'detail', render: (detail: string) => detail || '—' },
  ];
  if (records.isError) return <ErrorResult error={records.error} onRetry={() => void records.refetch()} />;
  return (
    <Table<TargetRecord>
      rowKey={(record) => `${record.kind}-${record.id ?? record.title}-${record.date ?? ''}-${record.organisation}`}
      size="small"
      columns={columns}
      dataSource={records.data?.results ?? []}
      loading={records.isFetching}
      scroll={{ x: 860 }}
      locale={{ emptyText: records.isPending ? t('common.loading') : t('policyTargets.records.empty') }}
      pagination={{
        current: page,
        pageSize: TARGET_RECORDS_PAGE_SIZE,
        total: records.data?.count ?? 0,
        onChange: setPage,
        hideOnSinglePage: true,
        showSizeChanger: false,
      }}
      data-testid="target-records"
    />
  );
}

/** A computed target: how it is computed, in words; its parts; and the records behind the value. */
export function TargetRecords({ target, computed }: { target: PolicyTarget; computed: Computed }) {
  const { t, formatDate } = useI18n();
  const [part, setPart] = useState('');
  const options = [
    { label: t('policyTargets.allParts', { count: computed.count }), value: '' },
    ...computed.parts.map((p) => ({ label: `${p.label} · ${formatPlain(p.value)} ${target.unit}`, value: p.key })),
  ];
  return (
    <>
      <Typography.Paragraph strong style={{ marginTop: 8 }} data-testid="target-current">
        {t('policyTargets.current', { value: formatPlain(computed.value), unit: target.unit, date: formatDate(computed.as_of) })}
      </Typography.Paragraph>
      <section aria-labelledby="target-rule-title" style={{ marginTop: 16 }}>
        <div id="target-rule-title" style={{ marginBottom: 8 }}>
          <CardTitle>{t('policyTargets.rule')}</CardTitle>
        </div>
        <Typography.Paragraph data-testid="target-rule">
          <Tag color="blue">{t('policyTargets.computed')}</Tag>
          {computed.description}
        </Typography.Paragraph>
      </section>
      <section aria-labelledby="target-records-title" style={{ marginTop: 24 }}>
        <div id="target-records-title" style={{ marginBottom: 12 }}>
          <CardTitle>{t('policyTargets.records.title')}</CardTitle>
        </div>
        {computed.parts.length > 0 ? (
          <div style={{ overflowX: 'auto', marginBottom: 12 }}>
            <Segmented<string> options={options} value={part} onChange={setPart} aria-label={t('policyTargets.parts')} />
          </div>
        ) : null}
        <RecordsTable key={part} target={target} part={part} />
      </section>
    </>
  );
}
