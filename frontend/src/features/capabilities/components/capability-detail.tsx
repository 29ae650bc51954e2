import { App, Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';

import { PageHeader } from '@/components/page-header';
import { ErrorResult, LoadingBlock, useErrorMessage } from '@/components/query-states';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';
import { roleOf, useCurrentUser } from '@/lib/auth';
import { COOPERATION_TYPES, isOneOf, stringList } from '@/utils/enums';
import { formatAmountRange } from '@/utils/money';

import type { Capability } from '../api/get-capabilities';
import { useCapability } from '../api/get-capability';
import { useCapabilityAction, type CapabilityAction } from '../api/set-capability-status';
import { CapabilityKindTag, CapabilityStatusTag, TrlTag, trlMeaning } from './capability-tags';

export interface CapabilityDetailProps {
  id: number;
  /** Shown to the capability's organisation and the operator only (the route puts the matches here). */
  ownerSection?: (capability: Capability) => ReactNode;
}

export function CapabilityDetail({ id, ownerSection }: CapabilityDetailProps) {
  const { t, locale, formatMinute } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const { data: capability, error, isPending, refetch } = useCapability(id);
  const action = useCapabilityAction(id);
  const { user } = useCurrentUser();
  useDocumentTitle(capability?.title ?? t('nav.capabilities'));
  const back = { to: '/capabilities', label: t('capabilities.backToList') };

  if (isPending) return <LoadingBlock cards={2} rows={4} />;
  if (error) {
    return (
      <>
        <PageHeader title={t('nav.capabilities')} back={back} />
        <ErrorResult error={error} onRetry={() => void refetch()} />
      </>
    );
  }

  const owner = roleOf(user).owns(capability.organisation.id);
  const run = (kind: CapabilityAction) =>
    action.mutate(kind, {
      onSuccess: () => void message.success(t(`capabilities.action.${kind}.done`)),
      onError: (err) => void message.error(describe(err)),
    });
  const keywords = stringList(capability.keywords);
  const patents = stringList(capability.patents);
  const cooperation = stringList(capability.cooperation_types).filter((value) => isOneOf(COOPERATION_TYPES, value));

  return (
    <article data-testid="capability-detail">
      <PageHeader
        back={back}
        title={capability.title}
        tags={
          <Space size={[0, 6]} wrap>
            <CapabilityStatusTag status={capability.status} />
            <CapabilityKindTag kind={capability.kind} />
            <TrlTag trl={capability.trl} />
          </Space>
        }
        extra={
          owner ? (
            capability.status === 'published' ? (
              <Button loading={action.isPending} onClick={() => run('withdraw')}>
                {t('capabilities.action.withdraw')}
              </Button>
            ) : (
              <Button type="primary" loading={action.isPending} onClick={() => run('publish')}>
                {t('capabilities.action.publish')}
              </Button>
            )
          ) : undefined
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={<h2 className="card-title">{t('needs.field.description')}</h2>}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{capability.description}</Typography.Paragraph>
              {keywords.length > 0 ? (
                <div>
                  <Typography.Text type="secondary">{t('common.labelled', { label: t('challenges.field.keywords') })}</Typography.Text>
                  {keywords.map((keyword) => (
                    <Tag key={keyword}>{keyword}</Tag>
                  ))}
                </div>
              ) : null}
            </Card>
            {capability.team ? (
              <Card title={<h2 className="card-title">{t('capabilities.field.team')}</h2>}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 0 }}>{capability.team}</Typography.Paragraph>
              </Card>
            ) : null}
            {owner && ownerSection ? ownerSection(capability) : null}
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={<h2 className="card-title">{t('challenges.facts')}</h2>}>
            <Descriptions
              size="small"
              column={1}
              items={[
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
                { key: 'industry', label: t('challenges.field.industry'), children: capability.industry.name },
                { key: 'updated', label: t('common.updatedAt'), children: formatMinute(capability.updated_at) },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </article>
  );
}
