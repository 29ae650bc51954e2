import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type { components, paths } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type Notification = components['schemas']['NotificationOutput'];
export type NotificationQuery = NonNullable<paths['/api/notifications/']['get']['parameters']['query']>;

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: () => [...notificationKeys.all, 'unread-count'] as const,
  lists: () => [...notificationKeys.all, 'list'] as const,
  list: (query: NotificationQuery) => [...notificationKeys.lists(), query] as const,
};

export const getNotifications = (query: NotificationQuery, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/notifications/', { params: { query }, signal }));

export const getNotificationsQueryOptions = (query: NotificationQuery) =>
  queryOptions({
    queryKey: notificationKeys.list(query),
    queryFn: ({ signal }) => getNotifications(query, { signal }),
    placeholderData: keepPreviousData,
  });

/** The signed-in user's notifications, newest first. */
export const useNotifications = (query: NotificationQuery, { enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ ...getNotificationsQueryOptions(query), enabled });
