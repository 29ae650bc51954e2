import { ApartmentOutlined, BankOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Card, Flex, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

import { useI18n } from '@/i18n/i18n';
import { industryName } from '@/i18n/industries';
import { isOneOf, REGIONS } from '@/utils/enums';
import { formatAmount } from '@/utils/money';
import { POSTING_AMOUNT_LABELS, POSTING_KIND_LABELS, POSTING_KINDS, postingPath, postingStatusKey, type PostingSummary } from '@/utils/postings';

import { HighlightedText } from './highlighted-text';

const KIND_COLORS = { challenge: 'volcano', need: 'blue', capability: 'green' } as const;
const LIVE_STATUSES = new Set(['published', 'open']);

export function PostingKindTag({ kind }: { kind: string }) {
  const { t } = useI18n();
  if (!isOneOf(POSTING_KINDS, kind)) return <Tag>{kind}</Tag>;
  return (
    <Tag color={KIND_COLORS[kind]} data-testid="posting-kind" data-kind={kind}>
      {t(POSTING_KIND_LABELS[kind])}
    </Tag>
  );
}

export interface PostingCardProps {
  posting: PostingSummary;
  /** Terms to mark in the title and snippet (shared terms of a match, the search words). */
  terms?: readonly string[];
  headingLevel?: 2 | 3 | 4;
  /** Shown on the right (on a phone: under the title), e.g. the match score. */
  aside?: ReactNode;
  /** Shown under the snippet, e.g. why it matches. */
  children?: ReactNode;
  testId?: string;
}

/**
 * One challenge, need or capability in a list of search hits, matches or recommendations:
 * what it is, who offers it, where, how much, linked to its page.
 */
export function PostingCard({ posting, terms = [], headingLevel = 2, aside, children, testId = 'posting-card' }: PostingCardProps) {
  const { t, locale, formatDate } = useI18n();
  const titleId = `${testId}-${posting.kind}-${posting.id}-title`;
  const path = postingPath(posting.kind, posting.id);
  const statusKey = postingStatusKey(posting.kind, posting.status);
  const kind = isOneOf(POSTING_KINDS, posting.kind) ? posting.kind : null;
  const title = <HighlightedText text={posting.title} terms={terms} />;
  return (
    <Card
      size="small"
      className="listing-card"
      role="article"
      aria-labelledby={titleId}
      data-testid={testId}
      data-kind={posting.kind}
      data-id={posting.id}
    >
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <div style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Typography.Title level={headingLevel} id={titleId} style={{ fontSize: 17, margin: 0 }}>
            {path ? <Link to={path}>{title}</Link> : title}
          </Typography.Title>
          <Space size={[0, 6]} wrap style={{ marginTop: 8 }}>
            <PostingKindTag kind={posting.kind} />
            {statusKey ? <Tag color={LIVE_STATUSES.has(posting.status) ? 'processing' : 'default'}>{t(statusKey)}</Tag> : null}
          </Space>
        </div>
        {aside ? <div className="posting-aside">{aside}</div> : null}
      </Flex>
      {posting.snippet ? (
        <Typography.Paragraph style={{ margin: '10px 0' }} data-testid="posting-snippet">
          <HighlightedText text={posting.snippet} terms={terms} />
        </Typography.Paragraph>
      ) : null}
      <Flex wrap gap="4px 16px" className="listing-meta">
        <span>
          <BankOutlined aria-hidden /> {posting.organisation.name}
        </span>
        <span>
          <EnvironmentOutlined aria-hidden />{' '}
          {isOneOf(REGIONS, posting.organisation.region) ? t(`enum.region.${posting.organisation.region}`) : posting.organisation.region}
        </span>
        <span>
          <ApartmentOutlined aria-hidden /> {industryName({ code: posting.industry, name: posting.industry_name }, locale)}
        </span>
        {kind && posting.amount ? (
          <span>
            {t('common.labelled', { label: t(POSTING_AMOUNT_LABELS[kind]) })}
            <strong className="amount-inline">{formatAmount(posting.amount, locale)}</strong>
          </span>
        ) : null}
        {posting.trl ? (
          <span data-testid="posting-trl">
            {t('common.labelled', { label: t('capabilities.field.trl') })}TRL {posting.trl}
          </span>
        ) : null}
        {posting.deadline ? (
          <span data-testid="posting-deadline">
            {t('common.labelled', { label: t('challenges.field.deadline') })}
            {formatDate(posting.deadline)}
          </span>
        ) : null}
      </Flex>
      {children}
    </Card>
  );
}
