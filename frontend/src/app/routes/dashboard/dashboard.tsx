import { Dashboard } from '@/features/dashboard/components/dashboard';
import { RequireDashboard } from '@/features/dashboard/components/require-dashboard';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';

export function DashboardRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('nav.dashboard'));
  return <RequireDashboard title={t('dashboard.title')}>{() => <Dashboard />}</RequireDashboard>;
}
