import { PlusOutlined } from '@ant-design/icons';
import { Alert, Flex, Spin, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, type HTMLAttributes } from 'react';
import { Link } from 'react-router';

import { LinkButton } from '@/components/link-button';
import { ListPagination } from '@/components/list-pagination';
import { PageHeader } from '@/components/page-header';
import { EmptyBlock, ErrorResult, LoadingBlock } from '@/components/query-states';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { PAGE_SIZE, useListParams } from '@/hooks/use-list-params';
import { useI18n } from '@/i18n/i18n';
import type { User } from '@/lib/auth';
import { isOneOf, REGIONS } from '@/utils/enums';

import { useDeals, type DealQuery, type DealSummary } from '../api/get-deals';
import { DEAL_FILTER_KEYS, DealFilters } from './deal-filters';
import { Amount, CONTRACT_TYPES, DEAL_ORIGINS, DEAL_STATUSES, DealStatusTag, PartyName } from './deal-tags';
import { isLedgerKeeper } from './keeper';

function useColumns(): ColumnsType<DealSummary> {
  const { t, formatDate } = useI18n();
  return [
    {
      key: 'contract',
      title: t('deals.field.title'),
      render: (_value, deal) => (
        <>
          <Link to={`/deals/${deal.id}`}>{deal.title}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {deal.contract_number}
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      key: 'parties',
      title: t('deals.field.parties'),
      render: (_value, deal) => (
        <>
          <div>
            {t('common.labelled', { label: t('deals.side.buyer') })}
            <PartyName party={deal.buyer} />
          </div>
          <div>
            {t('common.labelled', { label: t('deals.side.seller') })}
            <PartyName party={deal.seller} />
          </div>
        </>
      ),
    },
    { key: 'type', title: t('deals.field.contractType'), render: (_value, deal) => t(`enum.contractType.${deal.contract_type}`) },
    {
      key: 'technical',
      title: t('deals.field.technicalAmount'),
      align: 'right',
      render: (_value, deal) => <Amount value={deal.technical_amount} />,
    },
    { key: 'signed', title: t('deals.field.signedOn'), render: (_value, deal) => formatDate(deal.signed_on) },
    {
      key: 'registered',
      title: t('deals.field.registeredOn'),
      render: (_value, deal) =>
        deal.registered_on ? (
          <>
            {formatDate(deal.registered_on)}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {deal.registration_number}
              </Typography.Text>
            </div>
          </>
        ) : (
          <Typography.Text type="secondary">{t('deals.notRegistered')}</Typography.Text>
        ),
    },
    { key: 'status', title: t('deals.field.status'), render: (_value, deal) => <DealStatusTag status={deal.status} /> },
  ];
}

/** The contracts the viewer may see, filtered through the URL: the whole ledger for officials. */
export function DealList({ user }: { user: User }) {
  const { t } = useI18n();
  useDocumentTitle(t('deals.title'));
  const params = useListParams(DEAL_FILTER_KEYS);
  const { filters, page } = params;
  const keeper = isLedgerKeeper(user);
  const columns = useColumns();

  const query = useMemo<DealQuery>(() => {
    const year = Number.parseInt(filters.registered_year ?? '', 10);
    return {
      page,
      page_size: PAGE_SIZE,
      q: filters.q,
      // Values from the URL are checked against the schema's enums rather than trusted.
      status: isOneOf(DEAL_STATUSES, filters.status) ? filters.status : undefined,
      contract_type: isOneOf(CONTRACT_TYPES, filters.contract_type) ? filters.contract_type : undefined,
      origin: isOneOf(DEAL_ORIGINS, filters.origin) ? filters.origin : undefined,
      region: isOneOf(REGIONS, filters.region) ? filters.region : undefined,
      registered_year: Number.isInteger(year) ? year : undefined,
    };
  }, [filters, page]);
  const allowed = keeper || user.organisation !== null;
  const { data, error, isPending, isFetching, isPlaceholderData, refetch } = useDeals(query, { enabled: allowed });

  let body;
  if (!allowed) body = <Alert type="info" showIcon message={t('deals.intro.noOrg')} />;
  else if (isPending) body = <LoadingBlock cards={2} label={t('deals.loading')} />;
  else if (error && !data) body = <ErrorResult error={error} onRetry={() => void refetch()} />;
  else if (data.results.length === 0) {
    body = (
      <EmptyBlock
        title={t('deals.empty')}
        hint={params.activeCount > 0 ? t('common.emptyFiltered') : keeper ? undefined : t('deals.emptyHint.org')}
      >
        {params.activeCount > 0 ? (
          <Typography.Link onClick={params.reset}>{t('common.clearFilters', { n: params.activeCount })}</Typography.Link>
        ) : null}
      </EmptyBlock>
    );
  } else {
    body = (
      <>
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary" role="status" data-testid="deal-count">
            {t('deals.count', { count: data.count })}
          </Typography.Text>
          {isFetching && isPlaceholderData ? <Spin size="small" /> : null}
        </Flex>
        <section aria-label={t('deals.table.caption')} aria-busy={isFetching && isPlaceholderData}>
          <Table<DealSummary>
            rowKey="id"
            columns={columns}
            dataSource={data.results}
            pagination={false}
            size="middle"
            scroll={{ x: 960 }}
            onRow={(deal) => ({ 'data-testid': 'deal-row', 'data-deal-id': deal.id }) as HTMLAttributes<HTMLElement>}
          />
        </section>
        <ListPagination page={page} total={data.count} onChange={params.setPage} />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={t('deals.title')}
        intro={keeper ? t('deals.intro.keeper') : user.organisation ? t('deals.intro.org', { name: user.organisation.name }) : undefined}
        extra={
          keeper ? (
            <LinkButton to="/deals/new" type="primary" icon={<PlusOutlined aria-hidden />}>
              {t('deals.createOffline')}
            </LinkButton>
          ) : undefined
        }
      />
      {allowed ? <DealFilters params={params} /> : null}
      {body}
    </>
  );
}
