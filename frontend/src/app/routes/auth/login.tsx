import { App, Card, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';

import { PageHeader } from '@/components/page-header';
import { LoginForm } from '@/features/auth/components/login-form';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';

import { safeNext } from './safe-next';

export function LoginRoute() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  useDocumentTitle(t('auth.login.title'));

  return (
    <div className="narrow-page">
      <PageHeader title={t('auth.login.title')} intro={t('auth.login.intro')} />
      <Card>
        <LoginForm
          onSuccess={(user) => {
            void message.success(t('auth.login.success', { name: user.username }));
            void navigate(next, { replace: true });
          }}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          {t('auth.login.noAccount')} <Link to={`/register${params.get('next') ? `?next=${encodeURIComponent(next)}` : ''}`}>{t('auth.register.title')}</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
