import { PageHeader } from '@/components/page-header';
import { RequireAuth } from '@/components/require-auth';
import { MyBidsList } from '@/features/challenges/components/my-bids-list';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';
import { useCurrentUser } from '@/lib/auth';

export function MyBidsRoute() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  useDocumentTitle(t('myBids.title'));
  return (
    <>
      {user ? null : <PageHeader title={t('myBids.title')} />}
      <RequireAuth action={t('myBids.action')}>{(me) => <MyBidsList user={me} />}</RequireAuth>
    </>
  );
}
