import { FormOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { useLocation } from 'react-router';

import { LinkButton } from '@/components/link-button';
import { ErrorResult, LoadingBlock } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';
import { roleOf, type User } from '@/lib/auth';

import { useBids } from '../api/bids';
import { biddingClosed, type Challenge } from '../api/get-challenge';
import { BidForm } from './bid-form';
import { BidsComparison } from './bids-comparison';
import { MyBids } from './my-bids';

/** Bids as the viewer may see them: all of them for the owner, one's own (and a form) for a bidder. */
export function BidsSection({ challenge, user }: { challenge: Challenge; user: User | null }) {
  const { t } = useI18n();
  const location = useLocation();
  const role = roleOf(user);
  const owner = role.owns(challenge.organisation.id);
  const bidder = Boolean(user && role.org && !owner && !role.isGovernment && role.org.kind !== 'operator');
  const bids = useBids(challenge.id, { enabled: bidder });
  const [formOpen, setFormOpen] = useState(false);
  const open = challenge.status === 'published' && !biddingClosed(challenge);

  if (owner) {
    return (
      <Card title={<h2 className="card-title">{t('bids.title')}</h2>} data-testid="bids-section">
        <BidsComparison challenge={challenge} />
      </Card>
    );
  }

  if (!user) {
    if (!open) return null;
    return (
      <Card title={<h2 className="card-title">{t('bids.title')}</h2>} data-testid="bids-section">
        <Typography.Paragraph>{t('bidForm.loginToBid')}</Typography.Paragraph>
        <LinkButton type="primary" to={`/login?next=${encodeURIComponent(location.pathname)}`}>
          {t('auth.login.submit')}
        </LinkButton>
      </Card>
    );
  }
  if (!bidder || !role.org) return null;

  let body;
  if (bids.isPending) body = <LoadingBlock rows={2} />;
  else if (bids.error) body = <ErrorResult error={bids.error} onRetry={() => void bids.refetch()} />;
  else {
    const mine = bids.data;
    const hasLiveBid = mine.some(
      (bid) => bid.organisation.id === role.org?.id && (bid.status === 'submitted' || bid.status === 'shortlisted' || bid.status === 'awarded'),
    );
    let invitation = null;
    if (open && !hasLiveBid) {
      if (!role.verified) invitation = <Alert type="warning" showIcon message={t('bidForm.unverified')} />;
      else if (!challenge.details_visible) invitation = <Alert type="info" showIcon message={t('bidForm.acceptTermsFirst')} />;
      // The server's rule (viewer.can_bid) also counts consortium invitations: an organisation takes
      // part in one bid per challenge, so a named partner bids alone only after declining.
      else if (challenge.viewer?.can_bid === false)
        invitation = (
          <Alert
            type="info"
            showIcon
            data-testid="in-consortium"
            message={t('bidForm.inConsortium')}
            action={<LinkButton to="/my-bids" size="small">{t('myBids.title')}</LinkButton>}
          />
        );
      else if (formOpen)
        invitation = (
          <Card type="inner" title={t('bidForm.title')}>
            <BidForm challengeId={challenge.id} myOrganisationId={role.org.id} ownerOrganisationId={challenge.organisation.id} onDone={() => setFormOpen(false)} />
          </Card>
        );
      else
        invitation = (
          <Button type="primary" icon={<FormOutlined aria-hidden />} onClick={() => setFormOpen(true)}>
            {t('bidForm.open')}
          </Button>
        );
    }
    if (mine.length === 0 && !invitation) {
      body = <Typography.Text type="secondary">{open ? t('bids.noneYet') : t('bids.notOpen')}</Typography.Text>;
    } else {
      body = (
        <>
          {mine.length > 0 ? <MyBids challengeId={challenge.id} bids={mine} myOrganisationId={role.org.id} /> : null}
          {invitation}
        </>
      );
    }
  }

  return (
    <Card title={<h2 className="card-title">{t('bids.title')}</h2>} data-testid="bids-section">
      {body}
    </Card>
  );
}
