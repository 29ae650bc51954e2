import { Card, Col, Grid, Row, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';

import { PageHeader } from '@/components/page-header';
import { ErrorResult, LoadingBlock } from '@/components/query-states';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';
import { roleOf, useCurrentUser } from '@/lib/auth';

import { useChallenge, type Challenge } from '../api/get-challenge';
import { BidsSection } from './bids-section';
import { ChallengeFacts } from './challenge-facts';
import { ChallengeHistory } from './challenge-history';
import { ChallengeStatusTag, ConfidentialityTag, KeyProjectTag, LandmarkTag, ListTypeTag, ModeTag } from './challenge-tags';
import { ConfidentialityNotice } from './confidentiality-notice';
import { CountdownTag } from './countdown';
import { ExtendDeadlineAction } from './extend-deadline-action';
import { IndicatorsTable } from './indicators-table';
import { KeyProjectAction } from './key-project-action';
import { OwnerActions } from './owner-actions';
import { QuestionsSection } from './questions-section';

const cardTitle = (text: string) => <h2 className="card-title">{text}</h2>;

export interface ChallengeDetailProps {
  id: number;
  /**
   * Shown to the challenge's organisation and the operator only, under the bids: the route puts
   * the recommended capabilities here (features do not import each other).
   */
  ownerSection?: (challenge: Challenge) => ReactNode;
}

export function ChallengeDetail({ id, ownerSection }: ChallengeDetailProps) {
  const { t } = useI18n();
  const { data: challenge, error, isPending, refetch } = useChallenge(id);
  const { user } = useCurrentUser();
  // On a phone the sidebar would follow the description and the bid box: the key facts go first.
  const isPhone = Grid.useBreakpoint().lg === false;
  useDocumentTitle(challenge?.title ?? t('nav.challenges'));
  const back = { to: '/challenges', label: t('challenges.backToList') };

  if (isPending) return <LoadingBlock cards={2} rows={4} />;
  if (error) {
    return (
      <>
        <PageHeader title={t('nav.challenges')} back={back} />
        <ErrorResult error={error} onRetry={() => void refetch()} />
      </>
    );
  }

  const role = roleOf(user);
  const owner = role.owns(challenge.organisation.id);
  const facts = (
    <Card title={cardTitle(t('challenges.facts'))}>
      <ChallengeFacts challenge={challenge} />
    </Card>
  );
  return (
    <article data-testid="challenge-detail" data-challenge-id={challenge.id}>
      <PageHeader
        back={back}
        title={challenge.title}
        tags={
          <Space size={[0, 6]} wrap>
            <ChallengeStatusTag status={challenge.status} />
            <CountdownTag challenge={challenge} />
            <ModeTag mode={challenge.mode} maxWinners={challenge.max_winners} />
            <ListTypeTag listType={challenge.list_type} />
            <ConfidentialityTag confidentiality={challenge.confidentiality} />
            <KeyProjectTag keyProject={challenge.key_project} />
            <LandmarkTag landmark={challenge.landmark} />
          </Space>
        }
        extra={
          owner || role.isGovernment ? (
            <>
              {owner ? <OwnerActions challenge={challenge} /> : null}
              {owner ? <ExtendDeadlineAction challenge={challenge} /> : null}
              {role.isGovernment ? <KeyProjectAction challenge={challenge} /> : null}
            </>
          ) : undefined
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            {isPhone ? facts : null}
            <Card title={cardTitle(t('challenges.field.summary'))}>
              <Typography.Paragraph style={{ marginBottom: 0 }}>{challenge.summary}</Typography.Paragraph>
            </Card>
            {challenge.details_visible ? (
              <>
                <Card title={cardTitle(t('challenges.field.description'))}>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 0 }} data-testid="challenge-description">
                    {challenge.description}
                  </Typography.Paragraph>
                </Card>
                <Card title={cardTitle(t('challenges.field.indicators'))}>
                  <IndicatorsTable indicators={challenge.indicators ?? []} label={t('challenges.field.indicators')} />
                  {challenge.keywords && challenge.keywords.length > 0 ? (
                    <div style={{ marginTop: 12 }}>
                      <Typography.Text type="secondary">{t('common.labelled', { label: t('challenges.field.keywords') })}</Typography.Text>
                      {challenge.keywords.map((keyword) => (
                        <Tag key={keyword}>{keyword}</Tag>
                      ))}
                    </div>
                  ) : null}
                </Card>
              </>
            ) : (
              <ConfidentialityNotice challenge={challenge} user={user} />
            )}
            <BidsSection challenge={challenge} user={user} />
            {challenge.status !== 'draft' ? <QuestionsSection challenge={challenge} owner={owner} /> : null}
            {owner && ownerSection ? ownerSection(challenge) : null}
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            {isPhone ? null : facts}
            <Card title={cardTitle(t('challenges.history.title'))}>
              <ChallengeHistory challengeId={challenge.id} />
            </Card>
          </Space>
        </Col>
      </Row>
    </article>
  );
}
