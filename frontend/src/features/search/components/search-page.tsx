import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Col, Drawer, Flex, Grid, Row, Spin, Typography } from 'antd';
import { useState } from 'react';

import { PageHeader } from '@/components/page-header';
import { SortSelect } from '@/components/sort-select';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';

import { useDisjunctiveFacets, useSearch } from '../api/search-postings';
import { SEARCH_ORDERINGS, type SearchOrdering, useSearchState } from '../hooks/use-search-state';
import { FacetFilters } from './facet-filters';
import { SearchBox } from './search-box';
import { SearchResults } from './search-results';

/**
 * Hybrid search over challenges, needs and capabilities: free text (semantic + keyword), facet
 * filters with counts, amount and TRL ranges, an order (relevance by default), pages. All of it is in the URL. On a phone the
 * filters open in a drawer.
 */
const ORDERING_LABELS = {
  relevance: 'search.sort.relevance',
  newest: 'sort.newest',
  deadline: 'sort.deadline',
  '-amount': 'search.sort.amountDesc',
  amount: 'search.sort.amountAsc',
} as const satisfies Record<SearchOrdering, string>;

export function SearchPage() {
  const { t } = useI18n();
  const search = useSearchState();
  const { state, query } = search;
  const result = useSearch(query);
  const disjunctive = useDisjunctiveFacets(query);
  const isPhone = Grid.useBreakpoint().lg === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  useDocumentTitle(state.q ? t('search.titleFor', { q: state.q }) : t('nav.search'));
  const { data, isFetching, isPlaceholderData } = result;
  const filters = <FacetFilters search={search} facets={data?.facets} disjunctive={disjunctive} />;
  const closeDrawer = () => setDrawerOpen(false);

  return (
    <>
      <PageHeader title={t('nav.search')} intro={t('search.intro')} />
      <SearchBox q={state.q} onSearch={search.setText} />
      <Row gutter={[16, 16]}>
        {isPhone ? null : (
          <Col lg={7}>
            <Card size="small" title={<h2 className="card-title">{t('common.filters')}</h2>}>
              {filters}
            </Card>
          </Col>
        )}
        <Col xs={24} lg={17}>
          <SortSelect
            id="search-sort"
            value={state.ordering}
            onChange={search.setOrdering}
            options={SEARCH_ORDERINGS.map((value) => ({ value, label: t(ORDERING_LABELS[value]) }))}
          />
          <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary" role="status" data-testid="search-count">
              {data ? (state.q ? t('search.countFor', { count: data.count, q: state.q }) : t('search.count', { count: data.count })) : ''}
            </Typography.Text>
            <Flex align="center" gap={8}>
              {isFetching && isPlaceholderData ? <Spin size="small" /> : null}
              {isPhone ? (
                <Badge count={search.activeFilters} size="small">
                  <Button icon={<FilterOutlined aria-hidden />} onClick={() => setDrawerOpen(true)} aria-expanded={drawerOpen} aria-controls="search-filters-drawer">
                    {t('common.filters')}
                  </Button>
                </Badge>
              ) : null}
            </Flex>
          </Flex>
          <SearchResults search={search} result={result} />
        </Col>
      </Row>
      {isPhone ? (
        <Drawer
          id="search-filters-drawer"
          title={t('common.filters')}
          placement="right"
          width={320}
          open={drawerOpen}
          onClose={closeDrawer}
          footer={
            <Button type="primary" block onClick={closeDrawer}>
              {data ? t('search.showResults', { count: data.count }) : t('common.close')}
            </Button>
          }
        >
          {filters}
        </Drawer>
      ) : null}
    </>
  );
}
