import { Alert, Button, Form, Select } from 'antd';

import { useFormServerErrors } from '@/components/form-error-alert';
import { useI18n } from '@/i18n/i18n';

import type { ChallengeInput } from '../api/create-challenge';
import type { Challenge } from '../api/get-challenge';
import type { ChallengeUpdate } from '../api/update-challenge';
import { ChallengeAccessFields } from './challenge-access-fields';
import { ChallengeBasicFields } from './challenge-basic-fields';
import { challengeFormInitialValues, toChallengeUpdate, type ChallengeFormValues } from './challenge-form-values';
import { ChallengeTermsFields } from './challenge-terms-fields';
import { IndicatorsEditor } from './indicators-editor';

export interface ChallengeFormProps {
  /** The challenge to edit; without it the form drafts a new one. */
  challenge?: Challenge;
  submitLabel: string;
  submitting: boolean;
  onSubmit: (input: ChallengeInput | ChallengeUpdate) => Promise<unknown>;
}

/**
 * Create or edit a challenge. Server field errors appear next to their fields (including a
 * particular indicator row); anything else appears above the buttons.
 */
export function ChallengeForm({ challenge, submitLabel, submitting, onSubmit }: ChallengeFormProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<ChallengeFormValues>();
  const errors = useFormServerErrors(form);
  const published = challenge?.status === 'published';

  const submit = async (values: ChallengeFormValues) => {
    errors.clear();
    try {
      await onSubmit(toChallengeUpdate(values, challenge, (field) => form.isFieldTouched(field)));
    } catch (error) {
      errors.show(error);
    }
  };

  return (
    <Form<ChallengeFormValues>
      form={form}
      layout="vertical"
      initialValues={challengeFormInitialValues(challenge)}
      onFinish={(values) => void submit(values)}
      scrollToFirstError
      aria-label={submitLabel}
      data-testid="challenge-form"
    >
      {published ? <Alert type="info" showIcon message={t('challengeForm.lockedNote')} style={{ marginBottom: 16 }} /> : null}
      <ChallengeBasicFields />
      <IndicatorsEditor />
      <Form.Item name="keywords" label={t('challenges.field.keywords')} extra={t('challengeForm.keywordsHelp')}>
        <Select mode="tags" tokenSeparators={[',', '，', '、']} maxCount={20} open={false} suffixIcon={null} />
      </Form.Item>
      <ChallengeTermsFields published={published} />
      <ChallengeAccessFields published={published} editing={challenge !== undefined} />
      {errors.alert}
      <Button type="primary" htmlType="submit" loading={submitting}>
        {submitLabel}
      </Button>
    </Form>
  );
}
