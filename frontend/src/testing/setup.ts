import '@testing-library/jest-dom/vitest';

import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';

import { takeUnroutedRequests } from './mock-fetch';

// How long findBy*/waitFor wait for what a test expects to appear: a bound for a hang, not a speed
// expectation. With 10 s, a dozen tests failed on 2 cores shared by several test runs, where one
// render of a lazy route with antd can take longer (issue 16); only a failing test waits it out.
configure({ asyncUtilTimeout: 60_000 });

// jsdom has no layout engine and no matchMedia. antd's Grid.useBreakpoint needs one, so this
// evaluates (min-width)/(max-width) queries against window.innerWidth: tests choose the screen
// width with `setViewportWidth` instead of mocking our own components.
function matches(query: string): boolean {
  const width = window.innerWidth;
  const min = /\(min-width:\s*(\d+)px\)/.exec(query);
  const max = /\(max-width:\s*(\d+(?:\.\d+)?)px\)/.exec(query);
  if (min?.[1] && width < Number(min[1])) return false;
  if (max?.[1] && width > Number(max[1])) return false;
  return Boolean(min || max);
}

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  configurable: true,
  value: (query: string): MediaQueryList => {
    const listeners = new Set<(event: MediaQueryListEvent) => void>();
    return {
      media: query,
      get matches() {
        return matches(query);
      },
      onchange: null,
      addListener: (listener: (event: MediaQueryListEvent) => void) => listeners.add(listener),
      removeListener: (listener: (event: MediaQueryListEvent) => void) => listeners.delete(listener),
      addEventListener: (_type: string, listener: (event: MediaQueryListEvent) => void) => listeners.add(listener),
      removeEventListener: (_type: string, listener: (event: MediaQueryListEvent) => void) =>
        listeners.delete(listener),
      dispatchEvent: () => false,
    } as unknown as MediaQueryList;
  },
});

// antd's sticky/scroll helpers and react-router's ScrollRestoration call scrollTo, which jsdom leaves unimplemented.
window.scrollTo = (() => undefined) as typeof window.scrollTo;

let unexpectedRequests: string[] = [];

beforeEach(() => {
  window.localStorage.clear();
  document.documentElement.lang = 'zh-CN';
  window.innerWidth = 1280;
  unexpectedRequests = [];
  takeUnroutedRequests();
  // The network is the one external boundary. A request that a test did not arrange with
  // mockFetch fails here and fails the test afterwards, even if the app swallowed the error.
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = input instanceof Request ? input.url : String(input);
      unexpectedRequests.push(url);
      throw new Error(`unexpected fetch in test: ${url}`);
    }),
  );
});

afterEach(() => {
  cleanup();
  if (unexpectedRequests.length > 0) {
    throw new Error(`requests the test did not arrange with mockFetch: ${unexpectedRequests.join(', ')}`);
  }
  const unrouted = takeUnroutedRequests();
  if (unrouted.length > 0) {
    throw new Error(`requests with no route in mockApi: ${[...new Set(unrouted)].join(', ')}`);
  }
});
