import { Typography } from 'antd';
// Type only: the library itself loads lazily with the first chart (../lib/echarts).
import type { EChartsType } from 'echarts/core';
import { useEffect, useRef, useState, type CSSProperties } from 'react';

import { useI18n } from '@/i18n/i18n';

import type { DrillTarget } from '../api/get-drilldown';
import { drillTargetOf, type ChartOption } from '../utils/chart-options';

/**
 * Charts need a canvas and ResizeObserver (every browser the site supports has both). Where they
 * are missing (jsdom in the tests, a very old browser) the chart is left out; every figure it
 * draws is also in the table or list next to it.
 */
export function canDrawCharts(): boolean {
  return typeof window !== 'undefined' && typeof window.ResizeObserver === 'function' && typeof HTMLCanvasElement !== 'undefined';
}

export interface EChartProps {
  option: ChartOption;
  /** What the chart shows, for screen readers (the canvas itself says nothing). */
  ariaLabel: string;
  height?: number;
  /** Called with the drill-down of a clicked element that has one. */
  onDrill?: (target: DrillTarget) => void;
  style?: CSSProperties;
}

/**
 * A small React wrapper around ECharts (canvas renderer): created on mount, given each new option
 * whole (notMerge, so removed series disappear), resized with its container, disposed on unmount.
 */
export function EChart({ option, ariaLabel, height = 320, onDrill, style }: EChartProps) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  // The click handler is registered once; it calls whichever onDrill the latest render passed.
  const latestDrill = useRef(onDrill);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const supported = canDrawCharts();

  useEffect(() => {
    latestDrill.current = onDrill;
  });

  useEffect(() => {
    if (!supported) return undefined;
    let disposed = false;
    let observer: ResizeObserver | null = null;
    import('../lib/echarts')
      .then(({ echarts }) => {
        const element = container.current;
        if (disposed || !element) return;
        const instance = echarts.init(element, undefined, { renderer: 'canvas' });
        chart.current = instance;
        instance.on('click', (params) => {
          const target = drillTargetOf(params);
          if (target) latestDrill.current?.(target);
        });
        observer = new ResizeObserver(() => instance.resize());
        observer.observe(element);
        setReady(true);
      })
      .catch(() => {
        if (!disposed) setFailed(true);
      });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, [supported]);

  useEffect(() => {
    if (!ready || !chart.current) return;
    chart.current.setOption(option as Parameters<EChartsType['setOption']>[0], { notMerge: true });
  }, [ready, option]);

  if (!supported || failed) {
    return (
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="chart-fallback">
        {t('dashboard.chart.unavailable')}
      </Typography.Paragraph>
    );
  }
  return (
    <div role="img" aria-label={ariaLabel} style={{ width: '100%', height, ...style }}>
      <div ref={container} style={{ width: '100%', height: '100%' }} />
    </div>
  );
}
