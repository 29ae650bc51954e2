import createClient, { type Middleware } from 'openapi-fetch';

import type { paths } from '@/api/schema';
import { env } from '@/config/env';

import { getToken, setToken } from './auth-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

function readCookie(name: string): string | undefined {
  const prefix = `${name}=`;
  const found = document.cookie.split('; ').find((part) => part.startsWith(prefix));
  return found ? decodeURIComponent(found.slice(prefix.length)) : undefined;
}

/** Django's session authentication requires the CSRF cookie echoed in a header on writes. */
const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (SAFE_METHODS.has(request.method)) return undefined;
    const token = readCookie('csrftoken');
    if (token) request.headers.set('X-CSRFToken', token);
    return request;
  },
};

/**
 * Sends the signed-in user's token, and the UI language so that server messages (validation
 * errors, state-change refusals) come back in the language the user reads.
 */
const authMiddleware: Middleware = {
  onRequest({ request }) {
    const token = getToken();
    if (token) request.headers.set('Authorization', `Token ${token}`);
    const lang = document.documentElement.lang;
    if (lang) request.headers.set('Accept-Language', lang);
    return request;
  },
  onResponse({ request, response }) {
    // DRF answers 401 to every request carrying a token it no longer knows (deleted user, reset
    // database), even public reads. Forget it so the next attempt goes out anonymously.
    const sent = request.headers.get('Authorization');
    if (response.status === 401 && sent && sent === `Token ${getToken()}`) setToken(null);
    return undefined;
  },
};

/**
 * The one typed API client. It only does transport: notifications, redirects and retries
 * belong to app/provider.tsx and the query layer.
 */
export const api = createClient<paths>({
  baseUrl: env.API_URL,
  credentials: 'same-origin',
  headers: { Accept: 'application/json' },
  // Look `fetch` up at call time rather than capturing it at import, so the global
  // fetch stays the single external boundary (tests stub exactly that).
  fetch: (request) => globalThis.fetch(request),
});

api.use(csrfMiddleware);
api.use(authMiddleware);
