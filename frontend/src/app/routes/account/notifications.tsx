import { PageHeader } from '@/components/page-header';
import { RequireAuth } from '@/components/require-auth';
import { NotificationsPage } from '@/features/notifications/components/notifications-page';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';
import { useCurrentUser } from '@/lib/auth';

export function NotificationsRoute() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  useDocumentTitle(t('notifications.title'));
  return (
    <>
      {user ? null : <PageHeader title={t('notifications.title')} />}
      <RequireAuth action={t('notifications.action')}>{() => <NotificationsPage />}</RequireAuth>
    </>
  );
}
