import { Button, Card, Col, Result, Row, Skeleton, Space, Typography } from 'antd';

import { HealthUnavailableError, useHealth } from '@/features/health/api/get-health';
import { HealthReportView } from '@/features/health/components/health-report';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';

const { Title, Paragraph } = Typography;

function StatusSkeleton() {
  return (
    <Row gutter={[16, 16]} aria-busy="true">
      {[0, 1, 2, 3].map((i) => (
        <Col key={i} xs={24} md={12}>
          <Card size="small">
            <Skeleton active paragraph={{ rows: 2 }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export function StatusRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('health.title'));
  const { data, error, isPending, isFetching, refetch } = useHealth();

  let body;
  if (isPending) {
    body = (
      <>
        <span className="sr-only" role="status">
          {t('health.indicator.loading')}
        </span>
        <StatusSkeleton />
      </>
    );
  } else if (data && !error) {
    body = <HealthReportView report={data} onRefresh={() => void refetch()} refreshing={isFetching} />;
  } else {
    const unavailable = error instanceof HealthUnavailableError ? error : null;
    body = (
      <Result
        status="error"
        title={t('health.unreachable.title')}
        subTitle={
          unavailable?.httpStatus
            ? t('health.unreachable.httpStatus', { httpStatus: unavailable.httpStatus })
            : t('health.unreachable.network', { message: error?.message ?? '' })
        }
        extra={
          <Button type="primary" loading={isFetching} onClick={() => void refetch()}>
            {t('health.retry')}
          </Button>
        }
      >
        {unavailable?.body ? (
          <div>
            <Typography.Text strong>{t('health.unreachable.body')}</Typography.Text>
            <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', maxHeight: 320, overflow: 'auto' }}>
              {unavailable.body}
            </pre>
          </div>
        ) : null}
      </Result>
    );
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Title level={1} style={{ fontSize: 28 }}>
          {t('health.title')}
        </Title>
        <Paragraph type="secondary">{t('health.intro')}</Paragraph>
      </div>
      {body}
    </Space>
  );
}
