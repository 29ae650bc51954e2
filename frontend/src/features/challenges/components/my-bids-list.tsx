import { App, Button, Card, Descriptions, Flex, Popconfirm, Space, Spin, Typography } from 'antd';
import { Link } from 'react-router';

import { LinkButton } from '@/components/link-button';
import { ListPagination } from '@/components/list-pagination';
import { PageHeader } from '@/components/page-header';
import { EmptyBlock, ErrorResult, LoadingBlock, useErrorMessage } from '@/components/query-states';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { PAGE_SIZE, useListParams } from '@/hooks/use-list-params';
import { useI18n } from '@/i18n/i18n';
import type { User } from '@/lib/auth';
import { formatAmount } from '@/utils/money';

import { useWithdrawMyBid } from '../api/bids';
import { useMyBids, type MyBid } from '../api/get-my-bids';
import { useAnswerPartnership, usePartnerInvitations, type PartnerDecision, type PartnerInvitation } from '../api/partner-invitations';
import { BidPartners, BidStatusTag, NotAwardedReason } from './bid-parts';
import { ChallengeStatusTag } from './challenge-tags';

const NO_FILTERS = [] as const;
const LIVE = new Set(['submitted', 'shortlisted']);

function MyBidCard({ bid, myOrganisationId }: { bid: MyBid; myOrganisationId: number | undefined }) {
  const { t, locale, formatMinute } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const withdraw = useWithdrawMyBid();
  const lead = bid.organisation.id === myOrganisationId;
  const status = bid.status ?? 'submitted';
  const titleId = `my-bid-${bid.id}-title`;
  return (
    <Card
      size="small"
      role="article"
      aria-labelledby={titleId}
      data-testid="my-bid"
      data-status={status}
      title={
        <Typography.Title level={2} id={titleId} style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>
          <Link to={`/challenges/${bid.challenge.id}`}>{bid.challenge.title}</Link>
        </Typography.Title>
      }
      extra={<BidStatusTag status={bid.status} />}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'role', label: t('myBids.role'), children: lead ? t('myBids.lead') : t('bids.asPartner', { name: bid.organisation.name }) },
          { key: 'challengeStatus', label: t('myBids.challengeStatus'), children: <ChallengeStatusTag status={bid.challenge.status} /> },
          { key: 'owner', label: t('challenges.field.organisation'), children: bid.challenge.organisation.name },
          { key: 'bounty', label: t('challenges.field.bounty'), children: <span className="amount">{formatAmount(bid.challenge.bounty, locale)}</span> },
          { key: 'price', label: t('bids.price'), children: <span className="amount">{formatAmount(bid.price, locale)}</span> },
          { key: 'duration', label: t('bids.duration'), children: t('bids.days', { days: bid.duration_days }) },
          { key: 'deadline', label: t('challenges.field.deadline'), children: formatMinute(bid.challenge.bid_deadline) },
          { key: 'submitted', label: t('bids.submittedAt'), children: formatMinute(bid.created_at) },
          { key: 'partners', label: t('bids.partners'), children: <BidPartners bid={bid} /> },
        ]}
      />
      <NotAwardedReason bid={bid} />
      {lead && LIVE.has(status) ? (
        <Popconfirm
          title={t('bids.withdrawConfirm')}
          okText={t('bids.withdraw')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            withdraw.mutateAsync({ challengeId: bid.challenge.id, bidId: bid.id }).then(
              () => void message.success(t('bids.withdrawn')),
              (error: unknown) => void message.error(describe(error)),
            )
          }
        >
          <Button danger size="small" loading={withdraw.isPending} style={{ marginTop: 8 }}>
            {t('bids.withdraw')}
          </Button>
        </Popconfirm>
      ) : null}
    </Card>
  );
}

/**
 * One consortium invitation: who leads, the role offered and the challenge's title when the viewer
 * may see the challenge anyway (the API sends nothing more before accepting), with 接受 and 拒绝.
 */
