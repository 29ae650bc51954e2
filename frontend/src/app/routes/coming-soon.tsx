import { Empty, Typography } from 'antd';

import { LinkButton } from '@/components/link-button';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';
import type { MessageKey } from '@/i18n/messages';

/** Placeholder for a section that a later issue builds (challenges, needs, capabilities, search, dashboard). */
export function ComingSoonRoute({ feature }: { feature: MessageKey }) {
  const { t } = useI18n();
  const name = t(feature);
  useDocumentTitle(name);

  return (
    <div style={{ padding: '48px 0' }}>
      <Typography.Title level={1} style={{ fontSize: 28, textAlign: 'center' }}>
        {name}
      </Typography.Title>
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <>
            <Typography.Title level={2} style={{ fontSize: 18 }}>
              {t('comingSoon.title', { feature: name })}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('comingSoon.description')}</Typography.Paragraph>
          </>
        }
      >
        <LinkButton to="/" type="primary">{t('common.backHome')}</LinkButton>
      </Empty>
    </div>
  );
}
