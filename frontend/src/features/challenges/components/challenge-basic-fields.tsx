import { Col, Form, Radio, Row } from 'antd';

import { CountedInput, CountedTextArea, tooLong } from '@/components/counted-text';
import { IndustrySelect } from '@/components/industry-select';
import { useI18n } from '@/i18n/i18n';
import { LIST_TYPES } from '@/utils/enums';

/** What the challenge is: title, summary, description, industry chain and kind of list. */
export function ChallengeBasicFields() {
  const { t } = useI18n();
  const required = (field: string) => ({ required: true, whitespace: true, message: t('form.required', { field }) });
  const selectRequired = (field: string) => ({ required: true, message: t('form.select', { field }) });
  return (
    <>
      <Form.Item name="title" label={t('challenges.field.title')} rules={[tooLong(t, 120), required(t('challenges.field.title'))]}>
        <CountedInput max={120} />
      </Form.Item>
      <Form.Item name="summary" label={t('challenges.field.summary')} extra={t('challengeForm.summaryHelp')} rules={[tooLong(t, 300), required(t('challenges.field.summary'))]}>
        <CountedTextArea rows={2} max={300} />
      </Form.Item>
      <Form.Item name="description" label={t('challenges.field.description')} rules={[tooLong(t, 8000), required(t('challenges.field.description'))]}>
        <CountedTextArea rows={6} max={8000} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="industry" label={t('challenges.field.industry')} rules={[selectRequired(t('challenges.field.industry'))]}>
            <IndustrySelect placeholder={t('challengeForm.industryPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="list_type" label={t('challenges.field.listType')} extra={t('challengeForm.listTypeHelp')} rules={[selectRequired(t('challenges.field.listType'))]}>
            <Radio.Group optionType="button" options={LIST_TYPES.map((value) => ({ value, label: t(`enum.listType.${value}`) }))} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
