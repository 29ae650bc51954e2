import { ClearOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Row, Select } from 'antd';

import { IndustrySelect } from '@/components/industry-select';
import { WanInput } from '@/components/wan-input';
import type { ListParams } from '@/hooks/use-list-params';
import { useI18n } from '@/i18n/i18n';
import { CHALLENGE_STATUSES, LIST_TYPES, MODES, REGIONS } from '@/utils/enums';

export const CHALLENGE_FILTER_KEYS = ['industry', 'status', 'mode', 'list_type', 'region', 'bounty_min', 'bounty_max'] as const;
export type ChallengeFilterKey = (typeof CHALLENGE_FILTER_KEYS)[number];

export function ChallengeFilters({ params }: { params: ListParams<ChallengeFilterKey> }) {
  const { t } = useI18n();
  const { filters, setFilters, reset, activeCount } = params;
  const select = (key: ChallengeFilterKey) => ({
    value: filters[key],
    allowClear: true,
    placeholder: t('common.all'),
    onChange: (value: string | undefined) => setFilters({ [key]: value } as Partial<Record<ChallengeFilterKey, string>>),
  });

  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form layout="vertical" component="div" role="search" aria-label={t('common.filters')} className="filter-form">
        <Row gutter={[12, 0]}>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item label={t('challenges.filter.industry')} htmlFor="challenge-filter-industry">
              <IndustrySelect id="challenge-filter-industry" {...select('industry')} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6} lg={3}>
            <Form.Item label={t('challenges.field.status')} htmlFor="challenge-filter-status">
              <Select
                id="challenge-filter-status"
                {...select('status')}
                options={CHALLENGE_STATUSES.map((value) => ({ value, label: t(`enum.challengeStatus.${value}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6} lg={3}>
            <Form.Item label={t('challenges.field.mode')} htmlFor="challenge-filter-mode">
              <Select id="challenge-filter-mode" {...select('mode')} options={MODES.map((value) => ({ value, label: t(`enum.mode.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6} lg={3}>
            <Form.Item label={t('challenges.field.listType')} htmlFor="challenge-filter-list-type">
              <Select
                id="challenge-filter-list-type"
                {...select('list_type')}
                options={LIST_TYPES.map((value) => ({ value, label: t(`enum.listType.${value}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6} lg={3}>
            <Form.Item label={t('challenges.filter.region')} htmlFor="challenge-filter-region">
              <Select
                id="challenge-filter-region"
                {...select('region')}
                options={REGIONS.map((value) => ({ value, label: t(`enum.region.${value}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6} lg={3}>
            <WanInput
              id="challenge-filter-bounty-min"
              label={t('challenges.filter.bountyMin')}
              value={filters.bounty_min}
              onCommit={(bounty_min) => setFilters({ bounty_min })}
            />
          </Col>
          <Col xs={12} sm={6} lg={3}>
            <WanInput
              id="challenge-filter-bounty-max"
              label={t('challenges.filter.bountyMax')}
              value={filters.bounty_max}
              onCommit={(bounty_max) => setFilters({ bounty_max })}
            />
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
