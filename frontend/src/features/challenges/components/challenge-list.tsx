import { PlusOutlined } from '@ant-design/icons';
import { Flex, Spin, Typography } from 'antd';
import { useMemo } from 'react';

import { LinkButton } from '@/components/link-button';
import { ListPagination } from '@/components/list-pagination';
import { PageHeader } from '@/components/page-header';
import { EmptyBlock, ErrorResult, LoadingBlock } from '@/components/query-states';
import { SortSelect, useOrdering } from '@/components/sort-select';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { PAGE_SIZE, useListParams } from '@/hooks/use-list-params';
import { useI18n } from '@/i18n/i18n';
import { roleOf, useCurrentUser } from '@/lib/auth';
import { CHALLENGE_STATUSES, isOneOf, LIST_TYPES, MODES } from '@/utils/enums';

import { useChallenges, type ChallengeQuery } from '../api/get-challenges';
import { ChallengeCard } from './challenge-card';
import { CHALLENGE_FILTER_KEYS, ChallengeFilters } from './challenge-filters';

const ORDERINGS = ['deadline', '-bounty', 'newest'] as const;

export function ChallengeList() {
  const { t } = useI18n();
  useDocumentTitle(t('nav.challenges'));
  const params = useListParams(CHALLENGE_FILTER_KEYS);
  const { filters, page } = params;
  const { user } = useCurrentUser();
  const [ordering, setOrdering] = useOrdering(ORDERINGS);

  const query = useMemo<ChallengeQuery>(
    () => ({
      page,
      page_size: PAGE_SIZE,
      industry: filters.industry,
      // Values from the URL are checked against the schema's enums rather than trusted.
      status: isOneOf(CHALLENGE_STATUSES, filters.status) ? filters.status : undefined,
      mode: isOneOf(MODES, filters.mode) ? filters.mode : undefined,
      list_type: isOneOf(LIST_TYPES, filters.list_type) ? filters.list_type : undefined,
      region: filters.region,
      // The schema types these as numbers; a decimal string of yuan survives Number() and back
      // unchanged at these magnitudes, and nothing is computed with it here.
      bounty_min: filters.bounty_min ? Number(filters.bounty_min) : undefined,
      bounty_max: filters.bounty_max ? Number(filters.bounty_max) : undefined,
      ordering,
    }),
    [filters, page, ordering],
  );
  const { data, error, isPending, isFetching, isPlaceholderData, refetch } = useChallenges(query);

  let body;
  if (isPending) body = <LoadingBlock cards={3} label={t('challenges.loading')} />;
  else if (error && !data) body = <ErrorResult error={error} onRetry={() => void refetch()} />;
  else if (data.results.length === 0) {
    body = (
      <EmptyBlock title={t('challenges.empty')} hint={params.activeCount > 0 ? t('common.emptyFiltered') : undefined}>
        {params.activeCount > 0 ? (
          <Typography.Link onClick={params.reset}>{t('common.clearFilters', { n: params.activeCount })}</Typography.Link>
        ) : null}
      </EmptyBlock>
    );
  } else {
    body = (
      <>
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary" role="status">
            {t('challenges.count', { count: data.count })}
          </Typography.Text>
          {isFetching && isPlaceholderData ? <Spin size="small" /> : null}
        </Flex>
        <Flex vertical gap={12} aria-busy={isFetching && isPlaceholderData}>
          {data.results.map((challenge) => (
            <ChallengeCard key={challenge.id} challenge={challenge} />
          ))}
        </Flex>
        <ListPagination page={page} total={data.count} onChange={params.setPage} />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={t('nav.challenges')}
        intro={t('challenges.intro')}
        extra={
          roleOf(user).canPostChallenge ? (
            <LinkButton to="/challenges/new" type="primary" icon={<PlusOutlined aria-hidden />}>
              {t('challenges.create')}
            </LinkButton>
          ) : undefined
        }
      />
      <ChallengeFilters params={params} />
      <SortSelect
        id="challenge-sort"
        value={ordering}
        onChange={setOrdering}
        options={[
          { value: 'deadline', label: t('sort.deadline') },
          { value: '-bounty', label: t('sort.bounty') },
          { value: 'newest', label: t('sort.newest') },
        ]}
      />
      {body}
    </>
  );
}