function InvitationCard({ invitation }: { invitation: PartnerInvitation }) {
  const { t, formatMinute } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const answer = useAnswerPartnership();
  const titleId = `invitation-${invitation.bid}-title`;
  const decide = (decision: PartnerDecision) =>
    answer.mutateAsync({ bidId: invitation.bid, decision }).then(
      () => void message.success(t(decision === 'accept' ? 'myBids.accepted' : 'myBids.declined')),
      (error: unknown) => void message.error(describe(error)),
    );
  const busy = (decision: PartnerDecision) => answer.isPending && answer.variables?.decision === decision;
  return (
    <Card
      size="small"
      role="article"
      aria-labelledby={titleId}
      data-testid="partner-invitation"
      title={
        <Typography.Title level={3} id={titleId} style={{ fontSize: 15, margin: 0, whiteSpace: 'normal' }}>
          {t('myBids.invitationFrom', { name: invitation.lead.name })}
        </Typography.Title>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            key: 'challenge',
            label: t('myBids.invitationChallenge'),
            children: invitation.challenge ? (
              <Link to={`/challenges/${invitation.challenge.id}`}>{invitation.challenge.title}</Link>
            ) : (
              <Typography.Text type="secondary">{t('myBids.invitationChallengeHidden')}</Typography.Text>
            ),
          },
          { key: 'role', label: t('myBids.invitationRole'), children: invitation.role || '—' },
          { key: 'at', label: t('myBids.invitationAt'), children: formatMinute(invitation.invited_at) },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Button type="primary" size="small" loading={busy('accept')} disabled={answer.isPending} onClick={() => void decide('accept')}>
          {t('myBids.accept')}
        </Button>
        <Popconfirm
          title={t('myBids.declineConfirm')}
          okText={t('myBids.decline')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => decide('decline')}
        >
          <Button danger size="small" loading={busy('decline')} disabled={answer.isPending}>
            {t('myBids.decline')}
          </Button>
        </Popconfirm>
      </Space>
    </Card>
  );
}

/** Invitations still to answer; nothing at all when there are none (or they cannot be loaded: the bids below still show). */
function PartnerInvitations() {
  const { t } = useI18n();
  const { data, error, isPending, refetch } = usePartnerInvitations();
  if (isPending) return <LoadingBlock rows={1} label={t('myBids.invitationsLoading')} />;
  if (error) return <ErrorResult error={error} onRetry={() => void refetch()} />;
  if (data.length === 0) return null;
  return (
    <section aria-labelledby="partner-invitations-title" data-testid="partner-invitations" style={{ marginBottom: 24 }}>
      <Typography.Title level={2} id="partner-invitations-title" style={{ fontSize: 18 }}>
        {t('myBids.invitations')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('myBids.invitationsIntro')}</Typography.Paragraph>
      <Flex vertical gap={12}>
        {data.map((invitation) => (
          <InvitationCard key={invitation.bid} invitation={invitation} />
        ))}
      </Flex>
    </section>
  );
}

/**
 * "我的揭榜": consortium invitations to answer, then every bid of the organisation (as lead or as a
 * partner that accepted), with withdraw for the live ones it leads and each partner's answer.
 */
export function MyBidsList({ user }: { user: User }) {
  const { t } = useI18n();
  useDocumentTitle(t('myBids.title'));
  const { page, setPage } = useListParams(NO_FILTERS);
  const { data, error, isPending, isFetching, isPlaceholderData, refetch } = useMyBids({ page, page_size: PAGE_SIZE });

  let body;
  if (isPending) body = <LoadingBlock cards={2} label={t('myBids.loading')} />;
  else if (error && !data) body = <ErrorResult error={error} onRetry={() => void refetch()} />;
  else if (data.results.length === 0) {
    body = (
      <EmptyBlock title={t('myBids.empty')} hint={t('myBids.emptyHint')}>
        <Space wrap>
          <LinkButton to="/challenges?status=published" type="primary">
            {t('home.cta.challenges')}
          </LinkButton>
        </Space>
      </EmptyBlock>
    );
  } else {
    body = (
      <>
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary" role="status">
            {t('myBids.count', { count: data.count })}
          </Typography.Text>
          {isFetching && isPlaceholderData ? <Spin size="small" /> : null}
        </Flex>
        <Flex vertical gap={12} data-testid="my-bids-list">
          {data.results.map((bid) => (
            <MyBidCard key={bid.id} bid={bid} myOrganisationId={user.organisation?.id} />
          ))}
        </Flex>
        <ListPagination page={page} total={data.count} onChange={setPage} />
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('myBids.title')} intro={t('myBids.intro')} />
      <PartnerInvitations />
      {body}
    </>
  );
}
