import { Alert, Card, Col, Row, Space, Tag } from 'antd';

import { PageHeader } from '@/components/page-header';
import { ErrorResult, LoadingBlock } from '@/components/query-states';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';
import { useCurrentUser } from '@/lib/auth';

import { useDeal } from '../api/get-deal';
import { DealFacts } from './deal-facts';
import { DealLedger } from './deal-ledger';
import { DealStatusTag } from './deal-tags';
import { isLedgerKeeper } from './keeper';
import { LedgerActions } from './ledger-actions';

const cardTitle = (text: string) => <h2 className="card-title">{text}</h2>;

/** One contract: the contract as it stands, its status, and its append-only ledger (who, when, why). */
export function DealDetail({ id }: { id: number }) {
  const { t } = useI18n();
  const { data: deal, error, isPending, refetch } = useDeal(id);
  const { user } = useCurrentUser();
  useDocumentTitle(deal?.title ?? t('deals.title'));
  const back = { to: '/deals', label: t('deals.backToList') };

  if (isPending) return <LoadingBlock cards={2} rows={4} />;
  if (error) {
    return (
      <>
        <PageHeader title={t('deals.title')} back={back} />
        <ErrorResult error={error} onRetry={() => void refetch()} />
      </>
    );
  }

  const keeper = isLedgerKeeper(user);
  const recorder = !keeper && deal.actions.includes('withdraw');
  return (
    <article data-testid="deal-detail" data-deal-id={deal.id}>
      <PageHeader
        back={back}
        title={deal.title}
        tags={
          <Space size={[0, 6]} wrap>
            <DealStatusTag status={deal.status} testId="deal-status" />
            <Tag>{t(`enum.contractType.${deal.contract_type}`)}</Tag>
            <Tag>{t(`enum.dealOrigin.${deal.origin ?? 'offline'}`)}</Tag>
          </Space>
        }
        extra={deal.actions.length > 0 ? <LedgerActions deal={deal} /> : undefined}
      />
      {!keeper && deal.status === 'recorded' ? (
        <Alert
          type="info"
          showIcon
          message={t(recorder ? 'deals.action.recorderHint' : 'deals.action.keeperOnly')}
          description={t('deals.countsHint')}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={cardTitle(t('deals.facts'))}>
            <DealFacts deal={deal} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={cardTitle(t('deals.ledger.title'))}>
            <DealLedger entries={deal.entries} />
          </Card>
        </Col>
      </Row>
    </article>
  );
}
