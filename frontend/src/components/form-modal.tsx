import { Alert, Form, Modal, type FormInstance } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';

import { useFormServerErrors } from '@/components/form-error-alert';
import { useI18n } from '@/i18n/i18n';
import type { ApplyServerErrorsOptions } from '@/utils/form-errors';

export interface FormModalProps<V> {
  open: boolean;
  title: string;
  okText: string;
  intro?: ReactNode;
  danger?: boolean;
  /** Wider for a dialog with side-by-side fields. */
  width?: number;
  initialValues?: Partial<V>;
  /** Server error names to show at other fields (useFormServerErrors' aliases). */
  aliases?: ApplyServerErrorsOptions['aliases'];
  /**
   * Sends the request. Return a message instead to refuse without sending (e.g. nothing changed);
   * a rejection from the API puts its field messages next to the fields, the rest above the buttons.
   */
  onSubmit: (values: V, form: FormInstance<V>) => Promise<unknown> | string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A small form in a dialog (a ledger action, a challenge's state change): the server's field errors
 * sit next to its fields, the rest above the buttons; it closes once the request succeeds.
 */
export function FormModal<V extends object>({
  open, title, okText, intro, danger, width, initialValues, aliases, onSubmit, onClose, children,
}: FormModalProps<V>) {
  const { t } = useI18n();
  const [form] = Form.useForm<V>();
  const options = useMemo(() => (aliases ? { aliases } : undefined), [aliases]);
  const errors = useFormServerErrors(form, options);
  const { clear } = errors;
  const [refusal, setRefusal] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  // The form is destroyed with the dialog (fresh initial values each time); only the alert lingers,
  // so it is cleared when the dialog opens again (while rendering, not in an effect: no stale flash).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      clear();
      setRefusal(null);
    }
  }

  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // the messages are shown next to the fields
    }
    clear();
    setRefusal(null);
    const sent = onSubmit(values, form);
    if (typeof sent === 'string') {
      setRefusal(sent);
      return;
    }
    setSubmitting(true);
    try {
      await sent;
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
      width={width}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {intro ? <p>{intro}</p> : null}
      <Form form={form} layout="vertical" initialValues={initialValues} preserve={false} aria-label={title}>
        {children}
      </Form>
      {refusal ? <Alert type="warning" showIcon message={refusal} style={{ marginBottom: 16 }} data-testid="form-error" /> : null}
      {errors.alert}
    </Modal>
  );
}
