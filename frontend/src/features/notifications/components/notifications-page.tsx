import { CheckOutlined, SettingOutlined } from '@ant-design/icons';
import { App, Button, Card, Drawer, Flex, Spin, Typography } from 'antd';
import { useState } from 'react';

import { ListPagination } from '@/components/list-pagination';
import { PageHeader } from '@/components/page-header';
import { EmptyBlock, ErrorResult, LoadingBlock, useErrorMessage } from '@/components/query-states';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { PAGE_SIZE, useListParams } from '@/hooks/use-list-params';
import { useI18n } from '@/i18n/i18n';

import { useNotifications } from '../api/get-notifications';
import { useUnreadCount } from '../api/get-unread-count';
import { useMarkAllNotificationsRead } from '../api/mark-all-notifications-read';
import { useMarkNotificationRead } from '../api/mark-notification-read';
import { NotificationItem } from './notification-item';
import { NotificationPreferences } from './notification-preferences';

const NO_FILTERS = [] as const;

/** Every notification of the signed-in user, newest first, with mark-read and mark-all-read. */
export function NotificationsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  useDocumentTitle(t('notifications.title'));
  const { page, setPage } = useListParams(NO_FILTERS);
  const { data, error, isPending, isFetching, isPlaceholderData, refetch } = useNotifications({ page, page_size: PAGE_SIZE });
  const { data: unread } = useUnreadCount();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const [reading, setReading] = useState<number | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);

  const read = (id: number) => {
    setReading(id);
    markRead.mutate(id, {
      onError: (err) => void message.error(describe(err)),
      onSettled: () => setReading(null),
    });
  };

  let body;
  if (isPending) body = <LoadingBlock cards={3} rows={2} label={t('notifications.loading')} />;
  else if (error && !data) body = <ErrorResult error={error} onRetry={() => void refetch()} />;
  else if (data.results.length === 0) body = <EmptyBlock title={t('notifications.empty')} hint={t('notifications.emptyHint')} />;
  else {
    body = (
      <>
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary" role="status">
            {t('notifications.count', { count: data.count, unread: unread?.unread ?? 0 })}
          </Typography.Text>
          {isFetching && isPlaceholderData ? <Spin size="small" /> : null}
        </Flex>
        <Card size="small">
          <ul className="plain-list notification-list" data-testid="notification-list">
            {data.results.map((notification) => (
              <li key={notification.id}>
                <NotificationItem notification={notification} reading={reading === notification.id} onRead={(item) => read(item.id)} />
              </li>
            ))}
          </ul>
        </Card>
        <ListPagination page={page} total={data.count} onChange={setPage} />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        intro={t('notifications.intro')}
        extra={
          <Flex gap={8} wrap>
          <Button icon={<SettingOutlined aria-hidden />} onClick={() => setSettingsOpen(true)}>
            {t('preferences.title')}
          </Button>
          <Button
            icon={<CheckOutlined aria-hidden />}
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
          </Flex>
        }
      />
      {body}
      <Drawer open={settingsOpen} title={t('preferences.title')} width={640} onClose={() => setSettingsOpen(false)} destroyOnHidden>
        <NotificationPreferences />
      </Drawer>
    </>
  );
}
