import type { User } from '@/lib/auth';

/** Officials (科技局) and the platform operator keep the ledger and see the dashboard (deals/permissions.py). */
export function canSeeDashboard(user: User | null | undefined): boolean {
  return Boolean(user?.is_official || user?.is_operator);
}
