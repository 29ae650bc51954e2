import { vi } from 'vitest';

export type FetchHandler = (request: Request) => Response | Promise<Response>;

/**
 * Replaces the global fetch (the app's only way out to the network) with `handler`.
 * Returns the spy so tests can check which requests were made.
 */
export function mockFetch(handler: FetchHandler) {
  const spy = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) =>
    handler(input instanceof Request ? input : new Request(input, init)),
  );
  vi.stubGlobal('fetch', spy);
  return spy;
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** The path and method of each request the spy received, e.g. ['GET /api/health/']. */
export function requestsMade(spy: ReturnType<typeof mockFetch>): string[] {
  return spy.mock.calls.map(([input]) => {
    const request = input as Request;
    return `${request.method} ${new URL(request.url).pathname}`;
  });
}

export type ApiRoutes = Record<string, (request: Request) => Response | Promise<Response>>;

let unrouted: string[] = [];

/** Sections every challenge page loads, answered empty unless a test routes them itself. */
function defaultRoute(key: string): ((request: Request) => Response) | undefined {
  if (/^GET \/api\/challenges\/\d+\/questions\/$/.test(key)) {
    return () => new Response(JSON.stringify({ results: [], can_ask: false, unanswered: 0 }), { headers: { 'Content-Type': 'application/json' } });
  }
  return undefined;
}

/** The requests mockApi had no route for since the last call (setup.ts fails the test on any). */
export function takeUnroutedRequests(): string[] {
  const taken = unrouted;
  unrouted = [];
  return taken;
}

/**
 * Answers requests by "METHOD /path/" (query strings ignored: tests read them from the spy).
 * A request with no route fails the way an unarranged request does in setup.ts: the app may
 * swallow the network error, the test still fails afterwards.
 */
export function mockApi(routes: ApiRoutes) {
  return mockFetch((request) => {
    const key = `${request.method} ${new URL(request.url).pathname}`;
    const route = routes[key] ?? defaultRoute(key);
    if (!route) {
      unrouted.push(key);
      throw new Error(`no mocked route for ${key}`);
    }
    return route(request);
  });
}

/** The requests the spy received, as Request objects (to read headers, query and body). */
export function requestsTo(spy: ReturnType<typeof mockFetch>, methodAndPath: string): Request[] {
  return spy.mock.calls
    .map(([input]) => input as Request)
    .filter((request) => `${request.method} ${new URL(request.url).pathname}` === methodAndPath);
}
