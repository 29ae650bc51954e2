import { createBrowserRouter, type RouteObject } from 'react-router';

import { AppLayout } from '@/components/layout/app-layout';

import { ComingSoonRoute } from './routes/coming-soon';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';
import { StatusRoute } from './routes/status';

// Paths are the site's public URLs; Django's `spa` view returns index.html for each of them.
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: 'challenges', element: <ComingSoonRoute feature="nav.challenges" /> },
      { path: 'needs', element: <ComingSoonRoute feature="nav.needs" /> },
      { path: 'capabilities', element: <ComingSoonRoute feature="nav.capabilities" /> },
      { path: 'search', element: <ComingSoonRoute feature="nav.search" /> },
      { path: 'dashboard', element: <ComingSoonRoute feature="nav.dashboard" /> },
      { path: 'status', element: <StatusRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(routes);
