import { Form, Radio } from 'antd';

import { CountedTextArea, tooLong } from '@/components/counted-text';
import { FormModal } from '@/components/form-modal';
import { useI18n } from '@/i18n/i18n';

export interface ReasonValues {
  reason: string;
  accepted?: boolean;
}

export interface ReasonModalProps {
  open: boolean;
  title: string;
  okText: string;
  description?: string;
  reasonRequired?: boolean;
  /** The 验收 (conclude) decision: passed or failed. */
  withVerdict?: boolean;
  danger?: boolean;
  onSubmit: (values: ReasonValues) => Promise<unknown>;
  onClose: () => void;
}

/** Asks for the reason of a state change (and the verdict of an acceptance review). */
export function ReasonModal({ open, title, okText, description, reasonRequired, withVerdict, danger, onSubmit, onClose }: ReasonModalProps) {
  const { t } = useI18n();
  return (
    <FormModal<ReasonValues>
      open={open}
      title={title}
      okText={okText}
      intro={description}
      danger={danger}
      initialValues={{ accepted: true, reason: '' }}
      onSubmit={(values) => onSubmit({ ...values, reason: (values.reason ?? '').trim() })}
      onClose={onClose}
    >
      {withVerdict ? (
        <Form.Item name="accepted" label={t('challenges.conclude.verdict')} rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: true, label: t('challenges.conclude.accepted') },
              { value: false, label: t('challenges.conclude.failed') },
            ]}
          />
        </Form.Item>
      ) : null}
      <Form.Item
        name="reason"
        label={t('challenges.action.reason')}
        rules={[tooLong(t, 500), { required: reasonRequired, whitespace: true, message: t('form.required', { field: t('challenges.action.reason') }) }]}
      >
        <CountedTextArea rows={3} max={500} />
      </Form.Item>
    </FormModal>
  );
}
