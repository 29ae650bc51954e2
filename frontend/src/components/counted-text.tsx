import { Input, type InputProps } from 'antd';
import type { TextAreaProps } from 'antd/es/input';

import type { Translate } from '@/i18n/i18n';

/**
 * Text the server limits to `max` characters. The count shows as one types or pastes, and a longer
 * text is kept (in red) rather than cut: a native maxLength would drop the tail of a pasted text
 * without a word. The form refuses it with `tooLong`, naming the limit as the server does.
 */
export function CountedInput({ max, ...props }: InputProps & { max: number }) {
  return <Input {...props} count={{ show: true, max }} />;
}

export function CountedTextArea({ max, ...props }: TextAreaProps & { max: number }) {
  return <Input.TextArea {...props} count={{ show: true, max }} />;
}

/** The Form.Item rule that goes with a counted input of the same `max`. */
export const tooLong = (t: Translate, max: number) => ({ max, message: t('form.tooLong', { max }) });
