import { ClearOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Row, Select } from 'antd';

import type { ListParams } from '@/hooks/use-list-params';
import { useI18n } from '@/i18n/i18n';

import { IndustrySelect } from './industry-select';

export interface SelectFilter<K extends string> {
  key: K;
  label: string;
  /** Omitted for the industry chain, whose options come from the API. */
  options?: { value: string; label: string }[];
}

/** A row of select filters bound to the URL (useListParams); each applies as soon as it changes. */
export function SelectFilters<K extends string>({ idPrefix, params, fields }: { idPrefix: string; params: ListParams<K>; fields: SelectFilter<K>[] }) {
  const { t } = useI18n();
  const { filters, setFilters, reset, activeCount } = params;
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form layout="vertical" component="div" role="search" aria-label={t('common.filters')} className="filter-form">
        <Row gutter={[12, 0]}>
          {fields.map((field) => {
            const id = `${idPrefix}-filter-${field.key}`;
            const common = {
              id,
              value: filters[field.key],
              allowClear: true,
              placeholder: t('common.all'),
              onChange: (value: string | undefined) => setFilters({ [field.key]: value } as Partial<Record<K, string>>),
            };
            return (
              <Col key={field.key} xs={12} sm={8} lg={field.options ? (fields.length > 5 ? 3 : 4) : 6}>
                <Form.Item label={field.label} htmlFor={id}>
                  {field.options ? <Select {...common} options={field.options} /> : <IndustrySelect {...common} />}
                </Form.Item>
              </Col>
            );
          })}
        </Row>
        {activeCount > 0 ? (
          <Button icon={<ClearOutlined aria-hidden />} onClick={reset} size="small">
            {t('common.clearFilters', { n: activeCount })}
          </Button>
        ) : null}
      </Form>
    </Card>
  );
}
