import { Card, Tag, Typography } from 'antd';

import { PostingDetail, type PostingPageProps } from '@/components/postings/posting-detail';
import { useI18n } from '@/i18n/i18n';
import { industryName } from '@/i18n/industries';
import { COOPERATION_TYPES, isOneOf, stringList } from '@/utils/enums';
import { formatAmountRange } from '@/utils/money';

import type { Capability } from '../api/get-capabilities';
import { useCapability } from '../api/get-capability';
import { useCapabilityAction, type CapabilityAction } from '../api/set-capability-status';
import { CapabilityKindTag, CapabilityStatusTag, TrlTag, trlMeaning } from './capability-tags';

export function CapabilityDetail({ id, ownerSection }: PostingPageProps<Capability>) {
  const { t, locale, formatMinute } = useI18n();
  const actions = (capability: Capability) => {
    const kind: CapabilityAction = capability.status === 'published' ? 'withdraw' : 'publish';
    return [{ kind, label: t(`capabilities.action.${kind}`), done: t(`capabilities.action.${kind}.done`), primary: kind === 'publish' }];
  };
  const tags = (capability: Capability) => (
    <>
      <CapabilityStatusTag status={capability.status} />
      <CapabilityKindTag kind={capability.kind} />
      <TrlTag trl={capability.trl} />
    </>
  );
  const team = (capability: Capability) =>
    capability.team ? (
      <Card title={<h2 className="card-title">{t('capabilities.field.team')}</h2>}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 0 }}>{capability.team}</Typography.Paragraph>
      </Card>
    ) : null;
  const facts = (capability: Capability) => {
    const patents = stringList(capability.patents);
    const cooperation = stringList(capability.cooperation_types).filter((value) => isOneOf(COOPERATION_TYPES, value));
    return [
      { key: 'kind', label: t('capabilities.field.kind'), children: <CapabilityKindTag kind={capability.kind} /> },
      { key: 'trl', label: t('capabilities.field.trl'), children: `TRL ${capability.trl} · ${trlMeaning(capability.trl, t)}` },
      { key: 'price', label: t('capabilities.field.price'), children: <span className="amount">{formatAmountRange(capability.price_min, capability.price_max, locale)}</span> },
      {
        key: 'cooperation',
        label: t('capabilities.field.cooperationTypes'),
        children: cooperation.length ? cooperation.map((value) => <Tag key={value}>{t(`enum.cooperationType.${value}`)}</Tag>) : '—',
      },
      {
        key: 'patents',
        label: t('capabilities.field.patents'),
        children: patents.length ? (
          <ul className="plain-list">
            {patents.map((patent) => (
              <li key={patent}>{patent}</li>
            ))}
          </ul>
        ) : (
          '—'
        ),
      },
      { key: 'organisation', label: t('capabilities.field.organisation'), children: t('common.withNote', { text: capability.organisation.name, note: t(`enum.region.${capability.organisation.region}`) }) },
      { key: 'industry', label: t('challenges.field.industry'), children: industryName(capability.industry, locale) },
      { key: 'updated', label: t('common.updatedAt'), children: formatMinute(capability.updated_at) },
    ];
  };
  return (
    <PostingDetail
      kind="capability"
      query={useCapability(id)}
      mutation={useCapabilityAction(id)}
      tags={tags}
      actions={actions}
      sections={team}
      facts={facts}
      ownerSection={ownerSection}
    />
  );
}
