import { Form, Input, Modal, Radio } from 'antd';
import { useEffect, useState } from 'react';

import { useFormServerErrors } from '@/components/form-error-alert';
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
  const [form] = Form.useForm<ReasonValues>();
  const errors = useFormServerErrors(form);
  const { clear } = errors;

  // The form is destroyed with the dialog (fresh initial values each time); only the alert lingers.
  useEffect(() => {
    if (open) clear();
  }, [open, clear]);

  const [submitting, setSubmitting] = useState(false);
  const submit = async () => {
    let values: ReasonValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // the messages are shown next to the fields
    }
    setSubmitting(true);
    try {
      await onSubmit({ ...values, reason: (values.reason ?? '').trim() });
      onClose();
    } catch (error) {
      errors.show(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, loading: submitting }}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      {description ? <p>{description}</p> : null}
      <Form form={form} layout="vertical" initialValues={{ accepted: true, reason: '' }} preserve={false}>
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
          rules={[{ required: reasonRequired, whitespace: true, message: t('form.required', { field: t('challenges.action.reason') }) }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
      {errors.alert}
    </Modal>
  );
}
