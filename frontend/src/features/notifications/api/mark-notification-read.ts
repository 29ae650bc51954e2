import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { notificationKeys, type Notification } from './get-notifications';

export const markNotificationRead = (id: number) =>
  unwrap(api.POST('/api/notifications/{id}/read/', { params: { path: { id } } }));

type NotificationPage = { count: number; results: Notification[] };

/** Marks one notification read; every cached page shows the answer at once, and the count is asked again. */
export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    onSuccess: (notification) => {
      queryClient.setQueriesData<NotificationPage>({ queryKey: notificationKeys.lists() }, (page) =>
        page ? { ...page, results: page.results.map((item) => (item.id === notification.id ? notification : item)) } : page,
      );
      void queryClient.invalidateQueries({ queryKey: notificationKeys.unread() });
    },
  });
}
