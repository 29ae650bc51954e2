import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Typography } from 'antd';
import { useLocation } from 'react-router';

import { LinkButton } from '@/components/link-button';
import { useErrorMessage } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';
import { roleOf, type User } from '@/lib/auth';

import type { Challenge } from '../api/get-challenge';
import { useChallengeAction } from '../api/transition-challenge';

/**
 * Shown instead of the description, indicators and keywords when the API withholds them
 * (`details_visible` false). For a summary-only challenge a verified institute may accept the
 * confidentiality terms, after which the API returns the details.
 */
export function ConfidentialityNotice({ challenge, user }: { challenge: Challenge; user: User | null }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const describe = useErrorMessage();
  const location = useLocation();
  const accept = useChallengeAction(challenge.id);
  const role = roleOf(user);

  if (challenge.details_visible) return null;

  if (challenge.confidentiality === 'invitation_only') {
    return (
      <Alert
        data-testid="confidentiality-notice"
        type="info"
        showIcon
        icon={<LockOutlined aria-hidden />}
        message={t('challenges.confidential.invitationTitle')}
        description={t('challenges.confidential.invitationBody')}
      />
    );
  }

  const confirm = () =>
    modal.confirm({
      title: t('challenges.confidential.termsTitle'),
      content: <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{t('challenges.confidential.termsBody')}</Typography.Paragraph>,
      okText: t('challenges.confidential.agree'),
      cancelText: t('common.cancel'),
      onOk: () =>
        accept.mutateAsync({ action: 'accept-terms' }).then(
          () => void message.success(t('challenges.confidential.accepted')),
          (error: unknown) => void message.error(describe(error)),
        ),
    });

  let action;
  if (!user) {
    action = (
      <LinkButton type="primary" to={`/login?next=${encodeURIComponent(location.pathname)}`}>
        {t('challenges.confidential.login')}
      </LinkButton>
    );
  } else if (role.isInstitute && role.verified) {
    action = (
      <Button type="primary" onClick={confirm} loading={accept.isPending} data-testid="accept-terms">
        {t('challenges.confidential.accept')}
      </Button>
    );
  }

  return (
    <Alert
      data-testid="confidentiality-notice"
      type="warning"
      showIcon
      icon={<LockOutlined aria-hidden />}
      message={t('challenges.confidential.title')}
      description={
        <>
          <div>{t('challenges.confidential.body')}</div>
          {user && !(role.isInstitute && role.verified) ? (
            <Typography.Text type="secondary">
              {role.isInstitute ? t('challenges.confidential.unverified') : t('challenges.confidential.onlyInstitutes')}
            </Typography.Text>
          ) : null}
          {action ? <div style={{ marginTop: 12 }}>{action}</div> : null}
        </>
      }
    />
  );
}
