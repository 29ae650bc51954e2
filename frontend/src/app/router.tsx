import { lazy, type ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';

import { AppLayout } from '@/components/layout/app-layout';
import { NotificationBell } from '@/features/notifications/components/notification-bell';

import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';
import { StatusRoute } from './routes/status';

// The marketplace pages load on first visit (AppLayout shows a skeleton meanwhile): the home and
// status pages stay small, and the form-heavy antd code (pickers, tables, selects) arrives only
// with the pages that use it. See the chunk groups in vite.config.ts.
const page = <T extends Record<string, ComponentType>>(load: () => Promise<T>, name: keyof T) =>
  lazy(() => load().then((module) => ({ default: module[name] as ComponentType })));

const LoginRoute = page(() => import('./routes/auth/login'), 'LoginRoute');
const RegisterRoute = page(() => import('./routes/auth/register'), 'RegisterRoute');
const VerificationRoute = page(() => import('./routes/auth/verification'), 'VerificationRoute');
const OrganisationMembersRoute = page(() => import('./routes/account/organisation-members'), 'OrganisationMembersRoute');
const ChallengesRoute = page(() => import('./routes/challenges/list'), 'ChallengesRoute');
const NewChallengeRoute = page(() => import('./routes/challenges/new'), 'NewChallengeRoute');
const ChallengeRoute = page(() => import('./routes/challenges/detail'), 'ChallengeRoute');
const EditChallengeRoute = page(() => import('./routes/challenges/edit'), 'EditChallengeRoute');
const NeedsRoute = page(() => import('./routes/needs/list'), 'NeedsRoute');
const NewNeedRoute = page(() => import('./routes/needs/new'), 'NewNeedRoute');
const NeedRoute = page(() => import('./routes/needs/detail'), 'NeedRoute');
const CapabilitiesRoute = page(() => import('./routes/capabilities/list'), 'CapabilitiesRoute');
const NewCapabilityRoute = page(() => import('./routes/capabilities/new'), 'NewCapabilityRoute');
const CapabilityRoute = page(() => import('./routes/capabilities/detail'), 'CapabilityRoute');
const SearchRoute = page(() => import('./routes/search/search'), 'SearchRoute');
const RecommendationsRoute = page(() => import('./routes/account/recommendations'), 'RecommendationsRoute');
const MyBidsRoute = page(() => import('./routes/account/my-bids'), 'MyBidsRoute');
const NotificationsRoute = page(() => import('./routes/account/notifications'), 'NotificationsRoute');
const DealsRoute = page(() => import('./routes/deals/list'), 'DealsRoute');
const NewDealRoute = page(() => import('./routes/deals/new'), 'NewDealRoute');
const DealRoute = page(() => import('./routes/deals/detail'), 'DealRoute');
const DashboardRoute = page(() => import('./routes/dashboard/dashboard'), 'DashboardRoute');
const DealImportsRoute = page(() => import('./routes/dashboard/imports'), 'DealImportsRoute');
const DealImportRoute = page(() => import('./routes/dashboard/import-detail'), 'DealImportRoute');
const TargetsRoute = page(() => import('./routes/dashboard/targets'), 'TargetsRoute');
const QualificationsRoute = page(() => import('./routes/dashboard/qualifications'), 'QualificationsRoute');

// Paths are the site's public URLs; Django's `spa` view returns index.html for each of them.
export const routes: RouteObject[] = [
  {
    path: '/',
    // The layout is shared; the bell comes from a feature, so it is composed in here.
    element: <AppLayout headerActions={<NotificationBell />} />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: 'login', element: <LoginRoute /> },
      { path: 'register', element: <RegisterRoute /> },
      { path: 'verification', element: <VerificationRoute /> },
      { path: 'organisation/members', element: <OrganisationMembersRoute /> },
      { path: 'challenges', element: <ChallengesRoute /> },
      { path: 'challenges/new', element: <NewChallengeRoute /> },
      { path: 'challenges/:id', element: <ChallengeRoute /> },
      { path: 'challenges/:id/edit', element: <EditChallengeRoute /> },
      { path: 'needs', element: <NeedsRoute /> },
      { path: 'needs/new', element: <NewNeedRoute /> },
      { path: 'needs/:id', element: <NeedRoute /> },
      { path: 'capabilities', element: <CapabilitiesRoute /> },
      { path: 'capabilities/new', element: <NewCapabilityRoute /> },
      { path: 'capabilities/:id', element: <CapabilityRoute /> },
      { path: 'search', element: <SearchRoute /> },
      { path: 'recommendations', element: <RecommendationsRoute /> },
      { path: 'my-bids', element: <MyBidsRoute /> },
      { path: 'notifications', element: <NotificationsRoute /> },
      { path: 'deals', element: <DealsRoute /> },
      { path: 'deals/new', element: <NewDealRoute /> },
      { path: 'deals/:id', element: <DealRoute /> },
      { path: 'dashboard', element: <DashboardRoute /> },
      { path: 'dashboard/imports', element: <DealImportsRoute /> },
      { path: 'dashboard/imports/:id', element: <DealImportRoute /> },
      { path: 'dashboard/targets', element: <TargetsRoute /> },
      { path: 'dashboard/qualifications', element: <QualificationsRoute /> },
      { path: 'status', element: <StatusRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(routes);
