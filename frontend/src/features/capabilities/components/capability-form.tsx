import { Checkbox, Col, Form, Radio, Select } from 'antd';

import { CountedTextArea, tooLong } from '@/components/counted-text';
import { AmountRangeFields, PostingForm, type PostingBaseInput, type PostingBaseValues, type PostingFormPageProps } from '@/components/postings/posting-form';
import { useI18n } from '@/i18n/i18n';
import { CAPABILITY_KINDS, COOPERATION_TYPES, type CapabilityKind, type CooperationType } from '@/utils/enums';

import type { CapabilityInput } from '../api/create-capability';
import { TRL_LEVELS, trlMeaning } from './capability-tags';

interface CapabilityValues extends PostingBaseValues {
  kind: CapabilityKind;
  trl: number;
  patents?: string[];
  team?: string;
  cooperation_types: CooperationType[];
  price_min?: string;
  price_max?: string;
}

export function CapabilityForm(props: PostingFormPageProps<CapabilityInput>) {
  const { t } = useI18n();
  const fields = (
    <>
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
      <AmountRangeFields min={{ name: 'price_min', label: t('capabilities.field.priceMin') }} max={{ name: 'price_max', label: t('capabilities.field.priceMax') }} />
    </>
  );
  const moreFields = (
    <>
      <Form.Item name="patents" label={t('capabilities.field.patents')} extra={t('capabilityForm.patentsHelp')}>
        <Select mode="tags" tokenSeparators={[',', '，', ' ']} maxCount={50} open={false} suffixIcon={null} />
      </Form.Item>
      <Form.Item name="team" label={t('capabilities.field.team')} rules={[tooLong(t, 2000)]}>
        <CountedTextArea rows={3} max={2000} />
      </Form.Item>
    </>
  );
  const toInput = (values: CapabilityValues, base: PostingBaseInput): CapabilityInput => ({
    ...base,
    kind: values.kind,
    trl: values.trl,
    patents: (values.patents ?? []).map((p) => p.trim()).filter(Boolean),
    team: values.team?.trim() ?? '',
    cooperation_types: values.cooperation_types,
    price_min: values.price_min || null,
    price_max: values.price_max || null,
  });
  return (
    <PostingForm<CapabilityValues, CapabilityInput>
      {...props}
      label={t('capabilities.create')}
      submitText={t('capabilityForm.submit')}
      initialValues={{ kind: 'capability', trl: 5, cooperation_types: ['development'], patents: [] }}
      fields={fields}
      moreFields={moreFields}
      toInput={toInput}
    />
  );
}
