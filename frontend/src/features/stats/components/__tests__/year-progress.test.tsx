import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { healthyReport } from '@/testing/data/health';
import { page } from '@/testing/data/marketplace';
import { stats } from '@/testing/data/matching';
import { jsonResponse, mockApi } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

import { progressPercent } from '../year-progress';

describe('progressPercent', () => {
  it('turns the API ratio into a bar percentage with one decimal, clamped to 0–100', () => {
    expect(progressPercent('0.4312')).toBe(43.1);
    expect(progressPercent('0.0003')).toBe(0);
    expect(progressPercent('1.2500')).toBe(100);
    expect(progressPercent('not a number')).toBe(0);
  });
});

describe('YearProgress on the home page', () => {
  it("shows the year's counted volume against its target, in 亿元, with an accessible bar", async () => {
    mockApi({
      'GET /api/health/': () => jsonResponse(healthyReport),
      'GET /api/stats/': () => jsonResponse(stats),
      'GET /api/challenges/': () => jsonResponse(page([])),
    });
    renderApp('/');
    const card = await screen.findByTestId('year-progress');
    expect(card).toHaveTextContent('2026年技术交易额');
    expect(card).toHaveTextContent('已认定登记并计入 75.47亿元（41份合同），年度目标 175亿元');
    expect(screen.getByRole('progressbar', { name: '2026年技术交易额完成年度目标的43.1%' })).toBeInTheDocument();
  });
});
