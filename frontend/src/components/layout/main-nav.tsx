import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import { Link, useLocation } from 'react-router';

import { useI18n } from '@/i18n/i18n';
import { useCurrentUser } from '@/lib/auth';

import { NAV_ITEMS, selectedNavPath } from './nav-items';

export interface MainNavProps {
  mode: 'horizontal' | 'inline';
  onNavigate?: () => void;
}

/** The site's main menu, rendered as real links inside a labelled <nav>. */
export function MainNav({ mode, onNavigate }: MainNavProps) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const { user } = useCurrentUser();
  const selected = selectedNavPath(pathname);

  const items: MenuProps['items'] = NAV_ITEMS.filter((item) => !item.visibleTo || item.visibleTo(user)).map((item) => ({
    key: item.path,
    label: (
      <Link to={item.path} onClick={onNavigate} aria-current={item.path === selected ? 'page' : undefined}>
        {t(item.label)}
      </Link>
    ),
  }));

  return (
    <nav aria-label={t('nav.label')} style={mode === 'horizontal' ? { flex: 1, minWidth: 0 } : undefined}>
      <Menu
        mode={mode}
        theme={mode === 'horizontal' ? 'dark' : 'light'}
        selectedKeys={selected ? [selected] : []}
        items={items}
        style={mode === 'horizontal' ? { borderBottom: 'none', background: 'transparent' } : { borderInlineEnd: 'none' }}
      />
    </nav>
  );
}
