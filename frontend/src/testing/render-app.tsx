import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, ConfigProvider, Form } from 'antd';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';

import { AppProvider } from '@/app/provider';
import { routes } from '@/app/router';

// No open/close animations and no click ripple: each is timers and getComputedStyle calls in jsdom
// for every dialog, drawer, select and button, and nothing a test checks.
const NO_MOTION = { token: { motion: false } };
const NO_WAVE = { disabled: true };

function renderRoutes(routeObjects: RouteObject[], path: string) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, refetchInterval: false, gcTime: Infinity } },
  });
  const router = createMemoryRouter(routeObjects, { initialEntries: [path] });
  const user = userEvent.setup();
  const view = render(
    <AppProvider queryClient={queryClient}>
      <ConfigProvider theme={NO_MOTION} wave={NO_WAVE}>
        <RouterProvider router={router} />
      </ConfigProvider>
    </AppProvider>,
  );
  return { ...view, user, router, queryClient };
}

/** Renders the real app (providers, layout, routes) at `path`, with a query client that never retries. */
export function renderApp(path = '/') {
  return renderRoutes(routes, path);
}

/** Renders one component with the app's providers and a router (for a component's own test). */
export function renderPart(ui: ReactNode, path = '/') {
  return renderRoutes([{ path: '*', element: ui }], path);
}

/** Renders form fields (a form's part) inside an antd form with a 提交 button, for the part's own test. */
export function renderFields(fields: ReactNode, initialValues?: object) {
  return renderPart(
    <Form aria-label="表单" initialValues={initialValues}>
      {fields}
      <Button htmlType="submit">提交</Button>
    </Form>,
  );
}
