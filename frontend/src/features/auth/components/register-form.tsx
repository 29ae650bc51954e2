import { Button, Form, Radio } from 'antd';

import { useFormServerErrors } from '@/components/form-error-alert';
import { useI18n } from '@/i18n/i18n';
import type { User } from '@/lib/auth';

import { useRegister } from '../api/register';
import { AccountFields } from './account-fields';
import { JoinFields } from './join-fields';
import { OrganisationFields } from './organisation-fields';
import { ORG_MODES, ORGANISATION_ALIASES, toInput, type OrgMode, type RegisterValues } from './register-input';

/**
 * Signing up: the user and its organisation, either a new one (unverified until the operator checks
 * it) or an existing one it asks to join (a member once that organisation's admin agrees).
 */
export function RegisterForm({ onSuccess }: { onSuccess: (user: User, mode: OrgMode) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<RegisterValues>();
  const errors = useFormServerErrors(form, { aliases: ORGANISATION_ALIASES });
  const register = useRegister();
  const mode: OrgMode = Form.useWatch('orgMode', form) ?? 'create';

  const submit = (values: RegisterValues) => {
    errors.clear();
    register.mutate(toInput(values), { onSuccess: (user) => onSuccess(user, values.orgMode), onError: errors.show });
  };

  return (
    <Form<RegisterValues>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ orgMode: 'create', organisation: { kind: 'enterprise' } }}
      aria-label={t('auth.register.title')}
      scrollToFirstError
    >
      <AccountFields />
      <Form.Item name="orgMode" label={t('auth.register.orgMode')}>
        <Radio.Group options={ORG_MODES.map((value) => ({ value, label: t(`auth.register.orgMode.${value}`) }))} />
      </Form.Item>
      {mode === 'create' ? <OrganisationFields /> : null}
      {mode === 'join' ? <JoinFields /> : null}
      {errors.alert}
      <Button type="primary" htmlType="submit" block loading={register.isPending}>
        {t('auth.register.submit')}
      </Button>
    </Form>
  );
}
