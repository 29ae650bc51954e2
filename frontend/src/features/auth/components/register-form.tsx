import { Button, Checkbox, Form } from 'antd';

import { useFormServerErrors } from '@/components/form-error-alert';
import { useI18n } from '@/i18n/i18n';
import type { User } from '@/lib/auth';

import { useRegister } from '../api/register';
import { AccountFields } from './account-fields';
import { OrganisationFields } from './organisation-fields';
import { ORGANISATION_ALIASES, toInput, type RegisterValues } from './register-input';

/** Signing up: the user and, unless unticked, the organisation it belongs to (unverified until checked). */
export function RegisterForm({ onSuccess }: { onSuccess: (user: User) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<RegisterValues>();
  const errors = useFormServerErrors(form, { aliases: ORGANISATION_ALIASES });
  const register = useRegister();
  const withOrganisation = Form.useWatch('withOrganisation', form) ?? true;

  const submit = (values: RegisterValues) => {
    errors.clear();
    register.mutate(toInput(values), { onSuccess, onError: errors.show });
  };

  return (
    <Form<RegisterValues>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ withOrganisation: true, organisation: { kind: 'enterprise', region: 'wuxing' } }}
      aria-label={t('auth.register.title')}
      scrollToFirstError
    >
      <AccountFields />
      <Form.Item name="withOrganisation" valuePropName="checked">
        <Checkbox>{t('auth.register.withOrganisation')}</Checkbox>
      </Form.Item>
      {withOrganisation ? <OrganisationFields /> : null}
      {errors.alert}
      <Button type="primary" htmlType="submit" block loading={register.isPending}>
        {t('auth.register.submit')}
      </Button>
    </Form>
  );
}
