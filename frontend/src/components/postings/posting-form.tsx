import { Button, Checkbox, Col, Form, Row, Select } from 'antd';
import type { ReactNode } from 'react';

import { AmountField } from '@/components/amount-input';
import { CountedInput, CountedTextArea, tooLong } from '@/components/counted-text';
import { useFormServerErrors } from '@/components/form-error-alert';
import { IndustrySelect } from '@/components/industry-select';
import { useI18n } from '@/i18n/i18n';
import { compareAmounts } from '@/utils/money';

/** The fields every posting has; a need's or capability's form adds its own. */
export interface PostingBaseValues {
  title: string;
  description: string;
  industry: string;
  keywords?: string[];
  publish: boolean;
}

/** The common fields as the API takes them (trimmed, blanks dropped). */
export type PostingBaseInput = Required<PostingBaseValues>;

/** The props of NeedForm and CapabilityForm, which the pages render. */
export interface PostingFormPageProps<I> {
  canPublish: boolean;
  submitting: boolean;
  /** Sends the request; a rejection's field messages go next to the fields, the rest above the button. */
  onSubmit: (input: I) => Promise<unknown>;
}

export interface PostingFormProps<V extends PostingBaseValues, I> extends PostingFormPageProps<I> {
  label: string;
  submitText: string;
  /** Its own fields' initial values (publish starts as canPublish, keywords empty). */
  initialValues: Partial<V>;
  descriptionHelp?: string;
  /** The form's own fields, next to the industry (each in a half-width column). */
  fields: ReactNode;
  /** More of its own fields, after the keywords. */
  moreFields?: ReactNode;
  /** The request body: the common fields and the form's own. */
  toInput: (values: V, base: PostingBaseInput) => I;
}

/** The shell of the need and capability forms: title, description, industry, keywords, publish. */
export function PostingForm<V extends PostingBaseValues, I>(props: PostingFormProps<V, I>) {
  const { label, submitText, canPublish, submitting, initialValues, descriptionHelp, fields, moreFields, toInput, onSubmit } = props;
  const { t } = useI18n();
  const [form] = Form.useForm<V>();
  const errors = useFormServerErrors(form);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('form.required', { field }) });

  const submit = async (values: V) => {
    errors.clear();
    const base = {
      title: values.title.trim(),
      description: values.description.trim(),
      industry: values.industry,
      keywords: (values.keywords ?? []).map((k) => k.trim()).filter(Boolean),
      publish: values.publish,
    };
    try {
      await onSubmit(toInput(values, base));
    } catch (error) {
      errors.show(error);
    }
  };

  return (
    <Form<V> form={form} layout="vertical" initialValues={{ publish: canPublish, keywords: [], ...initialValues }} onFinish={(values) => void submit(values)} scrollToFirstError aria-label={label}>
      <Form.Item name="title" label={t('challenges.field.title')} rules={[tooLong(t, 120), required(t('challenges.field.title'))]}>
        <CountedInput max={120} />
      </Form.Item>
      <Form.Item name="description" label={t('needs.field.description')} extra={descriptionHelp} rules={[tooLong(t, 8000), required(t('needs.field.description'))]}>
        <CountedTextArea rows={6} max={8000} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="industry" label={t('challenges.field.industry')} rules={[{ required: true, message: t('form.select', { field: t('challenges.field.industry') }) }]}>
            <IndustrySelect />
          </Form.Item>
        </Col>
        {fields}
      </Row>
      <Form.Item name="keywords" label={t('challenges.field.keywords')} extra={t('challengeForm.keywordsHelp')}>
        <Select mode="tags" tokenSeparators={[',', '，', '、']} maxCount={20} open={false} suffixIcon={null} />
      </Form.Item>
      {moreFields}
      <Form.Item name="publish" valuePropName="checked" extra={canPublish ? undefined : t('listingForm.publishNeedsVerification')}>
        <Checkbox disabled={!canPublish}>{t('listingForm.publishNow')}</Checkbox>
      </Form.Item>
      {errors.alert}
      <Button type="primary" htmlType="submit" loading={submitting}>
        {submitText}
      </Button>
    </Form>
  );
}

/** A price or budget range in yuan: two half-width fields, the upper bound not below the lower. */
export function AmountRangeFields({ min, max }: { min: { name: string; label: string }; max: { name: string; label: string } }) {
  const { t } = useI18n();
  return (
    <>
      <Col xs={24} md={12}>
        <AmountField name={min.name} label={min.label} />
      </Col>
      <Col xs={24} md={12}>
        <AmountField
          name={max.name}
          label={max.label}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_rule, value?: string) => {
                const low: unknown = getFieldValue(min.name);
                return value && typeof low === 'string' && low && (compareAmounts(value, low) ?? 0) < 0
                  ? Promise.reject(new Error(t('form.rangeInverted')))
                  : Promise.resolve();
              },
            }),
          ]}
        />
      </Col>
    </>
  );
}
