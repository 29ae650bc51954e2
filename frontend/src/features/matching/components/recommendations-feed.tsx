import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { Link } from 'react-router';

import { HighlightedText } from '@/components/highlighted-text';
import { LinkButton } from '@/components/link-button';
import { PageHeader } from '@/components/page-header';
import { PostingCard } from '@/components/posting-card';
import { EmptyBlock, ErrorResult, LoadingBlock } from '@/components/query-states';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';
import { roleOf, type User } from '@/lib/auth';

import { useRecommendations } from '../api/get-recommendations';
import { MatchExplanation } from './match-explanation';
import { StrengthBadge } from './matches-section';

/**
 * "为我推荐": the challenges and needs that fit the organisation's published capabilities, each
 * with the capability that fits it best, the score and why.
 */
export function RecommendationsFeed({ user }: { user: User }) {
  const { t } = useI18n();
  useDocumentTitle(t('recommendations.title'));
  const role = roleOf(user);
  const { data, error, isPending, isFetching, refetch } = useRecommendations({ enabled: role.org !== null });

  let body;
  if (!role.org) body = <Alert type="info" showIcon message={t('recommendations.noOrganisation')} />;
  else if (isPending) body = <LoadingBlock cards={3} label={t('recommendations.loading')} />;
  else if (error) body = <ErrorResult error={error} onRetry={() => void refetch()} />;
  else if (data.length === 0) {
    body = (
      <EmptyBlock title={t('recommendations.empty')} hint={t('recommendations.emptyHint')}>
        {role.canPostListing ? (
          <LinkButton to="/capabilities/new" type="primary" icon={<PlusOutlined aria-hidden />}>
            {t('capabilities.create')}
          </LinkButton>
        ) : null}
      </EmptyBlock>
    );
  } else {
    body = (
      <ol className="match-list" data-testid="recommendations">
        {data.map((item, index) => (
          <li key={`${item.posting.kind}-${item.posting.id}`}>
            <PostingCard
              posting={item.posting}
              terms={item.explanation.shared_terms}
              testId="recommendation"
              aside={<StrengthBadge strength={item.strength} probability={item.probability} score={item.score} rank={index + 1} />}
            >
              <Flex vertical gap={8}>
                <div data-testid="recommendation-capability">
                  <Typography.Text type="secondary">{t('common.labelled', { label: t('recommendations.viaCapability') })}</Typography.Text>
                  <Link to={`/capabilities/${item.capability.id}`}>
                    <HighlightedText text={item.capability.title} terms={item.explanation.shared_terms} />
                  </Link>
                </div>
                <MatchExplanation
                  explanation={item.explanation}
                  indicatorsCaption={t('matches.indicators.caption', { title: item.posting.title })}
                />
              </Flex>
            </PostingCard>
          </li>
        ))}
      </ol>
    );
  }

  return (
    <>
      <PageHeader
        title={t('recommendations.title')}
        intro={role.org ? t('recommendations.intro', { name: role.org.name }) : undefined}
        extra={
          data ? (
            <Button icon={<ReloadOutlined aria-hidden />} loading={isFetching} onClick={() => void refetch()}>
              {t('recommendations.refresh')}
            </Button>
          ) : undefined
        }
      />
      {body}
    </>
  );
}
