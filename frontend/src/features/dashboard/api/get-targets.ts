import { queryOptions, useQuery } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { dashboardKeys } from './get-dashboard-summary';

export type PolicyTarget = components['schemas']['PolicyTargetOutput'];
export type PolicyTargetDetail = components['schemas']['PolicyTargetDetailOutput'];
export type TargetProgress = components['schemas']['TargetProgressOutput'];

export const getTargets = ({ signal }: { signal?: AbortSignal } = {}) => unwrap(api.GET('/api/dashboard/targets/', { signal }));

export const getTarget = (id: number, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/dashboard/targets/{id}/', { params: { path: { id } }, signal }));

export const useTargets = () =>
  useQuery(queryOptions({ queryKey: dashboardKeys.targets(), queryFn: ({ signal }) => getTargets({ signal }) }));

/** One target with its full progress history (newest first). */
export const useTarget = (id: number | null) =>
  useQuery(
    queryOptions({
      queryKey: dashboardKeys.target(id ?? 0),
      queryFn: ({ signal }) => getTarget(id!, { signal }),
      enabled: id !== null,
    }),
  );
