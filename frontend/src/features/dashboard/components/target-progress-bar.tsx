import { Progress, Typography } from 'antd';

import { useI18n } from '@/i18n/i18n';

import type { PolicyTarget } from '../api/get-targets';
import { formatRatio, ratioToPercent } from '../utils/figures';

/** A target's progress bar: capped at 100% in width; the text says how far past the target it is. */
export function TargetProgressBar({ target }: { target: Pick<PolicyTarget, 'progress_ratio' | 'name'> }) {
  const { t } = useI18n();
  if (target.progress_ratio === null) {
    return <Typography.Text type="secondary">{t('policyTargets.noProgress')}</Typography.Text>;
  }
  const percent = ratioToPercent(target.progress_ratio);
  return (
    <Progress
      percent={Math.min(100, percent)}
      status={percent >= 100 ? 'success' : 'normal'}
      format={() => formatRatio(target.progress_ratio)}
      aria-label={t('policyTargets.progressOf', { name: target.name })}
    />
  );
}
