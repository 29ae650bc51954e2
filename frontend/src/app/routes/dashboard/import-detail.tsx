import { useParams } from 'react-router';

import { DashboardNav } from '@/features/dashboard/components/dashboard-nav';
import { RequireDashboard } from '@/features/dashboard/components/require-dashboard';
import { ImportDetail } from '@/features/deals/components/import-detail';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';

import { NotFoundRoute } from '../not-found';

export function DealImportRoute() {
  const { t } = useI18n();
  const { id } = useParams();
  const importId = Number(id);
  useDocumentTitle(t('dealImports.detail.title'));
  if (!Number.isInteger(importId) || importId <= 0) return <NotFoundRoute />;
  return <RequireDashboard title={t('dealImports.detail.title')}>{() => <ImportDetail id={importId} nav={<DashboardNav />} />}</RequireDashboard>;
}
