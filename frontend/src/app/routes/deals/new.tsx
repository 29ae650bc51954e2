import { useSearchParams } from 'react-router';

import { PageHeader } from '@/components/page-header';
import { RequireAuth } from '@/components/require-auth';
import { dealSourceFrom } from '@/features/deals/api/get-deal-prefill';
import { RecordDeal } from '@/features/deals/components/record-deal';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';

const SOURCE_PAGES = { challenge: '/challenges', need: '/needs', capability: '/capabilities' } as const;

/**
 * /deals/new?challenge=12 (or ?need=, ?capability=) records the contract that follows from that
 * posting, pre-filled from it; /deals/new an offline one.
 */
export function NewDealRoute() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const source = dealSourceFrom(params);
  const title = source ? t('dealForm.title') : t('dealForm.titleOffline');
  useDocumentTitle(title);
  const back = source
    ? { to: `${SOURCE_PAGES[source.kind]}/${source.id}`, label: t(`dealForm.backTo.${source.kind}`) }
    : { to: '/deals', label: t('deals.backToList') };
  return (
    <>
      <PageHeader title={title} back={back} intro={t(source ? `dealForm.intro.${source.kind}` : 'dealForm.intro.offline')} />
      <RequireAuth action={title}>
        {(user) => <RecordDeal key={source ? `${source.kind}-${source.id}` : 'offline'} source={source} user={user} />}
      </RequireAuth>
    </>
  );
}
