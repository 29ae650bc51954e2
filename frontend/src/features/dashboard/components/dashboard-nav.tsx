import { Menu } from 'antd';
import { Link, useLocation } from 'react-router';

import { useI18n } from '@/i18n/i18n';
import type { MessageKey } from '@/i18n/messages';

const PAGES: readonly { path: string; label: MessageKey }[] = [
  { path: '/dashboard', label: 'dashboard.nav.summary' },
  { path: '/dashboard/imports', label: 'dashboard.nav.imports' },
  { path: '/dashboard/targets', label: 'dashboard.nav.targets' },
  { path: '/dashboard/qualifications', label: 'qualifications.title' },
];

/** The officials' pages: the figures, the registry imports, the targets board, qualifications and consortia. */
export function DashboardNav() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const selected = [...PAGES].reverse().find((page) => pathname === page.path || pathname.startsWith(`${page.path}/`))?.path;
  return (
    <nav aria-label={t('dashboard.nav.label')} style={{ marginBottom: 16 }}>
      <Menu
        mode="horizontal"
        selectedKeys={selected ? [selected] : []}
        style={{ background: 'transparent' }}
        items={PAGES.map((page) => ({
          key: page.path,
          label: (
            <Link to={page.path} aria-current={page.path === selected ? 'page' : undefined}>
              {t(page.label)}
            </Link>
          ),
        }))}
      />
    </nav>
  );
}
