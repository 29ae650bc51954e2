import { BellOutlined, BulbOutlined, FileDoneOutlined, FileProtectOutlined, LoginOutlined, LogoutOutlined, SafetyCertificateOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Spin, Tag, Tooltip, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { Link, useLocation } from 'react-router';

import { LinkButton } from '@/components/link-button';
import { useI18n } from '@/i18n/i18n';
import { roleOf, useCurrentUser, useSetSession } from '@/lib/auth';

const ON_DARK = { color: 'rgba(255, 255, 255, 0.85)' };

/** The header's account corner: sign-in/register links, or who is signed in, for which organisation. */
export function UserMenu({ compact = false, narrow = false }: { compact?: boolean; narrow?: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user, isLoading } = useCurrentUser();
  const setSession = useSetSession();
  const location = useLocation();

  if (isLoading) {
    return <Spin size="small" aria-label={t('common.loading')} />;
  }
  if (!user) {
    const here = location.pathname + location.search;
    const next = location.pathname === '/login' || location.pathname === '/register' ? '' : `?next=${encodeURIComponent(here)}`;
    return (
      <span style={{ display: 'inline-flex', gap: 4, flexShrink: 0 }}>
        <LinkButton to={`/login${next}`} type="text" icon={<LoginOutlined aria-hidden />} style={ON_DARK}>
          {t('auth.login.title')}
        </LinkButton>
        {compact ? null : (
          <LinkButton to="/register" type="text" style={ON_DARK}>
            {t('auth.register.title')}
          </LinkButton>
        )}
      </span>
    );
  }

  const org = user.organisation;
  const role = roleOf(user);
  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      style: { cursor: 'default' },
      label: (
        <div style={{ maxWidth: 280, whiteSpace: 'normal' }} data-testid="user-menu-details">
          <Typography.Text strong>{user.username}</Typography.Text>
          <br />
          {org ? (
            <>
              <Typography.Text>{org.name}</Typography.Text>
              <br />
              <Tag style={{ marginTop: 4 }}>{t(`enum.orgKind.${org.kind}`)}</Tag>
              <Tag color={org.verification === 'verified' ? 'success' : 'warning'} style={{ marginTop: 4 }}>
                {t(`enum.verification.${org.verification ?? 'unverified'}`)}
              </Tag>
              {user.org_role ? <Tag style={{ marginTop: 4 }}>{t(`auth.orgRole.${user.org_role}`)}</Tag> : null}
            </>
          ) : (
            <Typography.Text type="secondary">{t('auth.menu.noOrg')}</Typography.Text>
          )}
        </div>
      ),
    },
    { type: 'divider' },
    // Joining: an admin decides requests to its organisation; a user without one asks to join.
    ...(org === null || user.org_role === 'admin'
      ? [{ key: 'members', icon: <TeamOutlined aria-hidden />, label: <Link to="/organisation/members">{t(org ? 'members.title' : 'members.join')}</Link> }]
      : []),
    ...(org && org.verification !== 'verified'
      ? [{ key: 'verification', icon: <SafetyCertificateOutlined aria-hidden />, label: <Link to="/verification">{t('verification.link')}</Link> }]
      : []),
    ...(role.isInstitute
      ? [{ key: 'recommendations', icon: <BulbOutlined aria-hidden />, label: <Link to="/recommendations">{t('recommendations.title')}</Link> }]
      : []),
    ...(role.canBid ? [{ key: 'my-bids', icon: <FileDoneOutlined aria-hidden />, label: <Link to="/my-bids">{t('myBids.title')}</Link> }] : []),
    // Technology contracts: an organisation's own, or the whole ledger for officials and the operator.
    ...(org || user.is_official || user.is_operator
      ? [{ key: 'deals', icon: <FileProtectOutlined aria-hidden />, label: <Link to="/deals">{t('nav.deals')}</Link> }]
      : []),
    { key: 'notifications', icon: <BellOutlined aria-hidden />, label: <Link to="/notifications">{t('notifications.title')}</Link> },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined aria-hidden />, label: t('auth.logout'), danger: true },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'logout') {
      void setSession(null).then(() => message.success(t('auth.logout.done')));
    }
  };

  return (
    <>
      {/* Institutes get their recommendations one click away; on a phone they are in the menu. */}
      {role.isInstitute && !compact ? (
        <Tooltip title={narrow ? t('recommendations.title') : undefined}>
          <LinkButton
            to="/recommendations"
            type="text"
            icon={<BulbOutlined aria-hidden />}
            aria-label={narrow ? t('recommendations.title') : undefined}
            style={{ ...ON_DARK, flexShrink: 0 }}
            data-testid="header-recommendations"
          >
            {narrow ? null : t('recommendations.title')}
          </LinkButton>
        </Tooltip>
      ) : null}
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Button
          type="text"
          icon={<UserOutlined aria-hidden />}
          aria-label={compact ? t('auth.menu.label', { name: user.username }) : undefined}
          aria-haspopup="menu"
          data-testid="user-menu"
          style={{ ...ON_DARK, maxWidth: compact ? 48 : 320, flexShrink: 1, minWidth: 0 }}
        >
          {compact ? null : (
            <span className="user-menu-text">
              {user.username}
              {org ? <span className="user-menu-org"> · {org.name}</span> : null}
            </span>
          )}
        </Button>
      </Dropdown>
    </>
  );
}
