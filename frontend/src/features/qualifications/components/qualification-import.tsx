import { InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Table, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';

import { CardTitle } from '@/components/card-title';
import { useFormServerErrors } from '@/components/form-error-alert';
import { useI18n } from '@/i18n/i18n';
import type { MessageKey } from '@/i18n/messages';

import { useImportQualifications, type QualificationImportReport } from '../api/import-qualifications';

/** As the API's limit (accounts.qualifications IMPORT_MAX_BYTES): refused here before the upload. */
const MAX_UPLOAD_MB = 5;

interface ImportValues {
  file?: UploadFile[];
  source: string;
}

/** The report's `field` is the record's field name; it is shown as the list's column heading. */
const COLUMN_LABELS: Record<string, MessageKey> = {
  uscc: 'qualifications.field.uscc',
  name: 'qualifications.field.name',
  kind: 'qualifications.field.kind',
  certificate_number: 'qualifications.field.certificate',
  valid_from: 'qualifications.field.validFrom',
  valid_until: 'qualifications.field.validUntil',
  source: 'qualifications.field.source',
};

type ImportError = QualificationImportReport['errors'][number];

function ImportReport({ report }: { report: QualificationImportReport }) {
  const { t } = useI18n();
  if (report.errors.length === 0) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="qualification-import-report"
        message={t('qualifications.import.done', { created: report.created, updated: report.updated, unchanged: report.unchanged })}
      />
    );
  }
  const rows = new Set(report.errors.map((error) => error.row)).size;
  return (
    <div data-testid="qualification-import-report">
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 12 }}
        message={t('qualifications.import.failed', { problems: report.errors.length, rows })}
        description={t('qualifications.import.failedHint')}
      />
      <Table<ImportError>
        size="small"
        rowKey={(error) => `${error.row}-${error.field}-${error.message}`}
        dataSource={report.errors}
        pagination={false}
        scroll={{ x: 520, y: 400 }}
        columns={[
          { key: 'row', title: t('qualifications.import.row'), dataIndex: 'row', width: 80 },
          {
            key: 'field',
            title: t('qualifications.import.column'),
            width: 160,
            render: (_, error) => (error.field in COLUMN_LABELS ? t(COLUMN_LABELS[error.field]!) : t('qualifications.import.wholeRow')),
          },
          { key: 'message', title: t('qualifications.import.problem'), dataIndex: 'message' },
        ]}
      />
    </div>
  );
}

/** Uploads a bureau's list (CSV) with where it comes from, and shows the whole report at once. */
export function QualificationImport() {
  const { t } = useI18n();
  const [form] = Form.useForm<ImportValues>();
  const errors = useFormServerErrors(form);
  const upload = useImportQualifications();

  const submit = ({ file, source }: ImportValues) => {
    errors.clear();
    const chosen = file?.[0]?.originFileObj;
    if (!chosen) return;
    upload.mutate({ file: chosen, source: source.trim() }, { onError: errors.show });
  };

  const fileLabel = t('qualifications.import.file');
  // The form's name prefixes its field ids: the add dialog on the same page has a `source` field too.
  return (
    <Card title={<CardTitle>{t('qualifications.import.title')}</CardTitle>} data-testid="qualification-import">
      <Typography.Paragraph>{t('qualifications.import.intro')}</Typography.Paragraph>
      <Form<ImportValues> form={form} name="qualification-import" layout="vertical" onFinish={submit} aria-label={t('qualifications.import.title')}>
        <Form.Item
          name="source"
          label={t('qualifications.field.source')}
          extra={t('qualifications.field.source.help')}
          rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('qualifications.field.source') }) }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="file"
          label={fileLabel}
          valuePropName="fileList"
          // One file at a time: a new choice replaces the previous one.
          getValueFromEvent={(event: { fileList?: UploadFile[] }) => event?.fileList?.slice(-1)}
          extra={t('qualifications.import.fileHelp', { mb: MAX_UPLOAD_MB })}
          rules={[
            { required: true, message: t('form.select', { field: fileLabel }) },
            {
              validator: async (_, value?: UploadFile[]) => {
                const file = value?.[0];
                if (!file) return;
                if (!file.name.toLowerCase().endsWith('.csv')) throw new Error(t('qualifications.import.fileType'));
                if ((file.size ?? 0) > MAX_UPLOAD_MB * 1024 * 1024) throw new Error(t('qualifications.import.fileTooBig', { mb: MAX_UPLOAD_MB }));
              },
            },
          ]}
        >
          <Upload.Dragger beforeUpload={() => false} maxCount={1} accept=".csv" multiple={false}>
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">{t('qualifications.import.drop')}</p>
          </Upload.Dragger>
        </Form.Item>
        {errors.alert}
        <Button type="primary" htmlType="submit" icon={<UploadOutlined aria-hidden />} loading={upload.isPending} style={{ marginBottom: 16 }}>
          {t('qualifications.import.submit')}
        </Button>
      </Form>
      {upload.data && !upload.isPending ? <ImportReport report={upload.data} /> : null}
    </Card>
  );
}
