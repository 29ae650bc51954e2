import { Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';

import { DateInput } from '@/components/date-input';
import { FormModal } from '@/components/form-modal';
import { useI18n } from '@/i18n/i18n';

import { useAddQualification } from '../api/add-qualification';
import { QUALIFICATION_KINDS, type QualificationKind } from '../api/get-qualifications';

const DATE = 'YYYY-MM-DD';

interface QualificationValues {
  uscc: string;
  name: string;
  kind: QualificationKind;
  certificate_number?: string;
  valid_from: Dayjs;
  valid_until?: Dayjs | null;
  source: string;
}

/** One qualification typed in by an official (the server checks the USCC and the dates). */
export function QualificationFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const add = useAddQualification();
  const required = (key: Parameters<typeof t>[0]) => ({ required: true, whitespace: true, message: t('form.required', { field: t(key) }) });
  return (
    <FormModal<QualificationValues>
      open={open}
      title={t('qualifications.add.title')}
      okText={t('qualifications.add.submit')}
      width={560}
      onSubmit={(values) =>
        add.mutateAsync({
          uscc: values.uscc,
          name: values.name.trim(),
          kind: values.kind,
          certificate_number: values.certificate_number?.trim() ?? '',
          valid_from: values.valid_from.format(DATE),
          valid_until: values.valid_until ? values.valid_until.format(DATE) : null,
          source: values.source.trim(),
        })
      }
      onClose={onClose}
    >
      {/* A code pasted from a list often carries spaces or lower case; no maxLength, which would cut it. */}
      <Form.Item name="uscc" label={t('qualifications.field.uscc')} rules={[required('qualifications.field.uscc')]} normalize={(value: string) => value.trim().toUpperCase()}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="name" label={t('qualifications.field.name')} rules={[required('qualifications.field.name')]}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="kind" label={t('qualifications.field.kind')} rules={[{ required: true, message: t('form.select', { field: t('qualifications.field.kind') }) }]}>
        <Select options={QUALIFICATION_KINDS.map((kind) => ({ value: kind, label: t(`qualifications.kind.${kind}`) }))} />
      </Form.Item>
      <Form.Item name="certificate_number" label={t('qualifications.field.certificate')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="valid_from" label={t('qualifications.field.validFrom')} rules={[{ required: true, message: t('form.select', { field: t('qualifications.field.validFrom') }) }]}>
        <DateInput style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="valid_until" label={t('qualifications.field.validUntil')} extra={t('qualifications.field.validUntil.help')}>
        <DateInput style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="source" label={t('qualifications.field.source')} extra={t('qualifications.field.source.help')} rules={[required('qualifications.field.source')]}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
