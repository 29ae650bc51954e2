import { PageHeader } from '@/components/page-header';
import { RequireAuth } from '@/components/require-auth';
import { DealList } from '@/features/deals/components/deal-list';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';
import { useCurrentUser } from '@/lib/auth';

export function DealsRoute() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  useDocumentTitle(t('deals.title'));
  return (
    <>
      {/* Signed in, the list has the heading (its intro depends on who is asking). */}
      {user ? null : <PageHeader title={t('deals.title')} />}
      <RequireAuth action={t('deals.action')}>{(me) => <DealList user={me} />}</RequireAuth>
    </>
  );
}
