import { Alert, Descriptions, Typography } from 'antd';

import { useI18n } from '@/i18n/i18n';
import type { MessageKey } from '@/i18n/messages';
import type { Organisation } from '@/lib/auth';

const CAN: MessageKey[] = ['verification.can.draft', 'verification.can.browse', 'verification.can.members', 'verification.can.edit'];
const CANNOT: MessageKey[] = ['verification.cannot.publish', 'verification.cannot.bid', 'verification.cannot.partner', 'verification.cannot.terms'];

/**
 * What 机构认证 is, as the back end enforces it (accounts.services.organisation_verify; marketplace's
 * publish, bid, partner and terms checks), and where the viewer's own organisation stands.
 */
export function VerificationExplained({ organisation }: { organisation: Organisation | null }) {
  const { t } = useI18n();
  return (
    <>
      {organisation ? (
        <Alert
          type={organisation.verification === 'verified' ? 'success' : organisation.verification === 'rejected' ? 'error' : 'warning'}
          showIcon
          data-testid="verification-status"
          message={t('verification.status', { name: organisation.name, status: t(`enum.verification.${organisation.verification ?? 'unverified'}`) })}
          description={organisation.verification_note || undefined}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Descriptions column={1} bordered size="middle">
        <Descriptions.Item label={t('verification.what.label')}>{t('verification.what')}</Descriptions.Item>
        <Descriptions.Item label={t('verification.who.label')}>{t('verification.who')}</Descriptions.Item>
        <Descriptions.Item label={t('verification.needs.label')}>{t('verification.needs')}</Descriptions.Item>
        <Descriptions.Item label={t('verification.time.label')}>{t('verification.time')}</Descriptions.Item>
        <Descriptions.Item label={t('verification.can.label')}>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {CAN.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
        </Descriptions.Item>
        <Descriptions.Item label={t('verification.cannot.label')}>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {CANNOT.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
        </Descriptions.Item>
        <Descriptions.Item label={t('verification.after.label')}>{t('verification.after')}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        {t('verification.changes')}
      </Typography.Paragraph>
    </>
  );
}
