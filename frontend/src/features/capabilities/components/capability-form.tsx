import { Button, Checkbox, Col, Form, Input, Radio, Row, Select } from 'antd';

import { AmountField } from '@/components/amount-input';
import { useFormServerErrors } from '@/components/form-error-alert';
import { IndustrySelect } from '@/components/industry-select';
import { useI18n } from '@/i18n/i18n';
import { CAPABILITY_KINDS, COOPERATION_TYPES, type CapabilityKind, type CooperationType } from '@/utils/enums';
import { compareAmounts } from '@/utils/money';

import type { CapabilityInput } from '../api/create-capability';
import { TRL_LEVELS, trlMeaning } from './capability-tags';

interface CapabilityValues {
  title: string;
  description: string;
  industry: string;
  kind: CapabilityKind;
  keywords?: string[];
  trl: number;
  patents?: string[];
  team?: string;
  cooperation_types: CooperationType[];
  price_min?: string;
  price_max?: string;
  publish: boolean;
}

export function CapabilityForm({
  canPublish,
  submitting,
  onSubmit,
}: {
  canPublish: boolean;
  submitting: boolean;
  onSubmit: (input: CapabilityInput) => Promise<unknown>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<CapabilityValues>();
  const errors = useFormServerErrors(form);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('form.required', { field }) });

  const submit = async (values: CapabilityValues) => {
    errors.clear();
    try {
      await onSubmit({
        title: values.title.trim(),
        description: values.description.trim(),
        industry: values.industry,
        kind: values.kind,
        keywords: (values.keywords ?? []).map((k) => k.trim()).filter(Boolean),
        trl: values.trl,
        patents: (values.patents ?? []).map((p) => p.trim()).filter(Boolean),
        team: values.team?.trim() ?? '',
        cooperation_types: values.cooperation_types,
        price_min: values.price_min || null,
        price_max: values.price_max || null,
        publish: values.publish,
      });
    } catch (error) {
      errors.show(error);
    }
  };

  return (
    <Form<CapabilityValues>
      form={form}
      layout="vertical"
      initialValues={{ kind: 'capability', trl: 5, cooperation_types: ['development'], publish: canPublish, keywords: [], patents: [] }}
      onFinish={(values) => void submit(values)}
      scrollToFirstError
      aria-label={t('capabilities.create')}
    >
      <Form.Item name="title" label={t('challenges.field.title')} rules={[required(t('challenges.field.title'))]}>
        <Input maxLength={120} showCount />
      </Form.Item>
      <Form.Item name="description" label={t('needs.field.description')} rules={[required(t('needs.field.description'))]}>
        <Input.TextArea rows={6} maxLength={8000} showCount />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="industry" label={t('challenges.field.industry')} rules={[{ required: true, message: t('form.select', { field: t('challenges.field.industry') }) }]}>
            <IndustrySelect />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="kind" label={t('capabilities.field.kind')}>
            <Radio.Group optionType="button" options={CAPABILITY_KINDS.map((value) => ({ value, label: t(`enum.capabilityKind.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="trl" label={t('capabilities.field.trl')} rules={[{ required: true, message: t('form.select', { field: t('capabilities.field.trl') }) }]}>
            <Select options={TRL_LEVELS.map((level) => ({ value: level, label: `TRL ${level} · ${trlMeaning(level, t)}` }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="cooperation_types"
            label={t('capabilities.field.cooperationTypes')}
            rules={[{ required: true, type: 'array', min: 1, message: t('capabilityForm.cooperationRequired') }]}
          >
            <Checkbox.Group options={COOPERATION_TYPES.map((value) => ({ value, label: t(`enum.cooperationType.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <AmountField name="price_min" label={t('capabilities.field.priceMin')} />
        </Col>
        <Col xs={24} md={12}>
          <AmountField
            name="price_max"
            label={t('capabilities.field.priceMax')}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_rule, value?: string) => {
                  const min: unknown = getFieldValue('price_min');
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
      <Form.Item name="patents" label={t('capabilities.field.patents')} extra={t('capabilityForm.patentsHelp')}>
        <Select mode="tags" tokenSeparators={[',', '，', ' ']} maxCount={50} open={false} suffixIcon={null} />
      </Form.Item>
      <Form.Item name="team" label={t('capabilities.field.team')}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="publish" valuePropName="checked" extra={canPublish ? undefined : t('listingForm.publishNeedsVerification')}>
        <Checkbox disabled={!canPublish}>{t('listingForm.publishNow')}</Checkbox>
      </Form.Item>
      {errors.alert}
      <Button type="primary" htmlType="submit" loading={submitting}>
        {t('capabilityForm.submit')}
      </Button>
    </Form>
  );
}
