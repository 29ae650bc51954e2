import { Badge, Button, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';

import { useI18n } from '@/i18n/i18n';
import { postingPath } from '@/utils/postings';

import type { Notification } from '../api/get-notifications';

export interface NotificationItemProps {
  notification: Notification;
  /** Marks it read (the link does this as well, on the way to the posting). */
  onRead: (notification: Notification) => void;
  reading?: boolean;
  compact?: boolean;
  /** Called when the link to the posting is followed (the bell closes its pop-up). */
  onFollow?: () => void;
}

/** One notification: what matched what, when, linked to the posting; unread ones stand out. */
export function NotificationItem({ notification, onRead, reading = false, compact = false, onFollow }: NotificationItemProps) {
  const { t, formatMinute } = useI18n();
  // Consortium notices (posting_kind "bid") are answered, and their bids read, on "我的揭榜";
  // contract notices (posting_kind "deal") open the contract.
  const path =
    notification.posting_kind === 'bid'
      ? '/my-bids'
      : notification.posting_kind === 'organisation' // requests to join: decided and followed there
        ? '/organisation/members'
      : notification.posting_kind === 'deal'
        ? `/deals/${notification.posting_id}`
        : postingPath(notification.posting_kind, notification.posting_id);
  const unread = !notification.read;
  const title = (
    <>
      {unread ? <Badge status="processing" /> : null}
      {unread ? <span className="sr-only">{t('notifications.unreadMark')}</span> : null}
      {notification.title}
    </>
  );
  return (
    <div className={unread ? 'notification notification-unread' : 'notification'} data-testid="notification" data-read={notification.read}>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <div style={{ minWidth: 0, flex: 1 }}>
          <Typography.Text strong={unread} className="notification-title">
            {path ? (
              <Link
                to={path}
                onClick={() => {
                  if (unread) onRead(notification);
                  onFollow?.();
                }}
              >
                {title}
              </Link>
            ) : (
              title
            )}
          </Typography.Text>
          <div>
            <Tag bordered={false} color="blue" style={{ marginTop: 4 }}>
              {notification.kind_label}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatMinute(notification.created_at)}
            </Typography.Text>
          </div>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }} ellipsis={compact ? { rows: 2 } : false}>
            {notification.body}
          </Typography.Paragraph>
        </div>
        {unread && !compact ? (
          <Button size="small" loading={reading} onClick={() => onRead(notification)}>
            {t('notifications.markRead')}
          </Button>
        ) : null}
      </Flex>
    </div>
  );
}
