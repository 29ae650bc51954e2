import { Card, Col, Row, Segmented, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';

import { CardTitle } from '@/components/card-title';
import { useI18n } from '@/i18n/i18n';

import type { DashboardSummary } from '../api/get-dashboard-summary';
import { drillTo, isFigure, type DrillTarget } from '../api/get-drilldown';
import { formatRatio } from '../utils/figures';
import { partnerRows, type PartnerRow } from '../utils/partners';

import { Amount } from './amount';
import { FigureButton } from './figure-button';
import { Kpi } from './kpi';

type Side = 'inflow' | 'outflow';

/**
 * 输出 (the seller is here), 吸纳 (the buyer is here) and 本地 (both) side by side, whatever flow
 * the year's rule counts, with the rule's flow in words; then a flow by where the other party is,
 * 长三角 first. Every figure opens its contracts.
 */
export function FlowsCard({ summary, onDrill, isPhone }: { summary: DashboardSummary; onDrill: (target: DrillTarget) => void; isPhone: boolean }) {
  const { t } = useI18n();
  const [side, setSide] = useState<Side>('inflow');
  const items = side === 'inflow' ? summary.inflow_by_partner : summary.outflow_by_partner;
  const rows = useMemo(() => partnerRows(items, t('dashboard.flows.yangtzeDelta')), [items, t]);
  const { rule } = summary;

  const columns: ColumnsType<PartnerRow> = [
    {
      title: t('dashboard.flows.partner'),
      key: 'label',
      fixed: 'left',
      width: isPhone ? 150 : 180,
      render: (_, row) => (row.item ? row.label : <strong>{row.label}</strong>),
    },
    {
      title: t('dashboard.table.amount'),
      key: 'amount',
      align: 'right',
      render: (_, row) =>
        row.item && isFigure(row.item.figure) ? (
          <FigureButton target={drillTo(summary, row.item.figure, row.item.key)} label={`${t(`dashboard.flows.side.${side}`)} · ${row.item.label}`} onDrill={onDrill}>
            <Amount value={row.amount} />
          </FigureButton>
        ) : (
          <strong>
            <Amount value={row.amount} />
          </strong>
        ),
    },
    { title: t('dashboard.table.deals'), dataIndex: 'deals', align: 'right', width: 72 },
    { title: t('dashboard.flows.shareOfFlow'), key: 'share', align: 'right', width: 96, render: (_, row) => formatRatio(row.share) },
  ];

  return (
    <Card
      title={<CardTitle>{t('dashboard.flows.title')}</CardTitle>}
      data-testid="flows-card"
    >
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={10}>
          <Tag color="blue" style={{ marginBottom: 12, whiteSpace: 'normal' }}>
            {t('dashboard.flows.counts', { flow: rule.flow_label })}
          </Tag>
          <dl style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: 16, margin: '0 0 12px' }}>
            {summary.by_flow.map((item) => (
              <Kpi key={item.key} label={item.label} testId={`flow-${item.key}`} hint={t('dashboard.dealsCount', { n: item.deals })}>
                {isFigure(item.figure) ? (
                  <FigureButton target={drillTo(summary, item.figure, item.key)} label={item.label} onDrill={onDrill} strong>
                    <Amount value={item.amount} />
                  </FigureButton>
                ) : (
                  <Amount value={item.amount} />
                )}
              </Kpi>
            ))}
          </dl>
          <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="flows-rule">
            {t(`dashboard.flows.rule.${rule.flow}`, { year: summary.year })}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
            {summary.district
              ? t('dashboard.flows.noteDistrict', { district: summary.district_label ?? summary.district })
              : t('dashboard.flows.note')}
          </Typography.Paragraph>
        </Col>
        <Col xs={24} xl={14}>
          <Segmented<Side>
            block
            value={side}
            onChange={setSide}
            options={[
              { value: 'inflow', label: t('dashboard.flows.partners.inflow') },
              { value: 'outflow', label: t('dashboard.flows.partners.outflow') },
            ]}
            style={{ marginBottom: 12 }}
            data-testid="partner-side"
          />
          <Table<PartnerRow>
            rowKey="key"
            size="small"
            columns={columns}
            dataSource={rows}
            pagination={false}
            expandable={{ defaultExpandAllRows: true, indentSize: isPhone ? 6 : 12 }}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('dashboard.breakdown.empty') }}
            data-testid="partner-table"
          />
        </Col>
      </Row>
    </Card>
  );
}
