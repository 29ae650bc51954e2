// Notifications (站内通知) and the header bell.
// zh-CN is the source; en-US must cover every key (checked by the type).

export const notificationsZh = {
  'notifications.title': '通知',
  'notifications.action': '查看通知',
  'notifications.intro': '有新发布的榜单、需求或能力成果与贵机构的内容匹配时，平台会在这里通知您。',
  'notifications.loading': '正在加载通知…',
  'notifications.latest': '最新通知',
  'notifications.empty': '暂无通知',
  'notifications.emptyHint': '发布需求或能力成果后，有匹配的新内容时会通知您。',
  'notifications.count': '共 {count} 条通知，{unread} 条未读',
  'notifications.bell': '通知',
  'notifications.bellUnread': '通知（{n} 条未读）',
  'notifications.unreadMark': '未读：',
  'notifications.markRead': '标为已读',
  'notifications.markAllRead': '全部标为已读',
  'notifications.allRead': '已将 {n} 条通知标为已读',
  'notifications.viewAll': '查看全部通知',
} as const;

export const notificationsEn: Record<keyof typeof notificationsZh, string> = {
  'notifications.title': 'Notifications',
  'notifications.action': 'see your notifications',
  'notifications.intro': 'You are notified here when a newly published challenge, need or capability matches your organisation’s postings.',
  'notifications.loading': 'Loading notifications…',
  'notifications.latest': 'Latest notifications',
  'notifications.empty': 'No notifications',
  'notifications.emptyHint': 'Publish a need or a capability and you will be told when something new matches it.',
  'notifications.count': '{count} notifications, {unread} unread',
  'notifications.bell': 'Notifications',
  'notifications.bellUnread': 'Notifications ({n} unread)',
  'notifications.unreadMark': 'Unread: ',
  'notifications.markRead': 'Mark as read',
  'notifications.markAllRead': 'Mark all as read',
  'notifications.allRead': '{n} notifications marked as read',
  'notifications.viewAll': 'All notifications',
};
