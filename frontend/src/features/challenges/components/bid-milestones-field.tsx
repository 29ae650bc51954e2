import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, InputNumber, Row } from 'antd';

import { CountedInput, tooLong } from '@/components/counted-text';
import { useI18n } from '@/i18n/i18n';

const MAX_MILESTONES = 20;

/** A bid's milestones: title, day it is due (counted from the award) and deliverable, up to 20. */
export function BidMilestonesField() {
  const { t } = useI18n();
  return (
    <Form.List name="milestones">
      {(fields, { add, remove }, { errors }) => (
        <fieldset className="form-fieldset">
          <legend>{t('bids.milestones')}</legend>
          {fields.map((field, index) => {
            const n = index + 1;
            return (
              <Row gutter={8} key={field.key} data-testid="milestone-row">
                <Col xs={24} md={9}>
                  <Form.Item name={[field.name, 'title']} rules={[tooLong(t, 100), { required: true, whitespace: true, message: t('form.required', { field: t('bidForm.milestoneTitle') }) }]}>
                    <CountedInput aria-label={t('bidForm.milestoneTitleLabel', { n })} placeholder={t('bidForm.milestoneTitle')} max={100} />
                  </Form.Item>
                </Col>
                <Col xs={9} md={4}>
                  <Form.Item name={[field.name, 'due_day']} rules={[{ required: true, message: t('form.required', { field: t('bidForm.milestoneDay') }) }]}>
                    <InputNumber aria-label={t('bidForm.milestoneDayLabel', { n })} placeholder={t('bidForm.milestoneDay')} min={1} max={3650} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={9}>
                  <Form.Item name={[field.name, 'deliverable']} rules={[tooLong(t, 300)]}>
                    <CountedInput aria-label={t('bidForm.deliverableLabel', { n })} placeholder={t('bidForm.deliverable')} max={300} />
                  </Form.Item>
                </Col>
                <Col xs={3} md={2}>
                  <Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('bidForm.removeMilestone', { n })} onClick={() => remove(field.name)} />
                </Col>
              </Row>
            );
          })}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ title: '', deliverable: '' })} disabled={fields.length >= MAX_MILESTONES} block>
            {t('bidForm.addMilestone')}
          </Button>
        </fieldset>
      )}
    </Form.List>
  );
}
