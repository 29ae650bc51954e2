import { useParams } from 'react-router';

import { NotFoundRoute } from '@/app/routes/not-found';
import { PageHeader } from '@/components/page-header';
import { RequireAuth } from '@/components/require-auth';
import { DealDetail } from '@/features/deals/components/deal-detail';
import { useI18n } from '@/i18n/i18n';
import { useCurrentUser } from '@/lib/auth';

export function DealRoute() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundRoute />;
  return (
    <>
      {user ? null : <PageHeader title={t('deals.title')} back={{ to: '/deals', label: t('deals.backToList') }} />}
      {/* Keyed by id: moving between contracts starts from a clean page state (dialogs). */}
      <RequireAuth action={t('deals.action')}>{() => <DealDetail key={id} id={id} />}</RequireAuth>
    </>
  );
}
