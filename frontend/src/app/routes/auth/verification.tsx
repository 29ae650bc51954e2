import { Card, Space } from 'antd';
import { useSearchParams } from 'react-router';

import { LinkButton } from '@/components/link-button';
import { PageHeader } from '@/components/page-header';
import { VerificationExplained } from '@/features/auth/components/verification-explained';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';
import { useCurrentUser } from '@/lib/auth';

import { safeNext } from './safe-next';

/** What verification means: shown after signing up with a new organisation, and linked from its notices. */
export function VerificationRoute() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const [params] = useSearchParams();
  const next = params.get('next');
  useDocumentTitle(t('verification.title'));
  return (
    <div className="medium-page">
      <PageHeader title={t('verification.title')} intro={t('verification.intro')} />
      <Card>
        <VerificationExplained organisation={user?.organisation ?? null} />
        {next ? (
          <Space>
            <LinkButton to={safeNext(next)} type="primary">
              {t('verification.continue')}
            </LinkButton>
          </Space>
        ) : null}
      </Card>
    </div>
  );
}
