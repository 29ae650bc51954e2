import { Col, Form, Select } from 'antd';

import { AmountRangeFields, PostingForm, type PostingBaseInput, type PostingBaseValues, type PostingFormPageProps } from '@/components/postings/posting-form';
import { useI18n } from '@/i18n/i18n';
import { COOPERATION_TYPES, type CooperationType } from '@/utils/enums';

import type { NeedInput } from '../api/create-need';

interface NeedValues extends PostingBaseValues {
  budget_min?: string;
  budget_max?: string;
  cooperation_type: CooperationType;
}

export function NeedForm(props: PostingFormPageProps<NeedInput>) {
  const { t } = useI18n();
  const toInput = (values: NeedValues, base: PostingBaseInput): NeedInput => ({
    ...base,
    budget_min: values.budget_min || null,
    budget_max: values.budget_max || null,
    cooperation_type: values.cooperation_type,
  });
  const fields = (
    <>
      <Col xs={24} md={12}>
        <Form.Item name="cooperation_type" label={t('needs.field.cooperationType')} rules={[{ required: true }]}>
          <Select options={COOPERATION_TYPES.map((value) => ({ value, label: t(`enum.cooperationType.${value}`) }))} />
        </Form.Item>
      </Col>
      <AmountRangeFields min={{ name: 'budget_min', label: t('needs.field.budgetMin') }} max={{ name: 'budget_max', label: t('needs.field.budgetMax') }} />
    </>
  );
  return (
    <PostingForm<NeedValues, NeedInput>
      {...props}
      label={t('needs.create')}
      submitText={t('needForm.submit')}
      initialValues={{ cooperation_type: 'development' }}
      descriptionHelp={t('needForm.descriptionHelp')}
      fields={fields}
      toInput={toInput}
    />
  );
}
