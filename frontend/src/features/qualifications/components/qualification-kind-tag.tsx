import { Tag } from 'antd';

import { useI18n } from '@/i18n/i18n';

import type { QualificationKind } from '../api/get-qualifications';

const COLORS: Record<QualificationKind, string> = { high_tech: 'blue', tech_sme: 'cyan', specialised: 'purple', leading: 'gold' };

export function QualificationKindTag({ kind }: { kind: QualificationKind }) {
  const { t } = useI18n();
  return <Tag color={COLORS[kind]}>{t(`qualifications.kind.${kind}`)}</Tag>;
}
