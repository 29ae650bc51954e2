import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { marchDrilldown } from '@/testing/data/dashboard';
import { jsonResponse, mockApi } from '@/testing/mock-fetch';
import { renderPart } from '@/testing/render-app';

import type { Drilldown } from '../../api/get-drilldown';
import { useDrilldownExport } from '../../hooks/use-drilldown-export';
import { DrilldownTable } from '../drilldown-table';

const target = { year: 2026, figure: 'month', key: '3' } as const;

function ExportHarness({ data }: { data: Drilldown }) {
  const { exportAs, jobId } = useDrilldownExport(target, data);
  return (
    <>
      <button onClick={() => exportAs('xlsx')}>导出</button>
      <output data-testid="job">{jobId ?? ''}</output>
    </>
  );
}

describe('the drill-down, part by part', () => {
  it('lists each contract with its link, counted amount and parties', () => {
    renderPart(<DrilldownTable data={marchDrilldown} isPending={false} isFetching={false} page={1} onPage={() => undefined} />);
    expect(screen.getByRole('link', { name: 'AGV集群调度与仓储路径规划' })).toHaveAttribute('href', '/deals/4');
    expect(screen.getByText('800万元')).toBeInTheDocument();
    expect(screen.getByText('湖州市外')).toBeInTheDocument();
  });

  it('builds a file too large for one request in the background', async () => {
    mockApi({ 'POST /api/dashboard/exports/': () => jsonResponse({ id: 5, total_rows: 612480 }, 202) });
    renderPart(<ExportHarness data={{ ...marchDrilldown, deals: 612480 }} />);
    fireEvent.click(screen.getByRole('button', { name: '导出' }));
    await waitFor(() => expect(screen.getByTestId('job')).toHaveTextContent('5'));
    expect(await screen.findByText(/612,480/)).toBeInTheDocument();
  });
});
