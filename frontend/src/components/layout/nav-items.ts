import type { MessageKey } from '@/i18n/messages';

export interface NavItem {
  path: string;
  label: MessageKey;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'nav.home' },
  { path: '/challenges', label: 'nav.challenges' },
  { path: '/needs', label: 'nav.needs' },
  { path: '/capabilities', label: 'nav.capabilities' },
  { path: '/search', label: 'nav.search' },
  { path: '/dashboard', label: 'nav.dashboard' },
  { path: '/status', label: 'nav.status' },
];

/** The menu entry for a location: '/challenges/12' selects '/challenges'; '/' only matches itself. */
export function selectedNavPath(pathname: string): string | undefined {
  if (pathname === '/') return '/';
  return NAV_ITEMS.find(
    (item) => item.path !== '/' && (pathname === item.path || pathname.startsWith(`${item.path}/`)),
  )?.path;
}
