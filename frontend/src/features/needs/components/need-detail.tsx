import { App, Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';

import { PageHeader } from '@/components/page-header';
import { ErrorResult, LoadingBlock, useErrorMessage } from '@/components/query-states';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';
import { roleOf, useCurrentUser } from '@/lib/auth';
import { stringList } from '@/utils/enums';
import { formatAmountRange } from '@/utils/money';

import { useNeed } from '../api/get-need';
import type { Need } from '../api/get-needs';
import { useNeedAction, type NeedAction } from '../api/set-need-status';
import { NeedStatusTag } from './need-tags';

export interface NeedDetailProps {
  id: number;
  /** Shown to the need's organisation and the operator only (the route puts the matches here). */
  ownerSection?: (need: Need) => ReactNode;
}

export function NeedDetail({ id, ownerSection }: NeedDetailProps) {
  const { t, locale, formatMinute } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const { data: need, error, isPending, refetch } = useNeed(id);
  const action = useNeedAction(id);
  const { user } = useCurrentUser();
  useDocumentTitle(need?.title ?? t('nav.needs'));
  const back = { to: '/needs', label: t('needs.backToList') };

  if (isPending) return <LoadingBlock cards={2} rows={4} />;
  if (error) {
    return (
      <>
        <PageHeader title={t('nav.needs')} back={back} />
        <ErrorResult error={error} onRetry={() => void refetch()} />
      </>
    );
  }

  const owner = roleOf(user).owns(need.organisation.id);
  const run = (kind: NeedAction) =>
    action.mutate(kind, {
      onSuccess: () => void message.success(t(`needs.action.${kind}.done`)),
      onError: (err) => void message.error(describe(err)),
    });
  const actions = owner ? (
    <>
      {need.status === 'draft' ? (
        <Button type="primary" loading={action.isPending} onClick={() => run('publish')}>
          {t('needs.action.publish')}
        </Button>
      ) : null}
      {need.status === 'open' ? (
        <Button loading={action.isPending} onClick={() => run('close')}>
          {t('needs.action.close')}
        </Button>
      ) : null}
      {need.status === 'closed' ? (
        <Button loading={action.isPending} onClick={() => run('reopen')}>
          {t('needs.action.reopen')}
        </Button>
      ) : null}
    </>
  ) : undefined;
  const keywords = stringList(need.keywords);

  return (
    <article data-testid="need-detail">
      <PageHeader
        back={back}
        title={need.title}
        tags={
          <Space size={[0, 6]} wrap>
            <NeedStatusTag status={need.status} />
            <Tag color="blue">{t(`enum.cooperationType.${need.cooperation_type}`)}</Tag>
          </Space>
        }
        extra={actions}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={<h2 className="card-title">{t('needs.field.description')}</h2>}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{need.description}</Typography.Paragraph>
              {keywords.length > 0 ? (
                <div>
                  <Typography.Text type="secondary">{t('common.labelled', { label: t('challenges.field.keywords') })}</Typography.Text>
                  {keywords.map((keyword) => (
                    <Tag key={keyword}>{keyword}</Tag>
                  ))}
                </div>
              ) : null}
            </Card>
            {owner && ownerSection ? ownerSection(need) : null}
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={<h2 className="card-title">{t('challenges.facts')}</h2>}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'budget', label: t('needs.field.budget'), children: <span className="amount">{formatAmountRange(need.budget_min, need.budget_max, locale)}</span> },
                { key: 'cooperation', label: t('needs.field.cooperationType'), children: t(`enum.cooperationType.${need.cooperation_type}`) },
                { key: 'organisation', label: t('needs.field.organisation'), children: t('common.withNote', { text: need.organisation.name, note: t(`enum.region.${need.organisation.region}`) }) },
                { key: 'industry', label: t('challenges.field.industry'), children: need.industry.name },
                { key: 'created', label: t('common.createdAt'), children: formatMinute(need.created_at) },
                { key: 'updated', label: t('common.updatedAt'), children: formatMinute(need.updated_at) },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </article>
  );
}
