import { App, Alert, Button, Checkbox, Flex, Switch, Table, Typography } from 'antd';
import { useState } from 'react';

import { ErrorResult, LoadingBlock, useErrorMessage } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';

import { usePreferences, useUpdatePreferences, type Preferences } from '../api/preferences';

type Kind = Preferences['kinds'][number];
type Channel = 'digest' | 'email';

/**
 * Per kind of notice: in the daily digest and/or by e-mail at once (in-app is always on), with the
 * digest's master switch. Changes are kept on the page until saved, in one request.
 */
export function NotificationPreferences() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const { data, error, isPending, refetch } = usePreferences();
  const update = useUpdatePreferences();
  const [edits, setEdits] = useState<Record<string, Kind>>({});
  const [digest, setDigest] = useState<boolean | null>(null);

  if (isPending) return <LoadingBlock rows={6} />;
  if (error) return <ErrorResult error={error} onRetry={() => void refetch()} />;

  const kinds = data.kinds.map((kind) => edits[kind.kind] ?? kind);
  const emailOn = digest ?? data.digest;
  const changed = Object.keys(edits).length > 0 || (digest !== null && digest !== data.digest);
  const set = (kind: Kind, channel: Channel, value: boolean) => setEdits((current) => ({ ...current, [kind.kind]: { ...kind, [channel]: value } }));

  const save = () =>
    update.mutate(
      { digest: emailOn, kinds: Object.values(edits).map(({ kind, digest: d, email }) => ({ kind, digest: d, email })) },
      {
        onSuccess: () => {
          setEdits({});
          setDigest(null);
          void message.success(t('preferences.saved'));
        },
        onError: (err) => void message.error(describe(err)),
      },
    );

  return (
    <div data-testid="notification-preferences">
      <Typography.Paragraph type="secondary">{t('preferences.intro')}</Typography.Paragraph>
      {data.has_email ? null : <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('preferences.noEmail')} />}
      <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
        <Switch id="preferences-email-on" checked={emailOn} onChange={setDigest} />
        <label htmlFor="preferences-email-on">{t('preferences.emailOn')}</label>
      </Flex>
      <Table<Kind>
        size="small"
        rowKey="kind"
        pagination={false}
        dataSource={kinds}
        columns={[
          { key: 'label', title: t('preferences.kind'), dataIndex: 'label' },
          { key: 'inApp', title: t('preferences.inApp'), render: () => <Checkbox checked disabled aria-label={t('preferences.inApp')} /> },
          ...(['digest', 'email'] as const).map((channel) => ({
            key: channel,
            title: t(`preferences.${channel}`),
            render: (_: unknown, kind: Kind) => (
              <Checkbox
                checked={kind[channel]}
                disabled={!emailOn}
                aria-label={`${kind.label}：${t(`preferences.${channel}`)}`}
                onChange={(event) => set(kind, channel, event.target.checked)}
              />
            ),
          })),
        ]}
      />
      <Flex justify="flex-end" style={{ marginTop: 12 }}>
        <Button type="primary" disabled={!changed} loading={update.isPending} onClick={save}>
          {t('preferences.save')}
        </Button>
      </Flex>
    </div>
  );
}
