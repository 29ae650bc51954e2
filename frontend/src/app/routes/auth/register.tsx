import { App, Card, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';

import { PageHeader } from '@/components/page-header';
import { RegisterForm } from '@/features/auth/components/register-form';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';

import { safeNext } from './safe-next';

export function RegisterRoute() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  useDocumentTitle(t('auth.register.title'));

  return (
    <div className="medium-page">
      <PageHeader title={t('auth.register.title')} intro={t('auth.register.intro')} />
      <Card>
        <RegisterForm
          onSuccess={(user, mode) => {
            void message.success(t('auth.register.success', { name: user.username }));
            // A new organisation waits for verification, a request to join for the admin: each is
            // explained on its own page before the user goes on.
            const after = { create: `/verification?next=${encodeURIComponent(next)}`, join: '/organisation/members', none: next };
            void navigate(after[mode], { replace: true });
          }}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          {t('auth.register.haveAccount')} <Link to="/login">{t('auth.login.title')}</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
