import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { useCurrentUser } from '@/lib/auth';

import { notificationKeys } from './get-notifications';

/** How often the header asks for the unread count while someone is signed in. */
export const UNREAD_POLL_MS = 60_000;

export const getUnreadCount = ({ signal }: { signal?: AbortSignal } = {}) =>
  unwrap(api.GET('/api/notifications/unread-count/', { signal }));

export const getUnreadCountQueryOptions = () =>
  queryOptions({
    queryKey: notificationKeys.unread(),
    queryFn: ({ signal }) => getUnreadCount({ signal }),
    // Polled: a failed poll waits for the next one rather than retrying at once.
    retry: false,
    refetchInterval: UNREAD_POLL_MS,
    // A hidden tab does not poll; react-query asks again when the window regains focus.
    refetchIntervalInBackground: false,
  });

/**
 * The unread count, polled every minute while a user is signed in (only once the user is known:
 * a stale token must not poll). Signing out resets every query, so nothing carries over.
 */
export function useUnreadCount() {
  const { user } = useCurrentUser();
  return useQuery({ ...getUnreadCountQueryOptions(), enabled: user !== null });
}
