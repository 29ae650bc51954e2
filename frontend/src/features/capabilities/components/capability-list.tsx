import { PlusOutlined } from '@ant-design/icons';
import { useMemo } from 'react';

import { LinkButton } from '@/components/link-button';
import { ListingList } from '@/components/listing-list';
import { PageHeader } from '@/components/page-header';
import { SelectFilters } from '@/components/select-filters';
import { SortSelect, useOrdering } from '@/components/sort-select';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { PAGE_SIZE, useListParams } from '@/hooks/use-list-params';
import { useI18n } from '@/i18n/i18n';
import { roleOf, useCurrentUser } from '@/lib/auth';
import { CAPABILITY_KINDS, CAPABILITY_STATUSES, isOneOf, REGIONS } from '@/utils/enums';

import { useCapabilities, type CapabilityQuery } from '../api/get-capabilities';
import { CapabilityCard } from './capability-card';
import { TRL_LEVELS } from './capability-tags';

const KEYS = ['industry', 'kind', 'status', 'region', 'trl_min', 'trl_max'] as const;
const ORDERINGS = ['newest', '-amount'] as const;

function trl(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 9 ? n : undefined;
}

export function CapabilityList() {
  const { t } = useI18n();
  useDocumentTitle(t('nav.capabilities'));
  const params = useListParams(KEYS);
  const { filters, page } = params;
  const { user } = useCurrentUser();
  const [ordering, setOrdering] = useOrdering(ORDERINGS);
  const query = useMemo<CapabilityQuery>(
    () => ({
      page,
      page_size: PAGE_SIZE,
      industry: filters.industry,
      kind: isOneOf(CAPABILITY_KINDS, filters.kind) ? filters.kind : undefined,
      status: isOneOf(CAPABILITY_STATUSES, filters.status) ? filters.status : undefined,
      region: filters.region,
      trl_min: trl(filters.trl_min),
      trl_max: trl(filters.trl_max),
      ordering,
    }),
    [filters, page, ordering],
  );
  const capabilities = useCapabilities(query);
  const trlOptions = TRL_LEVELS.map((level) => ({ value: String(level), label: `TRL ${level}` }));

  return (
    <>
      <PageHeader
        title={t('nav.capabilities')}
        intro={t('capabilities.intro')}
        extra={
          roleOf(user).canPostListing ? (
            <LinkButton to="/capabilities/new" type="primary" icon={<PlusOutlined aria-hidden />}>
              {t('capabilities.create')}
            </LinkButton>
          ) : undefined
        }
      />
      <SelectFilters
        idPrefix="capability"
        params={params}
        fields={[
          { key: 'industry', label: t('challenges.filter.industry') },
          { key: 'kind', label: t('capabilities.field.kind'), options: CAPABILITY_KINDS.map((value) => ({ value, label: t(`enum.capabilityKind.${value}`) })) },
          {
            key: 'status',
            label: t('challenges.field.status'),
            options: CAPABILITY_STATUSES.map((value) => ({ value, label: t(`enum.capabilityStatus.${value}`) })),
          },
          { key: 'region', label: t('challenges.filter.region'), options: REGIONS.map((value) => ({ value, label: t(`enum.region.${value}`) })) },
          { key: 'trl_min', label: t('capabilities.filter.trlMin'), options: trlOptions },
          { key: 'trl_max', label: t('capabilities.filter.trlMax'), options: trlOptions },
        ]}
      />
      <SortSelect
        id="capability-sort"
        value={ordering}
        onChange={setOrdering}
        options={[
          { value: 'newest', label: t('sort.newest') },
          { value: '-amount', label: t('sort.price') },
        ]}
      />
      <ListingList
        query={capabilities}
        page={page}
        onPage={params.setPage}
        activeFilters={params.activeCount}
        onClearFilters={params.reset}
        countLabel={(count) => t('capabilities.count', { count })}
        emptyLabel={t('capabilities.empty')}
        renderItem={(capability) => <CapabilityCard key={capability.id} capability={capability} />}
      />
    </>
  );
}
