import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Typography } from 'antd';
import { Suspense, useState, type ReactNode } from 'react';
import { Link, Outlet, ScrollRestoration } from 'react-router';

import { LoadingBlock } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';

import { HeaderSearch } from './header-search';
import { LanguageSwitch } from './language-switch';
import { MainNav } from './main-nav';
import { UserMenu } from './user-menu';

const { Header, Content, Footer } = Layout;

export interface AppLayoutProps {
  /** Header controls that belong to features (the notification bell), composed in app/router. */
  headerActions?: ReactNode;
}

export function AppLayout({ headerActions }: AppLayoutProps) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  // Until the first measurement `md` is undefined: render the desktop header rather than flash the phone one.
  const isPhone = screens.md === false;
  // Below 1600px the header is full (seven menu entries, search, bell, account): the language
  // switch and the recommendations link shrink to short forms so that the menu keeps its entries.
  const isWide = screens.xxl === true;
  const [drawerOpen, setDrawerOpen] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <Header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 10,
          display: 'flex',
          alignItems: 'center',
          gap: isPhone ? 4 : 8,
          paddingInline: isPhone ? 12 : 24,
        }}
      >
        <Link to="/" className="brand">
          <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width={28} height={28} />
          <span className="brand-name">{t('app.name')}</span>
        </Link>
        {isPhone ? <div style={{ flex: 1 }} /> : <MainNav mode="horizontal" />}
        <HeaderSearch compact={isPhone} />
        <LanguageSwitch compact={!isWide} />
        {headerActions}
        <UserMenu compact={isPhone} narrow={!isWide} />
        {isPhone && (
          <Button
            type="text"
            icon={<MenuOutlined aria-hidden />}
            aria-label={t('nav.openMenu')}
            aria-expanded={drawerOpen}
            aria-controls="main-nav-drawer"
            onClick={() => setDrawerOpen(true)}
            style={{ color: 'rgba(255, 255, 255, 0.85)' }}
          />
        )}
      </Header>
      {isPhone && (
        <Drawer
          id="main-nav-drawer"
          title={t('app.name')}
          placement="right"
          width={280}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          styles={{ body: { padding: 0 } }}
        >
          <MainNav mode="inline" onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
      <Content id="main-content" tabIndex={-1} style={{ padding: isPhone ? '16px 12px' : '24px 48px', outline: 'none' }}>
        <div style={{ maxWidth: 1200, margin: '0 auto' }}>
          <Suspense fallback={<LoadingBlock cards={2} />}>
            <Outlet />
          </Suspense>
        </div>
      </Content>
      <Footer style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">{t('footer.text')}</Typography.Text>
        {' · '}
        <a href="/api/docs/">{t('footer.apiDocs')}</a>
      </Footer>
      <ScrollRestoration />
    </Layout>
  );
}
