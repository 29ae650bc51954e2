import { PageHeader } from '@/components/page-header';
import { RequireAuth } from '@/components/require-auth';
import { RecommendationsFeed } from '@/features/matching/components/recommendations-feed';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';
import { useCurrentUser } from '@/lib/auth';

export function RecommendationsRoute() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  useDocumentTitle(t('recommendations.title'));
  return (
    <>
      {/* Signed in, the feed has the heading (with the organisation's name and a refresh button). */}
      {user ? null : <PageHeader title={t('recommendations.title')} />}
      <RequireAuth action={t('recommendations.action')}>{(me) => <RecommendationsFeed user={me} />}</RequireAuth>
    </>
  );
}
