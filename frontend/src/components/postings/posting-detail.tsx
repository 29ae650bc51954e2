import { Card, Col, Descriptions, Row, Space, Tag, Typography, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';

import { PageHeader } from '@/components/page-header';
import { ErrorResult, LoadingBlock } from '@/components/query-states';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';
import type { MessageKey } from '@/i18n/messages';
import { roleOf, useCurrentUser } from '@/lib/auth';
import { stringList } from '@/utils/enums';

import { PostingActions, type PostingAction, type PostingActionMutation } from './posting-actions';

/** What the detail page reads of a need or a capability. */
export interface PostingBase {
  title: string;
  description: string;
  keywords: unknown;
  organisation: { id: number };
}

/** The pages' own words and places. */
const KINDS = {
  need: { list: '/needs', listTitle: 'nav.needs', back: 'needs.backToList' },
  capability: { list: '/capabilities', listTitle: 'nav.capabilities', back: 'capabilities.backToList' },
} as const satisfies Record<string, { list: string; listTitle: MessageKey; back: MessageKey }>;

/** The props of NeedDetail and CapabilityDetail, which the routes render. */
export interface PostingPageProps<P> {
  id: number;
  /** Shown to the posting's organisation and the operator only (the route puts the matches here). */
  ownerSection?: (posting: P) => ReactNode;
}

export interface PostingDetailProps<P extends PostingBase, K extends string> extends Omit<PostingPageProps<P>, 'id'> {
  kind: keyof typeof KINDS;
  /** The posting's query (useNeed, useCapability). */
  query: { data?: P; error: unknown; isPending: boolean; refetch: () => unknown };
  /** The status and other tags under the title. */
  tags: (posting: P) => ReactNode;
  /** The state changes the posting's organisation may make now, and the mutation that makes them. */
  actions: (posting: P) => PostingAction<K>[];
  mutation: PostingActionMutation<K>;
  /** Cards under the description (a capability's team). */
  sections?: (posting: P) => ReactNode;
  facts: (posting: P) => DescriptionsProps['items'];
}

/** A need's or a capability's page: header with state actions, description and keywords, facts. */
export function PostingDetail<P extends PostingBase, K extends string>(props: PostingDetailProps<P, K>) {
  const { kind, query, tags, actions, mutation, sections, facts, ownerSection } = props;
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const { data: posting, error, isPending, refetch } = query;
  const listTitle = t(KINDS[kind].listTitle);
  const back = { to: KINDS[kind].list, label: t(KINDS[kind].back) };
  useDocumentTitle(posting?.title ?? listTitle);

  if (isPending) return <LoadingBlock cards={2} rows={4} />;
  if (error || !posting) {
    return (
      <>
        <PageHeader title={listTitle} back={back} />
        <ErrorResult error={error} onRetry={() => void refetch()} />
      </>
    );
  }

  const owner = roleOf(user).owns(posting.organisation.id);
  const keywords = stringList(posting.keywords);
  return (
    <article data-testid={`${kind}-detail`}>
      <PageHeader
        back={back}
        title={posting.title}
        tags={
          <Space size={[0, 6]} wrap>
            {tags(posting)}
          </Space>
        }
        extra={owner ? <PostingActions actions={actions(posting)} mutation={mutation} /> : undefined}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={<h2 className="card-title">{t('needs.field.description')}</h2>}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{posting.description}</Typography.Paragraph>
              {keywords.length > 0 ? (
                <div>
                  <Typography.Text type="secondary">{t('common.labelled', { label: t('challenges.field.keywords') })}</Typography.Text>
                  {keywords.map((keyword) => (
                    <Tag key={keyword}>{keyword}</Tag>
                  ))}
                </div>
              ) : null}
            </Card>
            {sections?.(posting)}
            {owner && ownerSection ? ownerSection(posting) : null}
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={<h2 className="card-title">{t('challenges.facts')}</h2>}>
            <Descriptions size="small" column={1} items={facts(posting)} />
          </Card>
        </Col>
      </Row>
    </article>
  );
}
