import { ClearOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, Form, Row, Select, Typography } from 'antd';
import { useMemo } from 'react';

import { WanInput } from '@/components/wan-input';
import { useIndustries } from '@/hooks/use-industries';
import { useI18n } from '@/i18n/i18n';
import { industryName } from '@/i18n/industries';
import type { MessageKey } from '@/i18n/messages';
import { isOneOf, REGIONS } from '@/utils/enums';
import { POSTING_KIND_LABELS, POSTING_KINDS } from '@/utils/postings';

import { FACET_FIELDS, type FacetField, type SearchResult } from '../api/search-postings';
import type { SearchStateApi } from '../hooks/use-search-state';

const TRL_OPTIONS = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((level) => ({ value: level, label: `TRL ${level}` }));
const STATUSES = ['published', 'open', 'closed', 'awarded', 'in_progress', 'accepted', 'failed', 'cancelled', 'withdrawn', 'draft'] as const;
const FIELD_LABELS: Record<FacetField, MessageKey> = {
  kind: 'search.facet.kind',
  industry: 'search.facet.industry',
  region: 'search.facet.region',
  status: 'search.facet.status',
};

export interface FacetFiltersProps {
  search: SearchStateApi;
  /** The counts of the current result (absent while the first answer is loading). */
  facets: SearchResult['facets'] | undefined;
  /** For fields already filtered on: counts without that field's own filter (see useDisjunctiveFacets). */
  disjunctive: Partial<Record<FacetField, Record<string, number>>>;
}

interface FacetOption {
  value: string;
  label: string;
  /** undefined while the count is still being fetched. */
  count: number | undefined;
  checked: boolean;
}

/**
 * The search filters: each value of kind, industry chain, district and status with how many hits
 * it has, then the amount (万元) and TRL ranges. Everything lives in the URL (useSearchState).
 */
export function FacetFilters({ search, facets, disjunctive }: FacetFiltersProps) {
  const { t, locale } = useI18n();
  const { data: industries } = useIndustries();
  const { state, toggleFacet, setRange, clearFilters, activeFilters } = search;
  const industryNames = useMemo(() => new Map((industries ?? []).map((industry) => [industry.code, industryName(industry, locale)])), [industries, locale]);

  const labelOf = (field: FacetField, value: string): string => {
    if (field === 'kind' && isOneOf(POSTING_KINDS, value)) return t(POSTING_KIND_LABELS[value]);
    if (field === 'industry') return industryNames.get(value) ?? value;
    if (field === 'region' && isOneOf(REGIONS, value)) return t(`enum.region.${value}`);
    if (field === 'status' && isOneOf(STATUSES, value)) return t(`search.status.${value}`);
    return value;
  };

  const optionsOf = (field: FacetField): FacetOption[] => {
    const selected = state.facets[field];
    const filtered = selected.length > 0;
    const counts = filtered ? disjunctive[field] : facets?.[field];
    const values = new Set<string>([...(field === 'kind' ? POSTING_KINDS : []), ...Object.keys(counts ?? {}), ...selected]);
    const options = [...values].map((value) => {
      const checked = selected.includes(value);
      let count: number | undefined;
      if (counts) count = counts[value] ?? 0;
      // Until the extra answer arrives: the current result counts a ticked value exactly.
      else if (filtered && checked && facets) count = facets[field]?.[value] ?? 0;
      return { value, label: labelOf(field, value), count, checked };
    });
    if (field === 'kind') return options;
    return options.sort((a, b) => (b.count ?? 0) - (a.count ?? 0) || a.label.localeCompare(b.label, 'zh-CN'));
  };

  return (
    <Form layout="vertical" component="div" className="facet-filters" data-testid="facet-filters">
      {FACET_FIELDS.map((field) => {
        const options = optionsOf(field);
        const legendId = `search-facet-${field}`;
        return (
          <fieldset key={field} className="facet-group" aria-labelledby={legendId} data-testid={`facet-${field}`}>
            <legend id={legendId} className="facet-legend">
              {t(FIELD_LABELS[field])}
            </legend>
            {options.length === 0 ? (
              <Typography.Text type="secondary">{t('search.facet.none')}</Typography.Text>
            ) : (
              <ul className="facet-options">
                {options.map((option) => (
                  <li key={option.value}>
                    <Checkbox
                      checked={option.checked}
                      disabled={!option.checked && option.count === 0}
                      onChange={() => toggleFacet(field, option.value)}
                      data-testid={`facet-${field}-${option.value}`}
                    >
                      {option.label}
                      {option.count !== undefined ? <span className="facet-count">({option.count})</span> : null}
                    </Checkbox>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
        );
      })}
      <fieldset className="facet-group" aria-labelledby="search-range-amount">
        <legend id="search-range-amount" className="facet-legend">
          {t('search.range.amount')}
        </legend>
        <Row gutter={8}>
          <Col span={12}>
            <WanInput id="search-amount-min" label={t('search.range.amountMin')} value={state.amount_min} onCommit={(value) => setRange('amount_min', value)} />
          </Col>
          <Col span={12}>
            <WanInput id="search-amount-max" label={t('search.range.amountMax')} value={state.amount_max} onCommit={(value) => setRange('amount_max', value)} />
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" className="facet-hint">
          {t('search.range.amountHint')}
        </Typography.Paragraph>
      </fieldset>
      <fieldset className="facet-group" aria-labelledby="search-range-trl">
        <legend id="search-range-trl" className="facet-legend">
          {t('search.range.trl')}
        </legend>
        <Row gutter={8}>
          <Col span={12}>
            <Form.Item label={t('capabilities.filter.trlMin')} htmlFor="search-trl-min">
              <Select
                id="search-trl-min"
                allowClear
                placeholder={t('common.all')}
                value={state.trl_min}
                options={TRL_OPTIONS}
                onChange={(value?: number) => setRange('trl_min', value)}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('capabilities.filter.trlMax')} htmlFor="search-trl-max">
              <Select
                id="search-trl-max"
                allowClear
                placeholder={t('common.all')}
                value={state.trl_max}
                options={TRL_OPTIONS}
                onChange={(value?: number) => setRange('trl_max', value)}
              />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" className="facet-hint">
          {t('search.range.trlHint')}
        </Typography.Paragraph>
      </fieldset>
      {activeFilters > 0 ? (
        <Button icon={<ClearOutlined aria-hidden />} onClick={clearFilters} size="small">
          {t('common.clearFilters', { n: activeFilters })}
        </Button>
      ) : null}
    </Form>
  );
}
