import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Col, Drawer, Flex, Grid, Input, Pagination, Row, Spin, Typography } from 'antd';
import { useState } from 'react';

import { PageHeader } from '@/components/page-header';
import { PostingCard } from '@/components/posting-card';
import { EmptyBlock, ErrorResult, LoadingBlock } from '@/components/query-states';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useDraft } from '@/hooks/use-draft';
import { useI18n } from '@/i18n/i18n';

import { useDisjunctiveFacets, useSearch } from '../api/search-postings';
import { MAX_PAGE, SEARCH_PAGE_SIZES, useSearchState } from '../hooks/use-search-state';
import { FacetFilters } from './facet-filters';

/** The words of the query, to mark in titles and snippets (Chinese runs stay whole). */
function queryTerms(q: string): string[] {
  return q.split(/[\s,，、;；]+/).filter((term) => term.length >= 1);
}

/**
 * Hybrid search over challenges, needs and capabilities: free text (semantic + keyword), facet
 * filters with counts, amount and TRL ranges, pages. All of it is in the URL.
 */
export function SearchPage() {
  const { t } = useI18n();
  const search = useSearchState();
  const { state, query } = search;
  const result = useSearch(query);
  const disjunctive = useDisjunctiveFacets(query);
  const screens = Grid.useBreakpoint();
  const isPhone = screens.lg === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [text, setText] = useDraft(state.q);
  useDocumentTitle(state.q ? t('search.titleFor', { q: state.q }) : t('nav.search'));

  const { data, error, isPending, isFetching, isPlaceholderData, refetch } = result;
  const terms = queryTerms(state.q);

  let body;
  if (isPending) body = <LoadingBlock cards={3} label={t('search.loading')} />;
  else if (error && !data) body = <ErrorResult error={error} onRetry={() => void refetch()} />;
  else if (data.results.length === 0) {
    body = (
      <EmptyBlock
        title={state.q ? t('search.emptyFor', { q: state.q }) : t('search.empty')}
        hint={search.activeFilters > 0 ? t('common.emptyFiltered') : t('search.emptyHint')}
      >
        {search.activeFilters > 0 ? (
          <Typography.Link onClick={search.clearFilters}>{t('common.clearFilters', { n: search.activeFilters })}</Typography.Link>
        ) : null}
      </EmptyBlock>
    );
  } else {
    body = (
      <>
        <Flex vertical gap={12} aria-busy={isFetching && isPlaceholderData} data-testid="search-results">
          {data.results.map((hit) => (
            <PostingCard key={`${hit.posting.kind}-${hit.posting.id}`} posting={hit.posting} terms={terms} testId="search-hit" />
          ))}
        </Flex>
        {data.count > state.pageSize || state.pageSize !== 20 ? (
          <nav aria-label={t('common.pagination')} style={{ display: 'flex', justifyContent: 'center', marginTop: 16 }}>
            <Pagination
              current={state.page}
              pageSize={state.pageSize}
              total={Math.min(data.count, MAX_PAGE * state.pageSize)}
              pageSizeOptions={SEARCH_PAGE_SIZES.map(String)}
              showSizeChanger
              showLessItems
              onChange={(page, pageSize) => {
                search.setPage(page, pageSize);
                window.scrollTo({ top: 0 });
              }}
            />
          </nav>
        ) : null}
      </>
    );
  }

  const filters = <FacetFilters search={search} facets={data?.facets} disjunctive={disjunctive} />;

  return (
    <>
      <PageHeader title={t('nav.search')} intro={t('search.intro')} />
      <form
        role="search"
        aria-label={t('search.landmark')}
        // Input.Search runs the search on Enter and on its button; the form is for the landmark.
        onSubmit={(event) => event.preventDefault()}
        style={{ marginBottom: 16 }}
      >
        <label htmlFor="search-q" className="sr-only">
          {t('search.label')}
        </label>
        <Input.Search
          id="search-q"
          size="large"
          value={text}
          maxLength={200}
          allowClear
          enterButton={t('search.submit')}
          placeholder={t('search.placeholder')}
          onChange={(event) => {
            setText(event.target.value);
            // Clearing the box (its ✕) shows everything again at once.
            if (event.target.value === '' && state.q) search.setText('');
          }}
          onSearch={(value) => search.setText(value)}
        />
      </form>
      <Row gutter={[16, 16]}>
        {isPhone ? null : (
          <Col lg={7}>
            <Card size="small" title={<h2 className="card-title">{t('common.filters')}</h2>}>
              {filters}
            </Card>
          </Col>
        )}
        <Col xs={24} lg={17}>
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
          {body}
        </Col>
      </Row>
      {isPhone ? (
        <Drawer
          id="search-filters-drawer"
          title={t('common.filters')}
          placement="right"
          width={320}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          footer={
            <Button type="primary" block onClick={() => setDrawerOpen(false)}>
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
