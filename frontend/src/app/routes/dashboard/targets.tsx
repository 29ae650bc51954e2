import { PageHeader } from '@/components/page-header';
import { DashboardNav } from '@/features/dashboard/components/dashboard-nav';
import { RequireDashboard } from '@/features/dashboard/components/require-dashboard';
import { TargetsBoard } from '@/features/dashboard/components/targets-board';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';

export function TargetsRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('policyTargets.title'));
  return (
    <RequireDashboard title={t('policyTargets.title')}>
      {() => (
        <>
          <PageHeader title={t('policyTargets.title')} intro={t('policyTargets.intro')} />
          <DashboardNav />
          <TargetsBoard />
        </>
      )}
    </RequireDashboard>
  );
}
