import { screen, waitFor } from '@testing-library/react';
import { Button, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { describe, expect, it, vi } from 'vitest';

import { DateInput } from '@/components/date-input';
import { renderPart } from '@/testing/render-app';

function renderDateForm(onFinish: (values: { day?: Dayjs }) => void, showTime = false) {
  return renderPart(
    <Form aria-label="表单" onFinish={onFinish}>
      <Form.Item name="day" label="签订日期">
        <DateInput format={showTime ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD'} showTime={showTime ? { format: 'HH:mm' } : undefined} />
      </Form.Item>
      <Button htmlType="submit">提交</Button>
    </Form>,
  );
}

/** The open calendar's cell for `day` of the month shown. */
function calendarDay(day: number) {
  const cell = document.querySelector<HTMLElement>(`.ant-picker-cell-in-view[title$="-${String(day).padStart(2, '0')}"] .ant-picker-cell-inner`);
  if (!cell) throw new Error(`no calendar cell for day ${day}`);
  return cell;
}

describe('DateInput', () => {
  it('takes a typed date on Enter without submitting the form', async () => {
    const onFinish = vi.fn();
    const { user } = renderDateForm(onFinish);
    const input = screen.getByLabelText('签订日期');
    await user.click(input);
    await user.type(input, '2026-03-18{Enter}');
    await waitFor(() => expect(input).toHaveValue('2026-03-18'));
    expect(onFinish).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: /提\s*交/ }));
    await waitFor(() => expect(onFinish).toHaveBeenCalledTimes(1));
    expect(onFinish.mock.calls[0]?.[0].day?.format('YYYY-MM-DD')).toBe('2026-03-18');
  });

  it('keeps a date and time picked without a 确定 button to click', async () => {
    const onFinish = vi.fn();
    const { user } = renderDateForm(onFinish, true);
    await user.click(screen.getByLabelText('签订日期'));
    expect(document.querySelector('.ant-picker-ok')).toBeNull();
    await user.click(calendarDay(15));
    // Leaving the field (a person's click takes longer than the picker's one-frame close).
    await user.click(document.body);
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('签订日期').value).toMatch(/-15 \d\d:\d\d$/));
    await user.click(screen.getByRole('button', { name: /提\s*交/ }));
    await waitFor(() => expect(onFinish).toHaveBeenCalledTimes(1));
    expect(onFinish.mock.calls[0]?.[0].day?.date()).toBe(15);
  });

  it('commits a date clicked in the calendar', async () => {
    const onFinish = vi.fn();
    const { user } = renderDateForm(onFinish);
    await user.click(screen.getByLabelText('签订日期'));
    await user.click(calendarDay(15));
    await user.click(screen.getByRole('button', { name: /提\s*交/ }));
    await waitFor(() => expect(onFinish).toHaveBeenCalledTimes(1));
    expect(onFinish.mock.calls[0]?.[0].day?.date()).toBe(15);
  });
});
