import type { MessageKey } from '@/i18n/messages';
import type { User } from '@/lib/auth';

export interface NavItem {
  path: string;
  label: MessageKey;
  /** Shown only to these users (the menu leaves it out for everyone else); everybody when absent. */
  visibleTo?: (user: User | null) => boolean;
}

/** Officials (科技局) and the operator: the dashboard's audience (deals/permissions.py can_see_dashboard). */
const ledgerKeepers = (user: User | null) => Boolean(user?.is_official || user?.is_operator);

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'nav.home' },
  { path: '/challenges', label: 'nav.challenges' },
  { path: '/needs', label: 'nav.needs' },
  { path: '/capabilities', label: 'nav.capabilities' },
  { path: '/search', label: 'nav.search' },
  { path: '/dashboard', label: 'nav.dashboard', visibleTo: ledgerKeepers },
  { path: '/status', label: 'nav.status' },
];

/** The menu entry for a location: '/challenges/12' selects '/challenges'; '/' only matches itself. */
export function selectedNavPath(pathname: string): string | undefined {
  if (pathname === '/') return '/';
  return NAV_ITEMS.find(
    (item) => item.path !== '/' && (pathname === item.path || pathname.startsWith(`${item.path}/`)),
  )?.path;
}
