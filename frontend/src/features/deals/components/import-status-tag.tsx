import { Tag } from 'antd';

import type { DealImport, DealImportStatus } from '../api/get-deal-imports';

const COLORS: Record<DealImportStatus, string> = {
  pending: 'default',
  validating: 'processing',
  applying: 'processing',
  succeeded: 'success',
  failed: 'error',
};

/** The job's state in the API's words (status_label comes in the request's language). */
export function ImportStatusTag({ job }: { job: Pick<DealImport, 'status' | 'status_label'> }) {
  return (
    <Tag color={COLORS[job.status ?? 'pending']} data-testid="import-status">
      {job.status_label}
    </Tag>
  );
}
