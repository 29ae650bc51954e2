import { Button, Checkbox, Col, Form, Input, Row, Select } from 'antd';

import { AmountField } from '@/components/amount-input';
import { useFormServerErrors } from '@/components/form-error-alert';
import { IndustrySelect } from '@/components/industry-select';
import { useI18n } from '@/i18n/i18n';
import { COOPERATION_TYPES, type CooperationType } from '@/utils/enums';
import { compareAmounts } from '@/utils/money';

import type { NeedInput } from '../api/create-need';

interface NeedValues {
  title: string;
  description: string;
  industry: string;
  keywords?: string[];
  budget_min?: string;
  budget_max?: string;
  cooperation_type: CooperationType;
  publish: boolean;
}

export function NeedForm({ canPublish, submitting, onSubmit }: { canPublish: boolean; submitting: boolean; onSubmit: (input: NeedInput) => Promise<unknown> }) {
  const { t } = useI18n();
  const [form] = Form.useForm<NeedValues>();
  const errors = useFormServerErrors(form);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('form.required', { field }) });

  const submit = async (values: NeedValues) => {
    errors.clear();
    try {
      await onSubmit({
        title: values.title.trim(),
        description: values.description.trim(),
        industry: values.industry,
        keywords: (values.keywords ?? []).map((k) => k.trim()).filter(Boolean),
        budget_min: values.budget_min || null,
        budget_max: values.budget_max || null,
        cooperation_type: values.cooperation_type,
        publish: values.publish,
      });
    } catch (error) {
      errors.show(error);
    }
  };

  return (
    <Form<NeedValues>
      form={form}
      layout="vertical"
      initialValues={{ cooperation_type: 'development', publish: canPublish, keywords: [] }}
      onFinish={(values) => void submit(values)}
      scrollToFirstError
      aria-label={t('needs.create')}
    >
      <Form.Item name="title" label={t('challenges.field.title')} rules={[required(t('challenges.field.title'))]}>
        <Input maxLength={120} showCount />
      </Form.Item>
      <Form.Item name="description" label={t('needs.field.description')} extra={t('needForm.descriptionHelp')} rules={[required(t('needs.field.description'))]}>
        <Input.TextArea rows={6} maxLength={8000} showCount />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="industry" label={t('challenges.field.industry')} rules={[{ required: true, message: t('form.select', { field: t('challenges.field.industry') }) }]}>
            <IndustrySelect />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="cooperation_type" label={t('needs.field.cooperationType')} rules={[{ required: true }]}>
            <Select options={COOPERATION_TYPES.map((value) => ({ value, label: t(`enum.cooperationType.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <AmountField name="budget_min" label={t('needs.field.budgetMin')} />
        </Col>
        <Col xs={24} md={12}>
          <AmountField
            name="budget_max"
            label={t('needs.field.budgetMax')}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_rule, value?: string) => {
                  const min: unknown = getFieldValue('budget_min');
                  return value && typeof min === 'string' && min && (compareAmounts(value, min) ?? 0) < 0
                    ? Promise.reject(new Error(t('form.rangeInverted')))
                    : Promise.resolve();
                },
              }),
            ]}
          />
        </Col>
      </Row>
      <Form.Item name="keywords" label={t('challenges.field.keywords')} extra={t('challengeForm.keywordsHelp')}>
        <Select mode="tags" tokenSeparators={[',', '，', '、']} maxCount={20} open={false} suffixIcon={null} />
      </Form.Item>
      <Form.Item name="publish" valuePropName="checked" extra={canPublish ? undefined : t('listingForm.publishNeedsVerification')}>
        <Checkbox disabled={!canPublish}>{t('listingForm.publishNow')}</Checkbox>
      </Form.Item>
      {errors.alert}
      <Button type="primary" htmlType="submit" loading={submitting}>
        {t('needForm.submit')}
      </Button>
    </Form>
  );
}
