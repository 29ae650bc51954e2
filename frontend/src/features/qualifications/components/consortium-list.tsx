import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Tag, Typography } from 'antd';
import { useState } from 'react';

import { CardTitle } from '@/components/card-title';
import { useI18n } from '@/i18n/i18n';

import { useConsortia, type Consortium } from '../api/consortia';
import { ConsortiumFormModal } from './consortium-form-modal';
import { PagedTable } from './paged-table';

/** The recorded 创新联合体, each saying whether it counts toward the policy target (its lead was a 龙头企业 when it was formed). */
export function ConsortiumList() {
  const { t, formatDate } = useI18n();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const list = useConsortia(page);
  return (
    <Card
      title={<CardTitle>{t('qualifications.consortium.title')}</CardTitle>}
      extra={
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
          {t('qualifications.consortium.add')}
        </Button>
      }
      data-testid="consortium-list"
    >
      <Typography.Paragraph type="secondary">{t('qualifications.consortium.intro')}</Typography.Paragraph>
      <PagedTable<Consortium>
        query={list}
        page={page}
        onPage={setPage}
        emptyText={t('qualifications.consortium.empty')}
        columns={[
          { key: 'name', title: t('qualifications.consortium.field.name'), dataIndex: 'name', fixed: 'left', width: 200 },
          { key: 'lead', title: t('qualifications.consortium.field.lead'), render: (_, row) => row.lead.name },
          {
            key: 'members',
            title: t('qualifications.consortium.field.members'),
            render: (_, row) => (row.members.length > 0 ? row.members.map((member) => member.name).join('、') : '—'),
          },
          { key: 'established', title: t('qualifications.consortium.field.establishedOn'), render: (_, row) => formatDate(row.established_on) },
          { key: 'source', title: t('qualifications.consortium.field.source'), dataIndex: 'source' },
          {
            key: 'counts',
            title: t('qualifications.consortium.counts'),
            render: (_, row) =>
              row.led_by_leading_enterprise ? (
                <Tag color="green">{t('qualifications.consortium.counts.yes')}</Tag>
              ) : (
                <Tag title={t('qualifications.consortium.counts.noHint')}>{t('qualifications.consortium.counts.no')}</Tag>
              ),
          },
        ]}
      />
      <ConsortiumFormModal open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}
