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
import { COOPERATION_TYPES, isOneOf, NEED_STATUSES, REGIONS } from '@/utils/enums';

import { useNeeds, type NeedQuery } from '../api/get-needs';
import { NeedCard } from './need-card';

const KEYS = ['industry', 'status', 'cooperation_type', 'region'] as const;
const ORDERINGS = ['newest', '-amount'] as const;

export function NeedList() {
  const { t } = useI18n();
  useDocumentTitle(t('nav.needs'));
  const params = useListParams(KEYS);
  const { filters, page } = params;
  const { user } = useCurrentUser();
  const [ordering, setOrdering] = useOrdering(ORDERINGS);
  const query = useMemo<NeedQuery>(
    () => ({
      page,
      page_size: PAGE_SIZE,
      industry: filters.industry,
      status: isOneOf(NEED_STATUSES, filters.status) ? filters.status : undefined,
      cooperation_type: isOneOf(COOPERATION_TYPES, filters.cooperation_type) ? filters.cooperation_type : undefined,
      region: filters.region,
      ordering,
    }),
    [filters, page, ordering],
  );
  const needs = useNeeds(query);

  return (
    <>
      <PageHeader
        title={t('nav.needs')}
        intro={t('needs.intro')}
        extra={
          roleOf(user).canPostListing ? (
            <LinkButton to="/needs/new" type="primary" icon={<PlusOutlined aria-hidden />}>
              {t('needs.create')}
            </LinkButton>
          ) : undefined
        }
      />
      <SelectFilters
        idPrefix="need"
        params={params}
        fields={[
          { key: 'industry', label: t('challenges.filter.industry') },
          { key: 'status', label: t('challenges.field.status'), options: NEED_STATUSES.map((value) => ({ value, label: t(`enum.needStatus.${value}`) })) },
          {
            key: 'cooperation_type',
            label: t('needs.field.cooperationType'),
            options: COOPERATION_TYPES.map((value) => ({ value, label: t(`enum.cooperationType.${value}`) })),
          },
          { key: 'region', label: t('challenges.filter.region'), options: REGIONS.map((value) => ({ value, label: t(`enum.region.${value}`) })) },
        ]}
      />
      <SortSelect
        id="need-sort"
        value={ordering}
        onChange={setOrdering}
        options={[
          { value: 'newest', label: t('sort.newest') },
          { value: '-amount', label: t('sort.budget') },
        ]}
      />
      <ListingList
        query={needs}
        page={page}
        onPage={params.setPage}
        activeFilters={params.activeCount}
        onClearFilters={params.reset}
        countLabel={(count) => t('needs.count', { count })}
        emptyLabel={t('needs.empty')}
        renderItem={(need) => <NeedCard key={need.id} need={need} />}
      />
    </>
  );
}
