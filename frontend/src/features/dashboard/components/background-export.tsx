import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Progress, Typography } from 'antd';
import { useEffect, useEffectEvent, useRef } from 'react';

import { useErrorMessage } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';

import { isExportRunning, useBackgroundExport, useDownloadBackgroundExport } from '../api/background-export';

/**
 * A file being built by a worker: its progress, then its download (started by itself once, and
 * offered as a button in case the browser held it back), or why it failed.
 */
export function BackgroundExport({ jobId }: { jobId: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const job = useBackgroundExport(jobId);
  const download = useDownloadBackgroundExport();
  const started = useRef(false);
  const data = job.data;

  const save = () => {
    if (!data) return;
    download.mutate(data, {
      onSuccess: (name) => void message.success(t('dashboard.export.done', { name })),
      onError: (error) => void message.error(describe(error)),
    });
  };

  // The ref makes the automatic download start once per job; the effect event reads the latest `save`.
  const saveOnce = useEffectEvent(() => {
    if (started.current) return;
    started.current = true;
    save();
  });
  useEffect(() => {
    if (data?.status === 'succeeded') saveOnce();
  }, [data?.status]);

  if (job.isError && !data) return <Alert type="error" showIcon message={describe(job.error)} />;
  if (!data || isExportRunning(data)) {
    return (
      <div data-testid="background-export" role="status">
        <Typography.Text>{t('dashboard.export.building', { total: data?.total_rows ?? 0 })}</Typography.Text>
        <Progress
          percent={Math.floor((data?.progress ?? 0) * 100)}
          status="active"
          format={() => t('dashboard.export.progress', { done: data?.processed_rows ?? 0, total: data?.total_rows ?? 0 })}
        />
      </div>
    );
  }
  if (data.status === 'failed') {
    return <Alert data-testid="background-export" type="error" showIcon message={t('dashboard.export.failed', { message: data.message })} />;
  }
  return (
    <Alert
      data-testid="background-export"
      type="success"
      showIcon
      message={data.message}
      action={
        <Button size="small" icon={<DownloadOutlined aria-hidden />} onClick={save} loading={download.isPending}>
          {t('dashboard.export.download', { name: data.file_name })}
        </Button>
      }
    />
  );
}
