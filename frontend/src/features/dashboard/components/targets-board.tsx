import { EditOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';

import { CardTitle } from '@/components/card-title';
import { ErrorResult, EmptyBlock, LoadingBlock } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';

import { useTargets, type PolicyTarget } from '../api/get-targets';
import { formatPlain } from '../utils/figures';

import { TargetDrawer } from './target-drawer';
import { TargetProgressBar } from './target-progress-bar';

function TargetValue({ target }: { target: PolicyTarget }) {
  const { t, formatDate } = useI18n();
  const { computed, latest } = target;
  if (computed) return <>{t('policyTargets.current', { value: formatPlain(computed.value), unit: target.unit, date: formatDate(computed.as_of) })}</>;
  if (latest) return <>{t('policyTargets.latest', { value: formatPlain(latest.value), unit: target.unit, date: formatDate(latest.as_of) })}</>;
  return <>{t('policyTargets.noEntry')}</>;
}

function TargetCard({ target, onOpen }: { target: PolicyTarget; onOpen: () => void }) {
  const { t } = useI18n();
  const computed = target.computed;
  return (
    <Card
      size="small"
      style={{ height: '100%' }}
      title={<CardTitle level={3}>{target.name}</CardTitle>}
      extra={computed ? <Tag color="blue">{t('policyTargets.computed')}</Tag> : <Tag>{t('policyTargets.manual')}</Tag>}
      data-testid="target-card"
      actions={[
        <Button
          key="open"
          type="link"
          icon={computed ? <UnorderedListOutlined aria-hidden /> : <EditOutlined aria-hidden />}
          onClick={onOpen}
          aria-label={t(computed ? 'policyTargets.openComputedFor' : 'policyTargets.openFor', { name: target.name })}
        >
          {t(computed ? 'policyTargets.openComputed' : 'policyTargets.open')}
        </Button>,
      ]}
    >
      {target.group !== target.name ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
          {target.group}
        </Typography.Paragraph>
      ) : null}
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {t('policyTargets.target', { year: target.year })}
        <Typography.Text strong>{target.target_text}</Typography.Text>
        {target.target_value !== null ? <> <Tag>{target.direction_label}</Tag></> : null}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="target-latest">
        <TargetValue target={target} />
      </Typography.Paragraph>
      {computed ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }} ellipsis={{ rows: 2, tooltip: computed.description }}>
          {computed.description}
        </Typography.Paragraph>
      ) : null}
      {target.progress_ratio !== null ? <TargetProgressBar target={target} /> : null}
    </Card>
  );
}

function TargetSection({ title, intro, targets, onOpen }: { title: string; intro: string; targets: PolicyTarget[]; onOpen: (id: number) => void }) {
  if (targets.length === 0) return null;
  return (
    <section style={{ marginBottom: 24 }} aria-label={title}>
      <CardTitle>{title}</CardTitle>
      <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {targets.map((target) => (
          <Col key={target.id} xs={24} sm={12} lg={8}>
            <TargetCard target={target} onOpen={() => onOpen(target.id)} />
          </Col>
        ))}
      </Row>
    </section>
  );
}

/**
 * The policy's 2027 targets: those the platform computes (with their rule and records), then those
 * entered by hand, each with its latest reading and how far along it is. The drawer (?target=id)
 * shows a computed target's records, or takes a new reading and shows the history.
 */
export function TargetsBoard() {
  const { t } = useI18n();
  const targets = useTargets();
  const [params, setParams] = useSearchParams();
  const openId = Number.parseInt(params.get('target') ?? '', 10);
  const open = (id: number | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (id === null) next.delete('target');
      else next.set('target', String(id));
      return next;
    });

  if (targets.isPending) return <LoadingBlock cards={3} />;
  if (targets.isError) return <ErrorResult error={targets.error} onRetry={() => void targets.refetch()} />;
  if (targets.data.length === 0) return <EmptyBlock title={t('policyTargets.empty')} />;
  const selected = targets.data.find((target) => target.id === openId) ?? null;
  return (
    <>
      <TargetSection
        title={t('policyTargets.computedSection')}
        intro={t('policyTargets.computedIntro')}
        targets={targets.data.filter((target) => target.source === 'computed')}
        onOpen={open}
      />
      <TargetSection
        title={t('policyTargets.manualSection')}
        intro={t('policyTargets.manualIntro')}
        targets={targets.data.filter((target) => target.source === 'manual')}
        onOpen={open}
      />
      <TargetDrawer target={selected} onClose={() => open(null)} />
    </>
  );
}
