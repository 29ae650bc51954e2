import { Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

import { useI18n } from '@/i18n/i18n';

/** The API's date format, and the pickers'. */
export const DATE = 'YYYY-MM-DD';

/** Contracts are signed and registered in the past (or today). */
export const notAfterToday = (date: Dayjs) => date.isAfter(dayjs().endOf('day'));

/** The ledger dialogs' validation rules: a typed field and a picked one. */
export function useLedgerRules() {
  const { t } = useI18n();
  return {
    required: (field: string) => ({ required: true, whitespace: true, message: t('form.required', { field }) }),
    picked: (field: string) => ({ required: true, message: t('form.select', { field }) }),
  };
}

/** Every ledger action (认定登记 too) states its reason; the server refuses a blank one. */
export function ReasonField() {
  const { t } = useI18n();
  const label = t('deals.action.reason');
  return (
    <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, message: t('form.required', { field: label }) }]}>
      <Input.TextArea rows={3} maxLength={500} showCount />
    </Form.Item>
  );
}
