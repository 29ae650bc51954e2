import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useNavigate } from 'react-router';

import { CardTitle } from '@/components/card-title';
import { useFormServerErrors } from '@/components/form-error-alert';
import { useErrorMessage } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';
import type { FileFormat } from '@/utils/download';

import { useDownloadImportTemplate } from '../api/download-import-template';
import { useImportDeals } from '../api/import-deals';

/** As the API's limit (deals/imports.py MAX_UPLOAD_BYTES): refused here before a long upload. */
export const MAX_UPLOAD_MB = 50;
const ACCEPTED = ['.xlsx', '.csv'];

interface UploadValues {
  file?: UploadFile[];
}

/** The upload of a registry export: template links, the file, the server's field errors under it. */
export function ImportUpload() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const navigate = useNavigate();
  const [form] = Form.useForm<UploadValues>();
  const errors = useFormServerErrors(form);
  const upload = useImportDeals();
  const template = useDownloadImportTemplate();

  const downloadTemplate = (fileFormat: FileFormat) =>
    template.mutate(fileFormat, {
      onSuccess: (name) => void message.success(t('dashboard.export.done', { name })),
      onError: (error) => void message.error(describe(error)),
    });

  const submit = ({ file }: UploadValues) => {
    errors.clear();
    const chosen = file?.[0]?.originFileObj;
    if (!chosen) return;
    upload.mutate(chosen, {
      onSuccess: (job) => {
        void message.success(t('dealImports.started', { name: job.file_name }));
        void navigate(`/dashboard/imports/${job.id}`);
      },
      onError: errors.show,
    });
  };

  const label = t('dealImports.file');
  return (
    <Card title={<CardTitle>{t('dealImports.upload.title')}</CardTitle>} data-testid="import-upload">
      <Typography.Paragraph>{t('dealImports.upload.intro')}</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Button icon={<DownloadOutlined aria-hidden />} onClick={() => downloadTemplate('xlsx')} loading={template.isPending && template.variables === 'xlsx'}>
          {t('dealImports.template.xlsx')}
        </Button>
        <Button icon={<DownloadOutlined aria-hidden />} onClick={() => downloadTemplate('csv')} loading={template.isPending && template.variables === 'csv'}>
          {t('dealImports.template.csv')}
        </Button>
      </Flex>
      <Form<UploadValues> form={form} layout="vertical" onFinish={submit} aria-label={t('dealImports.upload.title')}>
        <Form.Item
          name="file"
          label={label}
          valuePropName="fileList"
          // One file at a time: a new choice replaces the previous one.
          getValueFromEvent={(event: { fileList?: UploadFile[] }) => event?.fileList?.slice(-1)}
          extra={t('dealImports.file.help', { mb: MAX_UPLOAD_MB })}
          rules={[
            { required: true, message: t('form.select', { field: label }) },
            {
              validator: async (_, value?: UploadFile[]) => {
                const file = value?.[0];
                if (!file) return;
                if (!ACCEPTED.some((ext) => file.name.toLowerCase().endsWith(ext))) throw new Error(t('dealImports.file.type'));
                if ((file.size ?? 0) > MAX_UPLOAD_MB * 1024 * 1024) throw new Error(t('dealImports.file.tooBig', { mb: MAX_UPLOAD_MB }));
              },
            },
          ]}
        >
          <Upload.Dragger beforeUpload={() => false} maxCount={1} accept={ACCEPTED.join(',')} multiple={false}>
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">{t('dealImports.file.drop')}</p>
          </Upload.Dragger>
        </Form.Item>
        {errors.alert}
        <Button type="primary" htmlType="submit" icon={<UploadOutlined aria-hidden />} loading={upload.isPending}>
          {t('dealImports.submit')}
        </Button>
      </Form>
    </Card>
  );
}
