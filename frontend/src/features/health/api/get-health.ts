import { queryOptions, useQuery } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';

export type Health = components['schemas']['HealthOutput'];
export type HealthChecks = components['schemas']['HealthChecksOutput'];
export type HealthCheck = components['schemas']['HealthCheckOutput'];
export type HealthCheckName = keyof HealthChecks;

/** The order in which checks are shown. */
export const HEALTH_CHECK_NAMES = ['database', 'broker', 'search', 'encoder'] as const satisfies readonly HealthCheckName[];

export interface HealthReport {
  health: Health;
  /** 200 when every check passed, 503 when one failed: both carry the full report. */
  httpStatus: number;
  receivedAt: number;
}

/** The health endpoint could not give a report at all (network failure, proxy error page...). */
export class HealthUnavailableError extends Error {
  readonly httpStatus: number | null;
  readonly body: string;

  constructor(message: string, { httpStatus = null, body = '' }: { httpStatus?: number | null; body?: string } = {}) {
    super(message);
    this.name = 'HealthUnavailableError';
    this.httpStatus = httpStatus;
    this.body = body;
  }
}

const STATUSES: readonly unknown[] = ['ok', 'error'];

function isHealth(value: unknown): value is Health {
  if (typeof value !== 'object' || value === null) return false;
  const { status, checks } = value as Record<string, unknown>;
  if (!STATUSES.includes(status) || typeof checks !== 'object' || checks === null) return false;
  return HEALTH_CHECK_NAMES.every((name) => {
    const check = (checks as Record<string, unknown>)[name];
    return typeof check === 'object' && check !== null && STATUSES.includes((check as Record<string, unknown>).status);
  });
}

export async function getHealth({ signal }: { signal?: AbortSignal } = {}): Promise<HealthReport> {
  const { data, error, response } = await api.GET('/api/health/', { signal });
  const receivedAt = Date.now();
  if (data !== undefined) return { health: data, httpStatus: response.status, receivedAt };
  // A failing check answers 503 with the same body: that is a report to show, not a transport error.
  const body: unknown = error;
  if (isHealth(body)) return { health: body, httpStatus: response.status, receivedAt };
  throw new HealthUnavailableError(`HTTP ${response.status}`, {
    httpStatus: response.status,
    body: typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body, null, 2),
  });
}

export const HEALTH_REFETCH_INTERVAL_MS = 30_000;

export const getHealthQueryOptions = () =>
  queryOptions({
    queryKey: ['health'],
    queryFn: ({ signal }) => getHealth({ signal }),
    refetchInterval: HEALTH_REFETCH_INTERVAL_MS,
  });

export const useHealth = () => useQuery(getHealthQueryOptions());
