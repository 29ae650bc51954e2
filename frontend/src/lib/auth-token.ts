import { env } from '@/config/env';

/**
 * The API token of the signed-in user, kept in localStorage so a reload stays signed in.
 * A tiny external store: React subscribes with useSyncExternalStore (lib/auth.tsx) and the
 * API client reads it on every request, so neither captures a stale value.
 */
type Listener = () => void;
const listeners = new Set<Listener>();

export function getToken(): string | null {
  try {
    return window.localStorage.getItem(env.TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function setToken(token: string | null): void {
  try {
    if (token) window.localStorage.setItem(env.TOKEN_STORAGE_KEY, token);
    else window.localStorage.removeItem(env.TOKEN_STORAGE_KEY);
  } catch {
    // Storage unavailable: the user stays signed in for nothing longer than this request.
  }
  listeners.forEach((listener) => listener());
}

export function subscribeToken(listener: Listener): () => void {
  listeners.add(listener);
  // Another tab signing in or out changes localStorage: follow it.
  const onStorage = (event: StorageEvent) => {
    if (event.key === env.TOKEN_STORAGE_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}
