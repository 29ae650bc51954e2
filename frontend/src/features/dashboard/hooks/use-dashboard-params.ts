import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

import { isFigure, type DrillTarget } from '../api/get-drilldown';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const currentYear = () => new Date().getFullYear();

function parseYear(value: string | null): number | null {
  const year = value ? Number.parseInt(value, 10) : Number.NaN;
  return year >= 2000 && year <= 2100 ? year : null;
}

/** Which question a date asks: 截至 (contracts dated up to it) or 账本回溯 (the ledger as recorded that day). */
export type DateMode = 'as_of' | 'recorded';

export interface DashboardParams {
  year: number;
  /** YYYY-MM-DD: 截至, or null for the whole year. */
  asOf: string | null;
  /** YYYY-MM-DD: 账本回溯, or null for today's ledger. Never set together with asOf. */
  recordedAsOf: string | null;
  /** The figure whose contracts are open in the drill-down drawer. */
  drill: DrillTarget | null;
  drillPage: number;
  setYear: (year: number) => void;
  /** One date at a time, in one of the two modes; null clears it. */
  setDate: (mode: DateMode, date: string | null) => void;
  openDrill: (target: DrillTarget) => void;
  closeDrill: () => void;
  setDrillPage: (page: number) => void;
}

const dateParam = (value: string | null) => (value && DATE.test(value) ? value : null);

/**
 * The dashboard's state lives in the URL (?year=2026&as_of=… or &recorded_as_of=…, &figure=month&key=3&drill_year=2026):
 * a figure's contract list can be bookmarked and shared, and the back button closes it.
 */
export function useDashboardParams(): DashboardParams {
  const [params, setParams] = useSearchParams();
  const year = parseYear(params.get('year')) ?? currentYear();
  const recordedAsOf = dateParam(params.get('recorded_as_of'));
  // An audit date wins over a 截至 date if a hand-written address carries both.
  const asOf = recordedAsOf ? null : dateParam(params.get('as_of'));
  const figure = params.get('figure');
  const key = params.get('key') ?? '';
  const drillYear = parseYear(params.get('drill_year')) ?? year;
  const drill = useMemo<DrillTarget | null>(
    () => (isFigure(figure) ? { year: drillYear, figure, key, asOf, ...(recordedAsOf ? { recordedAsOf } : {}) } : null),
    [figure, key, drillYear, asOf, recordedAsOf],
  );
  const drillPage = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);

  const update = useCallback(
    (patch: Record<string, string | null>, replace = false) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [name, value] of Object.entries(patch)) {
            if (value === null || value === '') next.delete(name);
            else next.set(name, value);
          }
          return next;
        },
        { replace },
      ),
    [setParams],
  );

  const closed = { figure: null, key: null, drill_year: null, page: null };
  return {
    year,
    asOf,
    recordedAsOf,
    drill,
    drillPage,
    setYear: (next) => update({ year: String(next), ...closed }),
    setDate: (mode, date) =>
      update({ as_of: mode === 'as_of' ? date : null, recorded_as_of: mode === 'recorded' ? date : null, ...closed }),
    openDrill: (target) =>
      update({ figure: target.figure, key: target.key, drill_year: target.year === year ? null : String(target.year), page: null }),
    closeDrill: () => update(closed),
    setDrillPage: (page) => update({ page: page > 1 ? String(page) : null }, true),
  };
}
