import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Input, Select, Typography } from 'antd';
import { useState } from 'react';

import { CardTitle } from '@/components/card-title';
import { PAGE_SIZE } from '@/hooks/use-list-params';
import { useI18n } from '@/i18n/i18n';

import { QUALIFICATION_KINDS, useQualifications, type Qualification, type QualificationKind } from '../api/get-qualifications';
import { PagedTable } from './paged-table';
import { QualificationFormModal } from './qualification-form-modal';
import { QualificationKindTag } from './qualification-kind-tag';

/**
 * The recorded qualifications, filtered by kind, by one firm's USCC (the API matches the code
 * exactly; it has no search by name) and to those valid today; officials add one by hand here.
 */
export function QualificationList() {
  const { t, formatDate } = useI18n();
  const [kind, setKind] = useState<QualificationKind | undefined>();
  const [uscc, setUscc] = useState('');
  const [current, setCurrent] = useState(false);
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const list = useQualifications({ kind, uscc: uscc || undefined, current: current || undefined, page, page_size: PAGE_SIZE });
  const filter = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setPage(1);
  };

  return (
    <Card
      title={<CardTitle>{t('qualifications.list.title')}</CardTitle>}
      extra={
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
          {t('qualifications.add')}
        </Button>
      }
      data-testid="qualification-list"
    >
      <Flex wrap gap={12} role="search" aria-label={t('common.filters')} style={{ marginBottom: 16 }}>
        <Select<QualificationKind>
          aria-label={t('qualifications.field.kind')}
          placeholder={t('qualifications.filter.allKinds')}
          allowClear
          value={kind}
          onChange={filter(setKind)}
          options={QUALIFICATION_KINDS.map((value) => ({ value, label: t(`qualifications.kind.${value}`) }))}
          style={{ minWidth: 160 }}
        />
        <Input.Search
          aria-label={t('qualifications.filter.uscc')}
          placeholder={t('qualifications.filter.uscc')}
          allowClear
          onSearch={(value) => filter(setUscc)(value.trim().toUpperCase())}
          style={{ width: 280 }}
        />
        <Checkbox checked={current} onChange={(event) => filter(setCurrent)(event.target.checked)}>
          {t('qualifications.filter.current')}
        </Checkbox>
      </Flex>
      <PagedTable<Qualification>
        query={list}
        page={page}
        onPage={setPage}
        emptyText={t('qualifications.list.empty')}
        showTotal={(n) => t('qualifications.list.total', { n })}
        columns={[
          { key: 'name', title: t('qualifications.field.name'), dataIndex: 'name', fixed: 'left', width: 220 },
          {
            key: 'uscc',
            title: t('qualifications.field.uscc'),
            dataIndex: 'uscc',
            render: (value: string) => <Typography.Text code>{value}</Typography.Text>,
          },
          { key: 'kind', title: t('qualifications.field.kind'), render: (_, row) => <QualificationKindTag kind={row.kind} /> },
          { key: 'certificate', title: t('qualifications.field.certificate'), dataIndex: 'certificate_number', render: (value?: string) => value || '—' },
          {
            key: 'valid',
            title: t('qualifications.field.valid'),
            render: (_, row) =>
              t('qualifications.validRange', {
                from: formatDate(row.valid_from),
                until: row.valid_until ? formatDate(row.valid_until) : t('qualifications.validOpen'),
              }),
          },
          { key: 'source', title: t('qualifications.field.source'), dataIndex: 'source' },
        ]}
      />
      <QualificationFormModal open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}
