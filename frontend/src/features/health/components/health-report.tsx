import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useId } from 'react';

import { useI18n } from '@/i18n/i18n';
import type { MessageKey } from '@/i18n/messages';

import { HEALTH_CHECK_NAMES, type HealthCheck, type HealthCheckName, type HealthReport } from '../api/get-health';
import { HealthStatusTag } from './health-status-tag';

const CHECK_LABELS: Record<HealthCheckName, MessageKey> = {
  database: 'health.check.database',
  broker: 'health.check.broker',
  search: 'health.check.search',
  encoder: 'health.check.encoder',
};

/** The optional fields a check may carry, in display order. */
const FIELDS = ['vendor', 'mode', 'backend', 'name', 'url', 'detail'] as const satisfies readonly (keyof HealthCheck)[];

function HealthCheckCard({ name, check }: { name: HealthCheckName; check: HealthCheck }) {
  const { t } = useI18n();
  const titleId = useId();
  const items: DescriptionsProps['items'] = FIELDS.flatMap((field) => {
    const value = check[field];
    if (value === undefined || value === '') return [];
    const children =
      field === 'url' ? (
        <Typography.Text code copyable={{ text: value }}>
          {value}
        </Typography.Text>
      ) : field === 'detail' ? (
        <Typography.Text type={check.status === 'error' ? 'danger' : undefined}>{value}</Typography.Text>
      ) : (
        value
      );
    return [{ key: field, label: t(`health.field.${field}`), children }];
  });

  return (
    <Card
      role="region"
      aria-labelledby={titleId}
      data-testid={`health-${name}`}
      data-status={check.status}
      size="small"
      title={<span id={titleId}>{t(CHECK_LABELS[name])}</span>}
      extra={<HealthStatusTag status={check.status} />}
      style={{ height: '100%' }}
    >
      <Descriptions size="small" column={1} items={items} />
    </Card>
  );
}

export interface HealthReportViewProps {
  report: HealthReport;
  onRefresh?: () => void;
  refreshing?: boolean;
}

export function HealthReportView({ report, onRefresh, refreshing = false }: HealthReportViewProps) {
  const { t, formatDateTime } = useI18n();
  const { health, httpStatus, receivedAt } = report;
  const ok = health.status === 'ok';

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <Alert
        showIcon
        type={ok ? 'success' : 'error'}
        message={t(ok ? 'health.overall.ok' : 'health.overall.error')}
        description={t('health.overall.description', {
          version: health.version,
          httpStatus,
          time: formatDateTime(receivedAt),
        })}
        action={
          onRefresh ? (
            <Button size="small" icon={<ReloadOutlined aria-hidden />} loading={refreshing} onClick={onRefresh}>
              {t('health.refresh')}
            </Button>
          ) : undefined
        }
      />
      <Row gutter={[16, 16]}>
        {HEALTH_CHECK_NAMES.map((name) => (
          <Col key={name} xs={24} md={12}>
            <HealthCheckCard name={name} check={health.checks[name]} />
          </Col>
        ))}
      </Row>
    </div>
  );
}
