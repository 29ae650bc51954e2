import { App } from 'antd';
import { useState } from 'react';

import { useErrorMessage } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';
import { isApiError } from '@/lib/api-error';
import type { FileFormat } from '@/utils/download';

import { useStartBackgroundExport } from '../api/background-export';
import { useExportDrilldown } from '../api/export-drilldown';
import type { Drilldown, DrillTarget } from '../api/get-drilldown';

/**
 * Exports a figure's contracts: directly when the server writes the file within the request (up to
 * export_max_rows contracts); otherwise a worker builds it (`jobId`, which BackgroundExport follows
 * and downloads when ready). A figure that grew past the limit meanwhile answers 400
 * export_too_large: the same path.
 */
export function useDrilldownExport(target: DrillTarget | null, data: Drilldown | undefined) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const exporter = useExportDrilldown();
  const background = useStartBackgroundExport();
  const [jobId, setJobId] = useState<number | null>(null);

  const exportInBackground = (fileFormat: FileFormat, rows: unknown) => {
    if (!target) return;
    background.mutate(
      { target, fileFormat },
      {
        onSuccess: (job) => {
          setJobId(job.id);
          void message.info(t('dashboard.export.background', { rows: typeof rows === 'number' ? rows.toLocaleString(locale) : job.total_rows }));
        },
        onError: (error) => void message.error(describe(error)),
      },
    );
  };
  const exportAs = (fileFormat: FileFormat) => {
    if (!target) return;
    if (data && data.deals > data.export_max_rows) {
      exportInBackground(fileFormat, data.deals);
      return;
    }
    exporter.mutate(
      { target, fileFormat },
      {
        onSuccess: (name) => void message.success(t('dashboard.export.done', { name })),
        onError: (error) =>
          isApiError(error) && error.code === 'export_too_large' ? exportInBackground(fileFormat, error.extra.rows) : void message.error(describe(error)),
      },
    );
  };
  const busy = (fileFormat: FileFormat) =>
    (exporter.isPending && exporter.variables?.fileFormat === fileFormat) || (background.isPending && background.variables?.fileFormat === fileFormat);

  return { exportAs, busy, jobId };
}
