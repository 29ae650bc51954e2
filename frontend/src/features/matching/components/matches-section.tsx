import { HourglassOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, List, Result, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';

import { PostingCard } from '@/components/posting-card';
import { EmptyBlock, ErrorResult, LoadingBlock, useErrorMessage } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';
import { isApiError } from '@/lib/api-error';
import type { PostingKind } from '@/utils/postings';

import { INDEX_PENDING_RETRY_MS, isIndexPending, useMatches, type InstituteMatch, type Match, type Strength } from '../api/get-matches';
import { useInviteToChallenge } from '../api/invite';
import { formatScore, MatchExplanation } from './match-explanation';

/** Matches shown before "show all", and those whose indicator table starts open. */
const FIRST_SHOWN = 5;
const TABLES_OPEN = 3;

const TITLES = {
  challenge: 'matches.title.capabilities',
  need: 'matches.title.capabilities',
  capability: 'matches.title.postings',
} as const;

/**
 * Percent of a calibrated probability, for reading (never more precise than the data): at most 95,
 * as the server's reason says (matching/calibrate.py SHOWN_MAX_PERCENT) — a logistic fit over 115
 * labelled queries cannot support "about 100%".
 */
const percent = (probability: number) => Math.min(95, Math.round(probability * 100));

/**
 * The calibrated strength beside each match (强匹配 / 可能相关), never a raw cosine: the
 * probability, why, and the raw similarity stay in the tooltip for whoever wants them.
 */
export function StrengthBadge({ strength, probability, score, rank }: { strength: Strength; probability: number; score: number; rank?: number }) {
  const { t } = useI18n();
  const p = percent(probability);
  const label = t(strength === 'strong' ? 'matches.strength.strong' : 'matches.strength.possible');
  return (
    <Tooltip
      title={
        <span data-testid="match-strength-detail">
          {t(strength === 'strong' ? 'matches.strength.why.strong' : 'matches.strength.why.possible', { p })}
          <br />
          {t('matches.strength.raw', { score: formatScore(score) })}
        </span>
      }
    >
      <div className="score-badge" data-testid="match-strength" data-strength={strength} tabIndex={0}>
        {rank !== undefined ? <div className="score-rank">{t('matches.rank', { n: rank })}</div> : null}
        <Tag color={strength === 'strong' ? 'green' : 'gold'} bordered={false} style={{ marginInlineEnd: 0 }}>
          {label}
        </Tag>
        <div className="score-caption">{t('matches.strength.probability', { p })}</div>
      </div>
    </Tooltip>
  );
}

/** 邀请揭榜 for one recommended organisation; refused plainly when it was invited before. */
function InviteButton({ challengeId, organisation }: { challengeId: number; organisation: InstituteMatch['organisation'] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const invite = useInviteToChallenge(challengeId);
  const [sent, setSent] = useState(false);
  return (
    <Button
      size="small"
      disabled={sent}
      loading={invite.isPending}
      data-testid="invite-to-bid"
      onClick={() =>
        invite.mutate(organisation.id, {
          onSuccess: () => {
            setSent(true);
            void message.success(t('matches.invite.done', { organisation: organisation.name }));
          },
          onError: (error) => void message.error(describe(error)),
        })
      }
    >
      {t(sent ? 'matches.invite.sent' : 'matches.invite')}
    </Button>
  );
}

/** The organisations behind the matched capabilities, best first, each with its matching capabilities. */
function InstitutesList({ institutes, results, inviteTo }: { institutes: InstituteMatch[]; results: Match[]; inviteTo?: number }) {
  const { t } = useI18n();
  const titles = new Map(results.map((match) => [match.posting.id, match.posting.title]));
  return (
    <section aria-labelledby="match-institutes-title" data-testid="match-institutes">
      <Typography.Title level={3} id="match-institutes-title" style={{ fontSize: 16 }}>
        {t('matches.institutes')}
      </Typography.Title>
      <List
        size="small"
        bordered
        dataSource={institutes}
        renderItem={(institute) => (
          <List.Item
            key={institute.organisation.id}
            extra={
              <Space>
                <span className="score-inline" title={t('matches.institutes.best')} data-testid="institute-strength">
                  <span className="sr-only">{t('common.labelled', { label: t('matches.institutes.best') })}</span>
                  <Tag color={institute.strength === 'strong' ? 'green' : 'gold'} bordered={false}>
                    {t(institute.strength === 'strong' ? 'matches.strength.strong' : 'matches.strength.possible')}
                  </Tag>
                </span>
                {inviteTo !== undefined ? <InviteButton challengeId={inviteTo} organisation={institute.organisation} /> : null}
              </Space>
            }
          >
            <List.Item.Meta
              title={institute.organisation.name}
              description={
                <span>
                  {t('matches.institutes.capabilities', { n: institute.capabilities.length })}
                  {institute.capabilities.map((id, index) => (
                    <span key={id}>
                      {index > 0 ? '、' : ''}
                      <Link to={`/capabilities/${id}`}>{titles.get(id) ?? `#${id}`}</Link>
                    </span>
                  ))}
                </span>
              }
            />
          </List.Item>
        )}
      />
    </section>
  );
}

/**
 * "推荐的能力与机构" on a challenge or need, "适合的榜单与需求" on a capability: the ranked matches
 * with why each one matches. Only the posting's organisation (and the operator) may ask; the
 * caller shows this section to them only. With `invite` (a challenge's owner while bidding is open)
 * each recommended organisation gets 邀请揭榜.
 */
export function MatchesSection({ kind, id, invite = false }: { kind: PostingKind; id: number; invite?: boolean }) {
  const { t } = useI18n();
  const { data, error, isPending, isFetching, refetch } = useMatches(kind, id);
  const [showAll, setShowAll] = useState(false);
  const title = t(TITLES[kind]);
  const headingId = `matches-${kind}-${id}-title`;

  let body;
  if (isPending) body = <LoadingBlock rows={3} cards={2} label={t('matches.loading')} />;
  else if (isIndexPending(error)) {
    body = (
      <div data-testid="matches-index-pending">
        <Result
          icon={<HourglassOutlined aria-hidden />}
          title={<span role="status">{t('matches.indexPending.title')}</span>}
          subTitle={t('matches.indexPending.body', { seconds: INDEX_PENDING_RETRY_MS / 1000 })}
          extra={
            <Button icon={<ReloadOutlined aria-hidden />} loading={isFetching} onClick={() => void refetch()}>
              {t('matches.indexPending.retry')}
            </Button>
          }
        />
      </div>
    );
  } else if (error) {
    body =
      isApiError(error) && error.status === 403 ? (
        <Alert type="info" showIcon message={error.detail || t('matches.forbidden')} />
      ) : (
        <ErrorResult error={error} onRetry={() => void refetch()} />
      );
  } else if (data.results.length === 0) {
    body = <EmptyBlock title={t(kind === 'capability' ? 'matches.empty.postings' : 'matches.empty.capabilities')} hint={t('matches.empty.hint')} />;
  } else {
    body = (
      <Flex vertical gap={16}>
        {data.institutes.length > 0 ? <InstitutesList institutes={data.institutes} results={data.results} inviteTo={invite && kind === 'challenge' ? id : undefined} /> : null}
        <div>
          {data.institutes.length > 0 ? (
            <Typography.Title level={3} style={{ fontSize: 16 }}>
              {t('matches.capabilities')}
            </Typography.Title>
          ) : null}
          <ol className="match-list" data-testid="match-list">
            {(showAll ? data.results : data.results.slice(0, FIRST_SHOWN)).map((match, index) => (
              <li key={`${match.posting.kind}-${match.posting.id}`}>
                <PostingCard
                  posting={match.posting}
                  terms={match.explanation.shared_terms}
                  headingLevel={data.institutes.length > 0 ? 4 : 3}
                  testId="match-card"
                  aside={<StrengthBadge strength={match.strength} probability={match.probability} score={match.score} rank={index + 1} />}
                >
                  <MatchExplanation
                    explanation={match.explanation}
                    indicatorsCaption={t('matches.indicators.caption', { title: match.posting.title })}
                    collapsed={index >= TABLES_OPEN}
                  />
                </PostingCard>
              </li>
            ))}
          </ol>
          {!showAll && data.results.length > FIRST_SHOWN ? (
            <Button block style={{ marginTop: 12 }} onClick={() => setShowAll(true)}>
              {t('matches.showAll', { n: data.results.length })}
            </Button>
          ) : null}
        </div>
      </Flex>
    );
  }

  return (
    <Card
      title={
        <h2 className="card-title" id={headingId}>
          {title}
        </h2>
      }
      extra={
        data && !error ? (
          <Button type="text" size="small" icon={<ReloadOutlined aria-hidden />} loading={isFetching} onClick={() => void refetch()} aria-label={t('matches.refresh')} />
        ) : undefined
      }
      data-testid="matches-section"
      aria-labelledby={headingId}
      role="region"
    >
      <Typography.Paragraph type="secondary">{t(kind === 'capability' ? 'matches.intro.postings' : 'matches.intro.capabilities')}</Typography.Paragraph>
      {body}
    </Card>
  );
}

