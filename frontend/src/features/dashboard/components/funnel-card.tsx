import { Card, Typography } from 'antd';
import { useMemo } from 'react';

import { CardTitle } from '@/components/card-title';
import { useI18n } from '@/i18n/i18n';

import type { DashboardSummary } from '../api/get-dashboard-summary';
import { drillTo, isFigure, type DrillTarget } from '../api/get-drilldown';
import { buildFunnelOption } from '../utils/chart-options';

import { Amount, useChartContext } from './amount';
import { EChart } from './echart';
import { FigureButton } from './figure-button';

/** 揭榜挂帅 from published challenges to counted contracts; only the contracts stage has a list behind it. */
export function FunnelCard({ summary, onDrill }: { summary: DashboardSummary; onDrill: (target: DrillTarget) => void }) {
  const { t } = useI18n();
  const ctx = useChartContext();
  const option = useMemo(() => buildFunnelOption(summary, summary.funnel, ctx), [summary, ctx]);
  return (
    <Card title={<CardTitle>{t('dashboard.funnel.title')}</CardTitle>} data-testid="funnel-card" style={{ height: '100%' }}>
      <EChart
        option={option}
        height={220}
        onDrill={onDrill}
        ariaLabel={t('dashboard.funnel.aria', {
          stages: summary.funnel.map((stage) => `${stage.label} ${stage.count}`).join('，'),
        })}
      />
      <ol style={{ margin: '8px 0 0', paddingInlineStart: 20 }}>
        {summary.funnel.map((stage) => (
          <li key={stage.key} data-testid="funnel-stage">
            <Typography.Text>{stage.label}</Typography.Text>
            {'：'}
            <Typography.Text strong>{stage.count}</Typography.Text>
            {stage.amount !== null ? (
              <>
                {' · '}
                {stage.figure && isFigure(stage.figure) ? (
                  <FigureButton
                    target={drillTo(summary, stage.figure, stage.drill_key ?? '')}
                    label={stage.label}
                    onDrill={onDrill}
                  >
                    <Amount value={stage.amount} />
                  </FigureButton>
                ) : (
                  <Amount value={stage.amount} />
                )}
              </>
            ) : null}
          </li>
        ))}
      </ol>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        {t('dashboard.funnel.note')}
      </Typography.Paragraph>
    </Card>
  );
}
