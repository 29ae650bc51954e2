import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Form, Input, Row } from 'antd';
import { describe, expect, it, vi } from 'vitest';

import { industries } from '@/testing/data/marketplace';
import { jsonResponse, mockApi } from '@/testing/mock-fetch';
import { renderFields, renderPart } from '@/testing/render-app';

import { PostingActions } from '../posting-actions';
import { AmountRangeFields, PostingForm, type PostingBaseValues } from '../posting-form';

interface Values extends PostingBaseValues {
  note?: string;
}

describe('posting shells', () => {
  it('runs a state change from its button and says it is done', async () => {
    const mutate = vi.fn((_kind: string, options: { onSuccess: () => void }) => options.onSuccess());
    renderPart(<PostingActions actions={[{ kind: 'close', label: '关闭需求', done: '需求已关闭' }]} mutation={{ mutate, isPending: false }} />);
    fireEvent.click(screen.getByRole('button', { name: '关闭需求' }));
    expect(mutate).toHaveBeenCalledWith('close', expect.anything());
    expect(await screen.findByText('需求已关闭')).toBeInTheDocument();
  });

  it('sends the common fields trimmed, with the form’s own values beside them', async () => {
    mockApi({ 'GET /api/industries/': () => jsonResponse(industries) });
    const onSubmit = vi.fn(() => Promise.resolve());
    renderPart(
      <PostingForm<Values, unknown>
        label="测试表单"
        submitText="提交"
        canPublish
        submitting={false}
        initialValues={{ industry: 'logistics_equipment' }}
        fields={null}
        moreFields={
          <Form.Item name="note" label="备注">
            <Input />
          </Form.Item>
        }
        toInput={(values, base) => ({ base, note: values.note })}
        onSubmit={onSubmit}
      />,
    );
    fireEvent.change(screen.getByLabelText('标题'), { target: { value: '  叉车快充  ' } });
    fireEvent.change(screen.getByLabelText('详细描述'), { target: { value: '充电太慢。 ' } });
    fireEvent.change(screen.getByLabelText('备注'), { target: { value: '急' } });
    fireEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit).toHaveBeenCalledWith({
      base: { title: '叉车快充', description: '充电太慢。', industry: 'logistics_equipment', keywords: [], publish: true },
      note: '急',
    });
  });

  it('refuses an upper bound below the lower one', async () => {
    renderFields(
      <Row>
        <AmountRangeFields min={{ name: 'low', label: '下限' }} max={{ name: 'high', label: '上限' }} />
      </Row>,
    );
    fireEvent.change(screen.getByLabelText('下限'), { target: { value: '1200000' } });
    fireEvent.change(screen.getByLabelText('上限'), { target: { value: '500000' } });
    fireEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    expect(await screen.findByText('上限不能低于下限')).toBeInTheDocument();
  });
});
