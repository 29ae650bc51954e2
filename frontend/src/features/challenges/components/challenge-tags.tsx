import { FlagOutlined, LockOutlined, TrophyOutlined } from '@ant-design/icons';
import { Tag } from 'antd';

import { useI18n } from '@/i18n/i18n';
import { CHALLENGE_STATUS_COLORS, type ChallengeStatus, type Confidentiality, type ListType, type Mode } from '@/utils/enums';

import type { Landmark } from '../api/get-challenge';

export function ChallengeStatusTag({ status }: { status: ChallengeStatus | undefined }) {
  const { t } = useI18n();
  if (!status) return null;
  return (
    <Tag color={CHALLENGE_STATUS_COLORS[status]} data-testid="challenge-status" data-status={status}>
      {t(`enum.challengeStatus.${status}`)}
    </Tag>
  );
}

/** 揭榜挂帅, or 赛马制 with how many teams may win. */
export function ModeTag({ mode, maxWinners }: { mode: Mode | undefined; maxWinners?: number }) {
  const { t } = useI18n();
  if (!mode) return null;
  return (
    <Tag color={mode === 'saima' ? 'magenta' : 'geekblue'}>
      {mode === 'saima' && maxWinners ? t('challenges.mode.saimaWinners', { n: maxWinners }) : t(`enum.mode.${mode}`)}
    </Tag>
  );
}

export function ListTypeTag({ listType }: { listType: ListType }) {
  const { t } = useI18n();
  return <Tag>{t('challenges.listTypeTag', { type: t(`enum.listType.${listType}`) })}</Tag>;
}

export function ConfidentialityTag({ confidentiality }: { confidentiality: Confidentiality | undefined }) {
  const { t } = useI18n();
  if (!confidentiality || confidentiality === 'public') return null;
  return (
    <Tag icon={<LockOutlined aria-hidden />} color="orange">
      {t(`enum.confidentiality.${confidentiality}`)}
    </Tag>
  );
}

/** Officials' 重点科研攻关项目 designation. */
export function KeyProjectTag({ keyProject }: { keyProject: boolean | undefined }) {
  const { t } = useI18n();
  if (!keyProject) return null;
  return (
    <Tag icon={<FlagOutlined aria-hidden />} color="red" title={t('challenges.keyProject.tagHint')} data-testid="key-project-tag">
      {t('challenges.keyProject.tag')}
    </Tag>
  );
}

/** The 标志性成果 mark given at a passed 验收. */
export function LandmarkTag({ landmark }: { landmark: Landmark | '' | undefined }) {
  const { t } = useI18n();
  if (!landmark) return null;
  return (
    <Tag icon={<TrophyOutlined aria-hidden />} color="gold" data-testid="landmark-tag">
      {t('challenges.landmark.tag', { kind: t(`challenges.landmark.${landmark}`) })}
    </Tag>
  );
}
