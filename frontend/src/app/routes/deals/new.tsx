import { useSearchParams } from 'react-router';

import { PageHeader } from '@/components/page-header';
import { RequireAuth } from '@/components/require-auth';
import { RecordDeal } from '@/features/deals/components/record-deal';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';

/** /deals/new?challenge=12 records the contract that follows from awarded challenge 12; /deals/new an offline one. */
export function NewDealRoute() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const raw = Number(params.get('challenge'));
  const challengeId = Number.isInteger(raw) && raw > 0 ? raw : null;
  const title = challengeId ? t('dealForm.title') : t('dealForm.titleOffline');
  useDocumentTitle(title);
  const back = challengeId
    ? { to: `/challenges/${challengeId}`, label: t('dealForm.backToChallenge') }
    : { to: '/deals', label: t('deals.backToList') };
  return (
    <>
      <PageHeader title={title} back={back} intro={challengeId ? t('dealForm.intro.challenge') : t('dealForm.intro.offline')} />
      <RequireAuth action={title}>{(user) => <RecordDeal key={challengeId ?? 0} challengeId={challengeId} user={user} />}</RequireAuth>
    </>
  );
}
