import { PageHeader } from '@/components/page-header';
import { DashboardNav } from '@/features/dashboard/components/dashboard-nav';
import { RequireDashboard } from '@/features/dashboard/components/require-dashboard';
import { QualificationsPage } from '@/features/qualifications/components/qualifications-page';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';

export function QualificationsRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('qualifications.title'));
  return (
    <RequireDashboard title={t('qualifications.title')}>
      {() => (
        <>
          <PageHeader title={t('qualifications.title')} intro={t('qualifications.intro')} />
          <DashboardNav />
          <QualificationsPage />
        </>
      )}
    </RequireDashboard>
  );
}
