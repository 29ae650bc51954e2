import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';

import { CardTitle } from '@/components/card-title';
import { ErrorResult, EmptyBlock, LoadingBlock } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';

import { useTargets, type PolicyTarget } from '../api/get-targets';
import { formatPlain } from '../utils/figures';

import { TargetDrawer } from './target-drawer';
import { TargetProgressBar } from './target-progress-bar';

function TargetCard({ target, onOpen }: { target: PolicyTarget; onOpen: () => void }) {
  const { t, formatDate } = useI18n();
  const latest = target.latest;
  return (
    <Card
      size="small"
      style={{ height: '100%' }}
      title={<CardTitle level={3}>{target.name}</CardTitle>}
      data-testid="target-card"
      actions={[
        <Button key="open" type="link" icon={<EditOutlined aria-hidden />} onClick={onOpen} aria-label={t('policyTargets.openFor', { name: target.name })}>
          {t('policyTargets.open')}
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
        <Typography.Text strong>{target.target_text}</Typography.Text> <Tag>{target.direction_label}</Tag>
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="target-latest">
        {latest
          ? t('policyTargets.latest', { value: formatPlain(latest.value), unit: target.unit, date: formatDate(latest.as_of) })
          : t('policyTargets.noEntry')}
      </Typography.Paragraph>
      {target.progress_ratio !== null ? <TargetProgressBar target={target} /> : null}
    </Card>
  );
}

/**
 * The policy's other 2027 targets, each with its latest reading and how far along it is. Officials
 * enter readings in the drawer (?target=id), which also shows the history.
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
      <Row gutter={[16, 16]}>
        {targets.data.map((target) => (
          <Col key={target.id} xs={24} sm={12} lg={8}>
            <TargetCard target={target} onOpen={() => open(target.id)} />
          </Col>
        ))}
      </Row>
      <TargetDrawer target={selected} onClose={() => open(null)} />
    </>
  );
}
