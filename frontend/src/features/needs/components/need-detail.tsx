import { Tag } from 'antd';

import { PostingDetail, type PostingPageProps } from '@/components/postings/posting-detail';
import { useI18n } from '@/i18n/i18n';
import { industryName } from '@/i18n/industries';
import type { NeedStatus } from '@/utils/enums';
import { formatAmountRange } from '@/utils/money';

import { useNeed } from '../api/get-need';
import type { Need } from '../api/get-needs';
import { useNeedAction, type NeedAction } from '../api/set-need-status';
import { NeedStatusTag } from './need-tags';

/** The one state change each state allows (set-need-status.ts). */
const ACTIONS: Partial<Record<NeedStatus, NeedAction>> = { draft: 'publish', open: 'close', closed: 'reopen' };

export function NeedDetail({ id, ownerSection }: PostingPageProps<Need>) {
  const { t, locale, formatMinute } = useI18n();
  const tags = (need: Need) => (
    <>
      <NeedStatusTag status={need.status} />
      <Tag color="blue">{t(`enum.cooperationType.${need.cooperation_type}`)}</Tag>
    </>
  );
  const actions = (need: Need) => {
    const kind = need.status ? ACTIONS[need.status] : undefined;
    return kind ? [{ kind, label: t(`needs.action.${kind}`), done: t(`needs.action.${kind}.done`), primary: kind === 'publish' }] : [];
  };
  const facts = (need: Need) => [
    { key: 'budget', label: t('needs.field.budget'), children: <span className="amount">{formatAmountRange(need.budget_min, need.budget_max, locale)}</span> },
    { key: 'cooperation', label: t('needs.field.cooperationType'), children: t(`enum.cooperationType.${need.cooperation_type}`) },
    { key: 'organisation', label: t('needs.field.organisation'), children: t('common.withNote', { text: need.organisation.name, note: t(`enum.region.${need.organisation.region}`) }) },
    { key: 'industry', label: t('challenges.field.industry'), children: industryName(need.industry, locale) },
    { key: 'created', label: t('common.createdAt'), children: formatMinute(need.created_at) },
    { key: 'updated', label: t('common.updatedAt'), children: formatMinute(need.updated_at) },
  ];
  return <PostingDetail kind="need" query={useNeed(id)} mutation={useNeedAction(id)} tags={tags} actions={actions} facts={facts} ownerSection={ownerSection} />;
}
