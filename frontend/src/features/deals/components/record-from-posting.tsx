import { FileProtectOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';

import { LinkButton } from '@/components/link-button';
import { useI18n } from '@/i18n/i18n';

/**
 * On a need's or a capability's page, for its organisation: the way to record the contract signed
 * after it (the challenge page has its own button among the owner's actions). A draft cannot.
 */
export function RecordFromPosting({ kind, id, draft }: { kind: 'need' | 'capability'; id: number; draft: boolean }) {
  const { t } = useI18n();
  if (draft) return null;
  return (
    <Card size="small" title={t('deals.fromPosting.title')} data-testid="record-from-posting">
      <Typography.Paragraph type="secondary">{t(`deals.fromPosting.${kind}`)}</Typography.Paragraph>
      <LinkButton to={`/deals/new?${kind}=${id}`} icon={<FileProtectOutlined aria-hidden />}>
        {t('deals.recordContract')}
      </LinkButton>
    </Card>
  );
}
