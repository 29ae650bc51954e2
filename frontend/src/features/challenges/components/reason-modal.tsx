import { Form } from 'antd';

import { CountedTextArea, tooLong } from '@/components/counted-text';
import { FormModal } from '@/components/form-modal';
import { useI18n } from '@/i18n/i18n';

export interface ReasonValues {
  reason: string;
}

export interface ReasonModalProps {
  open: boolean;
  title: string;
  okText: string;
  description?: string;
  reasonRequired?: boolean;
  danger?: boolean;
  onSubmit: (values: ReasonValues) => Promise<unknown>;
  onClose: () => void;
}

/** Asks for the reason of a state change (the acceptance review has its own dialog: ConcludeModal). */
export function ReasonModal({ open, title, okText, description, reasonRequired, danger, onSubmit, onClose }: ReasonModalProps) {
  const { t } = useI18n();
  return (
    <FormModal<ReasonValues>
      open={open}
      title={title}
      okText={okText}
      intro={description}
      danger={danger}
      initialValues={{ reason: '' }}
      onSubmit={(values) => onSubmit({ ...values, reason: (values.reason ?? '').trim() })}
      onClose={onClose}
    >
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
