import { Form, Input } from 'antd';

import { useDraft } from '@/hooks/use-draft';
import { useI18n } from '@/i18n/i18n';
import { wanToYuan, yuanToWan } from '@/utils/money';

export interface WanInputProps {
  id: string;
  label: string;
  /** The bound in yuan, as the API and the URL hold it. */
  value: string | undefined;
  onCommit: (yuan: string | undefined) => void;
  /** Help under the field, e.g. what the amount is. */
  extra?: string;
}

/**
 * A filter bound typed in 万元 and committed (as yuan) on Enter or on leaving the field, so that
 * typing "300" does not search for 3, 30 and 300 in turn. Clearing it commits at once.
 */
export function WanInput({ id, label, value, onCommit, extra }: WanInputProps) {
  const { t } = useI18n();
  const shown = value ? (yuanToWan(value) ?? '') : '';
  const [text, setText] = useDraft(shown);
  const invalid = text.trim() !== '' && wanToYuan(text) === null;
  const commit = () => {
    if (invalid) return;
    const yuan = text.trim() === '' ? undefined : (wanToYuan(text) ?? undefined);
    if (yuan !== value) onCommit(yuan);
  };
  return (
    <Form.Item
      label={label}
      htmlFor={id}
      validateStatus={invalid ? 'error' : undefined}
      help={invalid ? t('challenges.filter.bountyInvalid') : undefined}
      extra={extra}
    >
      <Input
        id={id}
        inputMode="decimal"
        value={text}
        suffix={t('common.wan')}
        allowClear
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value === '' && value) onCommit(undefined);
        }}
        onBlur={commit}
        onPressEnter={commit}
      />
    </Form.Item>
  );
}
