import { Form, Input, type FormItemProps, type FormRule } from 'antd';

import { useI18n } from '@/i18n/i18n';
import { AMOUNT_PATTERN, formatAmount } from '@/utils/money';

export interface AmountFieldProps {
  name: NonNullable<FormItemProps['name']>;
  label: string;
  required?: boolean;
  rules?: FormRule[];
  placeholder?: string;
}

/**
 * An amount in yuan, typed as text and sent as the decimal string the API stores (no float ever
 * touches it), with the 万元/亿元 reading shown underneath so a missing zero is obvious.
 */
export function AmountField({ name, label, required = false, rules = [], placeholder }: AmountFieldProps) {
  const { t, locale } = useI18n();
  const form = Form.useFormInstance();
  const value: unknown = Form.useWatch(name, form);
  const preview = typeof value === 'string' && AMOUNT_PATTERN.test(value.trim()) ? formatAmount(value.trim(), locale) : null;
  return (
    <Form.Item
      name={name}
      label={label}
      normalize={(v: string) => v.replace(/[,，\s]/g, '')}
      extra={preview ? t('form.amount.preview', { amount: preview }) : undefined}
      rules={[
        { required, message: t('form.required', { field: label }) },
        { pattern: AMOUNT_PATTERN, message: t('form.amount.invalid') },
        ...rules,
      ]}
    >
      <Input inputMode="decimal" suffix={t('common.yuan')} placeholder={placeholder} autoComplete="off" />
    </Form.Item>
  );
}
