import { DatePicker, type DatePickerProps } from 'antd';

/**
 * antd's DatePicker as every form here wants it. A picked date commits at once: with a 确定 to
 * click, a date picked and left unconfirmed was silently dropped. Enter commits a typed date (the
 * picker's own handling, which runs first) and stops there: it used to submit the surrounding form,
 * which recorded a half-filled contract.
 */
export function DateInput({ onKeyDown, ...props }: DatePickerProps) {
  return (
    <DatePicker
      {...props}
      needConfirm={false}
      onKeyDown={(event, preventDefault) => {
        if (event.key === 'Enter') event.preventDefault();
        onKeyDown?.(event, preventDefault);
      }}
    />
  );
}
