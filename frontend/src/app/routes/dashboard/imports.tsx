import { Col, Row } from 'antd';

import { PageHeader } from '@/components/page-header';
import { DashboardNav } from '@/features/dashboard/components/dashboard-nav';
import { RequireDashboard } from '@/features/dashboard/components/require-dashboard';
import { ImportList } from '@/features/deals/components/import-list';
import { ImportUpload } from '@/features/deals/components/import-upload';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';

export function DealImportsRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('dealImports.title'));
  return (
    <RequireDashboard title={t('dealImports.title')}>
      {() => (
        <>
          <PageHeader title={t('dealImports.title')} intro={t('dealImports.intro')} />
          <DashboardNav />
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <ImportUpload />
            </Col>
            <Col span={24}>
              <ImportList />
            </Col>
          </Row>
        </>
      )}
    </RequireDashboard>
  );
}
