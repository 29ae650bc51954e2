import { Result } from 'antd';
import type { ReactNode } from 'react';

import { LinkButton } from '@/components/link-button';
import { PageHeader } from '@/components/page-header';
import { LoadingBlock } from '@/components/query-states';
import { RequireAuth } from '@/components/require-auth';
import { useI18n } from '@/i18n/i18n';
import { useCurrentUser, type User } from '@/lib/auth';

import { canSeeDashboard } from '../utils/access';

export interface RequireDashboardProps {
  /** The page's title, shown above the sign-in prompt or the refusal. */
  title: string;
  children: (user: User) => ReactNode;
}

/**
 * The officials' pages: visitors are asked to sign in (and come back), other signed-in users are
 * told who may see them. The API refuses them too (403); this only saves a pointless request.
 */
export function RequireDashboard({ title, children }: RequireDashboardProps) {
  const { t } = useI18n();
  const { user, isLoading } = useCurrentUser();
  if (isLoading) return <LoadingBlock />;
  if (user && canSeeDashboard(user)) return <>{children(user)}</>;
  return (
    <>
      <PageHeader title={title} />
      {user ? (
        <Result
          status="403"
          title={t('dashboard.forbidden.title')}
          subTitle={t('dashboard.forbidden.description')}
          extra={
            <LinkButton to="/" type="primary">
              {t('common.backHome')}
            </LinkButton>
          }
        />
      ) : (
        <RequireAuth action={t('dashboard.action')}>{() => null}</RequireAuth>
      )}
    </>
  );
}
