import { Tag, Tooltip } from 'antd';

import { useI18n } from '@/i18n/i18n';
import { CAPABILITY_STATUS_COLORS, type CapabilityKind, type CapabilityStatus } from '@/utils/enums';

export function CapabilityStatusTag({ status }: { status: CapabilityStatus | undefined }) {
  const { t } = useI18n();
  const value = status ?? 'draft';
  return (
    <Tag color={CAPABILITY_STATUS_COLORS[value]} data-testid="capability-status" data-status={value}>
      {t(`enum.capabilityStatus.${value}`)}
    </Tag>
  );
}

export function CapabilityKindTag({ kind }: { kind: CapabilityKind | undefined }) {
  const { t } = useI18n();
  const value = kind ?? 'capability';
  return <Tag color={value === 'achievement' ? 'green' : 'geekblue'}>{t(`enum.capabilityKind.${value}`)}</Tag>;
}

export const TRL_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/** 技术成熟度 (Technology Readiness Level) 1-9, with what the level means on hover. */
export function TrlTag({ trl }: { trl: number }) {
  const { t } = useI18n();
  return (
    <Tooltip title={t('capabilities.trlMeaning', { meaning: trlMeaning(trl, t) })}>
      <Tag color="purple" tabIndex={0}>
        TRL {trl}
      </Tag>
    </Tooltip>
  );
}

export function trlMeaning(trl: number, t: ReturnType<typeof useI18n>['t']): string {
  if (trl <= 3) return t('capabilities.trl.research');
  if (trl <= 6) return t('capabilities.trl.pilot');
  return t('capabilities.trl.industrial');
}
