import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';

import { useI18n } from '@/i18n/i18n';

import type { HealthCheck } from '../api/get-health';

export function HealthStatusTag({ status }: { status: HealthCheck['status'] }) {
  const { t } = useI18n();
  return status === 'ok' ? (
    <Tag color="success" icon={<CheckCircleOutlined aria-hidden />}>
      {t('health.status.ok')}
    </Tag>
  ) : (
    <Tag color="error" icon={<CloseCircleOutlined aria-hidden />}>
      {t('health.status.error')}
    </Tag>
  );
}
