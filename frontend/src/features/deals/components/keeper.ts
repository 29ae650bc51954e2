import type { User } from '@/lib/auth';

/**
 * 科技部门 (officials) and the platform operator keep the ledger: they see every contract, record
 * offline ones, register, amend, void and reverse (backend deals/permissions.py). Everyone else
 * sees the contracts its organisation is a party to.
 */
export function isLedgerKeeper(user: User | null | undefined): boolean {
  return Boolean(user?.is_operator || user?.is_official);
}
