import { PageHeader } from '@/components/page-header';
import { RequireAuth } from '@/components/require-auth';
import { MembershipRequestsPanel } from '@/features/auth/components/membership-requests-panel';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';

export function OrganisationMembersRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('members.title'));
  return (
    <>
      <PageHeader title={t('members.title')} intro={t('members.intro')} />
      <RequireAuth action={t('members.action')}>{(me) => <MembershipRequestsPanel user={me} />}</RequireAuth>
    </>
  );
}
