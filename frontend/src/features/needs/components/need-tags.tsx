import { Tag } from 'antd';

import { useI18n } from '@/i18n/i18n';
import { NEED_STATUS_COLORS, type NeedStatus } from '@/utils/enums';

export function NeedStatusTag({ status }: { status: NeedStatus | undefined }) {
  const { t } = useI18n();
  const value = status ?? 'draft';
  return (
    <Tag color={NEED_STATUS_COLORS[value]} data-testid="need-status" data-status={value}>
      {t(`enum.needStatus.${value}`)}
    </Tag>
  );
}
