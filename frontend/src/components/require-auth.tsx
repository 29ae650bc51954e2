import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useLocation } from 'react-router';

import { useI18n } from '@/i18n/i18n';
import { useCurrentUser, type User } from '@/lib/auth';

import { LinkButton } from './link-button';
import { LoadingBlock } from './query-states';

export interface RequireAuthProps {
  /** What the visitor is about to do, e.g. "发布榜单": shown in "登录后才能发布榜单". */
  action: string;
  children: (user: User) => ReactNode;
}

/** Renders `children` for a signed-in user; otherwise asks to sign in and comes back here. */
export function RequireAuth({ action, children }: RequireAuthProps) {
  const { t } = useI18n();
  const { user, isLoading } = useCurrentUser();
  const location = useLocation();
  if (isLoading) return <LoadingBlock />;
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <Result
        status="403"
        title={t('auth.required.title')}
        subTitle={t('auth.required.description', { action })}
        extra={
          <LinkButton to={`/login?next=${next}`} type="primary">
            {t('auth.login.submit')}
          </LinkButton>
        }
      />
    );
  }
  return <>{children(user)}</>;
}
