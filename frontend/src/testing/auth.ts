import type { User } from '@/lib/auth';

import { env } from '@/config/env';

import { jsonResponse, type ApiRoutes } from './mock-fetch';

/** Starts the test signed in as `user` (a stored token) and answers GET /api/auth/me/ with it. */
export function signedInAs(user: User): ApiRoutes {
  window.localStorage.setItem(env.TOKEN_STORAGE_KEY, `token-of-${user.username}`);
  return { 'GET /api/auth/me/': () => jsonResponse(user) };
}
