import { env } from '@/config/env';
import type { User } from '@/lib/auth';

import { jsonResponse, type ApiRoutes } from './mock-fetch';

/**
 * Starts the test signed in as `user` (a stored token), answers GET /api/auth/me/ with it and the
 * header bell's unread count with `unread` (tests of the bell override that route).
 */
export function signedInAs(user: User, { unread = 0 }: { unread?: number } = {}): ApiRoutes {
  window.localStorage.setItem(env.TOKEN_STORAGE_KEY, `token-of-${user.username}`);
  return {
    'GET /api/auth/me/': () => jsonResponse(user),
    'GET /api/notifications/unread-count/': () => jsonResponse({ unread }),
  };
}
