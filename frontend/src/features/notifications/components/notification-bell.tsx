import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Divider, Flex, Grid, Popover, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';

import { LinkButton } from '@/components/link-button';
import { EmptyBlock, ErrorResult, LoadingBlock, useErrorMessage } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';
import { useCurrentUser } from '@/lib/auth';

import { useNotifications } from '../api/get-notifications';
import { useUnreadCount } from '../api/get-unread-count';
import { useMarkAllNotificationsRead } from '../api/mark-all-notifications-read';
import { useMarkNotificationRead } from '../api/mark-notification-read';
import { NotificationItem } from './notification-item';

const LATEST = { page: 1, page_size: 5 };

function LatestNotifications({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const { data, error, isPending, refetch } = useNotifications(LATEST);
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const { data: unread } = useUnreadCount();

  let body;
  if (isPending) body = <LoadingBlock rows={2} />;
  else if (error) body = <ErrorResult error={error} onRetry={() => void refetch()} />;
  else if (data.results.length === 0) body = <EmptyBlock title={t('notifications.empty')} />;
  else {
    body = (
      <ul className="plain-list notification-list" aria-label={t('notifications.latest')}>
        {data.results.map((notification) => (
          <li key={notification.id}>
            <NotificationItem compact notification={notification} onRead={(item) => markRead.mutate(item.id)} onFollow={onNavigate} />
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div className="notification-popover" data-testid="notification-popover">
      {body}
      <Divider style={{ margin: '8px 0' }} />
      <Flex justify="space-between" align="center" gap={8}>
        <Button
          size="small"
          type="link"
          disabled={!unread?.unread}
          loading={markAll.isPending}
          onClick={() =>
            markAll.mutate(undefined, {
              onSuccess: ({ marked }) => void message.success(t('notifications.allRead', { n: marked })),
              onError: (err) => void message.error(describe(err)),
            })
          }
        >
          {t('notifications.markAllRead')}
        </Button>
        <Link to="/notifications" onClick={onNavigate}>
          {t('notifications.viewAll')}
        </Link>
      </Flex>
    </div>
  );
}

const ON_DARK = { color: 'rgba(255, 255, 255, 0.85)', flexShrink: 0 };

/**
 * The header's bell: the unread count (polled every minute) and the latest notifications on
 * click. On a phone, where a pop-up would not fit beside the header, it opens the notifications page.
 */
export function NotificationBell() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const { data } = useUnreadCount();
  const [open, setOpen] = useState(false);
  const isPhone = Grid.useBreakpoint().md === false;
  if (!user) return null;
  const unread = data?.unread ?? 0;
  const label = unread > 0 ? t('notifications.bellUnread', { n: unread }) : t('notifications.bell');
  const icon = (
    <Badge count={unread} size="small" overflowCount={99} data-testid="unread-badge">
      <BellOutlined aria-hidden style={{ fontSize: 18, color: 'rgba(255, 255, 255, 0.85)' }} />
    </Badge>
  );
  if (isPhone) {
    return (
      <LinkButton to="/notifications" type="text" aria-label={label} data-testid="notification-bell" style={ON_DARK}>
        {icon}
      </LinkButton>
    );
  }
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={<Typography.Text strong>{t('notifications.title')}</Typography.Text>}
      content={open ? <LatestNotifications onNavigate={() => setOpen(false)} /> : null}
      destroyOnHidden
    >
      <Button type="text" aria-label={label} aria-haspopup="dialog" aria-expanded={open} data-testid="notification-bell" style={ON_DARK}>
        {icon}
      </Button>
    </Popover>
  );
}
