import { ClearOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Select } from 'antd';

import { useDraft } from '@/hooks/use-draft';
import type { ListParams } from '@/hooks/use-list-params';
import { useI18n } from '@/i18n/i18n';
import { REGIONS } from '@/utils/enums';

import { CONTRACT_TYPES, DEAL_ORIGINS, DEAL_STATUSES } from './deal-tags';

export const DEAL_FILTER_KEYS = ['q', 'status', 'contract_type', 'origin', 'region', 'registered_year'] as const;
export type DealFilterKey = (typeof DEAL_FILTER_KEYS)[number];

const FIRST_YEAR = 2020;

/** The years a contract may have been registered in, newest first. */
export function registrationYears(now = new Date()): number[] {
  const years: number[] = [];
  for (let year = now.getFullYear(); year >= FIRST_YEAR; year -= 1) years.push(year);
  return years;
}

/** Keywords are searched on Enter or when leaving the box, not on every keystroke. */
function KeywordInput({ value, onCommit }: { value: string | undefined; onCommit: (value: string | undefined) => void }) {
  const { t } = useI18n();
  const [text, setText] = useDraft(value ?? '');
  const commit = (next: string) => {
    const trimmed = next.trim();
    if (trimmed !== (value ?? '')) onCommit(trimmed || undefined);
  };
  return (
    <Input.Search
      id="deal-filter-q"
      value={text}
      allowClear
      placeholder={t('deals.filter.qPlaceholder')}
      onChange={(event) => {
        setText(event.target.value);
        if (event.target.value === '' && value) onCommit(undefined);
      }}
      onSearch={commit}
      onBlur={() => commit(text)}
    />
  );
}

export function DealFilters({ params }: { params: ListParams<DealFilterKey> }) {
  const { t } = useI18n();
  const { filters, setFilters, reset, activeCount } = params;
  const select = (key: DealFilterKey) => ({
    id: `deal-filter-${key.replace('_', '-')}`,
    value: filters[key],
    allowClear: true,
    placeholder: t('common.all'),
    onChange: (value: string | number | undefined) =>
      setFilters({ [key]: value === undefined ? undefined : String(value) } as Partial<Record<DealFilterKey, string>>),
  });

  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form layout="vertical" component="div" role="search" aria-label={t('common.filters')} className="filter-form">
        <Row gutter={[12, 0]}>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item label={t('deals.filter.q')} htmlFor="deal-filter-q">
              <KeywordInput value={filters.q} onCommit={(q) => setFilters({ q })} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6} lg={3}>
            <Form.Item label={t('deals.field.status')} htmlFor="deal-filter-status">
              <Select {...select('status')} options={DEAL_STATUSES.map((value) => ({ value, label: t(`enum.dealStatus.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6} lg={4}>
            <Form.Item label={t('deals.field.contractType')} htmlFor="deal-filter-contract-type">
              <Select {...select('contract_type')} options={CONTRACT_TYPES.map((value) => ({ value, label: t(`enum.contractType.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6} lg={4}>
            <Form.Item label={t('deals.field.origin')} htmlFor="deal-filter-origin">
              <Select {...select('origin')} options={DEAL_ORIGINS.map((value) => ({ value, label: t(`enum.dealOrigin.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6} lg={4}>
            <Form.Item label={t('deals.filter.region')} htmlFor="deal-filter-region">
              <Select {...select('region')} options={REGIONS.map((value) => ({ value, label: t(`enum.region.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6} lg={3}>
            <Form.Item label={t('deals.filter.registeredYear')} htmlFor="deal-filter-registered-year">
              <Select
                {...select('registered_year')}
                value={filters.registered_year ? Number(filters.registered_year) : undefined}
                options={registrationYears().map((year) => ({ value: year, label: String(year) }))}
              />
            </Form.Item>
          </Col>
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
