import { Badge } from 'antd';

import { useI18n } from '@/i18n/i18n';

import { useHealth } from '../api/get-health';

/** A one-line summary of GET /api/health/ for places where the full report is too much. */
export function HealthIndicator() {
  const { t } = useI18n();
  const { data, isPending, isError } = useHealth();

  let status: 'processing' | 'success' | 'error' | 'warning' = 'processing';
  let text = t('health.indicator.loading');
  if (isPending) {
    // keep the defaults
  } else if (isError) {
    status = 'warning';
    text = t('health.indicator.unreachable');
  } else if (data.health.status === 'ok') {
    status = 'success';
    text = t('health.indicator.ok');
  } else {
    status = 'error';
    text = t('health.indicator.error');
  }

  return (
    <span role="status">
      <Badge status={status} text={text} />
    </span>
  );
}
