import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Button, Checkbox, Col, Form, Input, Radio, Row, Select, Typography } from 'antd';

import { useFormServerErrors } from '@/components/form-error-alert';
import { useI18n, type Translate } from '@/i18n/i18n';
import type { User } from '@/lib/auth';
import { INSTITUTE_TYPES, REGIONS, REGISTERABLE_KINDS, type InstituteType, type OrganisationKind, type Region } from '@/utils/enums';
import { USCC_LENGTH, normaliseUscc, usccProblem, usccProblemWhileTyping, type UsccProblem } from '@/utils/uscc';

import { useRegister, type RegisterInput } from '../api/register';

interface RegisterValues {
  username: string;
  password: string;
  passwordConfirm: string;
  email?: string;
  withOrganisation: boolean;
  organisation?: {
    name: string;
    kind: OrganisationKind;
    institute_type?: InstituteType;
    uscc: string;
    region: Region;
    province?: string;
    city?: string;
  };
}

export function usccMessage(problem: UsccProblem, t: Translate): string {
  switch (problem.kind) {
    case 'length':
      return t('uscc.error.length', { length: problem.length });
    case 'chars':
      return t('uscc.error.chars', { chars: problem.chars });
    case 'division':
      return t('uscc.error.division');
    case 'check':
      return t('uscc.error.check', { expected: problem.expected, actual: problem.actual });
  }
}

// The model check of a new organisation reports its fields at the top level (e.g. a USCC that is
// already registered); in this form they live under `organisation`.
const ORGANISATION_ALIASES = Object.fromEntries(
  ['name', 'kind', 'institute_type', 'uscc', 'region', 'province', 'city'].map((field) => [field, ['organisation', field]]),
);

function toInput(values: RegisterValues): RegisterInput {
  const input: RegisterInput = { username: values.username.trim(), password: values.password, email: values.email?.trim() ?? '' };
  const org = values.organisation;
  if (values.withOrganisation && org) {
    input.organisation = {
      name: org.name.trim(),
      kind: org.kind,
      institute_type: org.kind === 'institute' ? (org.institute_type ?? '') : '',
      uscc: normaliseUscc(org.uscc),
      region: org.region,
      ...(org.region === 'outside' ? { province: org.province?.trim() ?? '', city: org.city?.trim() ?? '' } : {}),
    };
  }
  return input;
}

export function RegisterForm({ onSuccess }: { onSuccess: (user: User) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<RegisterValues>();
  const errors = useFormServerErrors(form, { aliases: ORGANISATION_ALIASES });
  const register = useRegister();
  const withOrganisation = Form.useWatch('withOrganisation', form) ?? true;
  const kind = Form.useWatch(['organisation', 'kind'], form);
  const region = Form.useWatch(['organisation', 'region'], form);
  const uscc: unknown = Form.useWatch(['organisation', 'uscc'], form);
  const usccValid = typeof uscc === 'string' && uscc.length === USCC_LENGTH && usccProblem(uscc) === null;

  const required = (field: string) => ({ required: true, message: t('form.required', { field }) });
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
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="username"
            label={t('auth.field.username')}
            extra={t('auth.register.usernameHelp')}
            rules={[required(t('auth.field.username')), { pattern: /^[\w.@+-]+$/, message: t('auth.register.usernameInvalid') }]}
          >
            <Input autoComplete="username" maxLength={150} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="email" label={t('auth.field.email')} rules={[{ type: 'email', message: t('auth.register.emailInvalid') }]}>
            <Input type="email" autoComplete="email" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="password"
            label={t('auth.field.password')}
            extra={t('auth.register.passwordHelp')}
            rules={[required(t('auth.field.password')), { min: 8, message: t('auth.register.passwordShort') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="passwordConfirm"
            label={t('auth.field.passwordConfirm')}
            dependencies={['password']}
            rules={[
              required(t('auth.field.passwordConfirm')),
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  !value || getFieldValue('password') === value
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('auth.register.passwordMismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Col>
      </Row>

      <Form.Item name="withOrganisation" valuePropName="checked">
        <Checkbox>{t('auth.register.withOrganisation')}</Checkbox>
      </Form.Item>

      {withOrganisation ? (
        <fieldset className="form-fieldset">
          <legend>{t('auth.org.section')}</legend>
          <Alert type="info" showIcon message={t('auth.register.unverifiedNote')} style={{ marginBottom: 16 }} />
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name={['organisation', 'name']} label={t('auth.org.name')} rules={[required(t('auth.org.name'))]}>
                <Input maxLength={120} autoComplete="organization" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name={['organisation', 'uscc']}
                label={t('auth.org.uscc')}
                validateTrigger={['onChange', 'onBlur']}
                normalize={(value: string) => value.toUpperCase().replace(/\s/g, '')}
                extra={
                  usccValid ? (
                    <Typography.Text type="success" data-testid="uscc-valid">
                      <CheckCircleFilled aria-hidden /> {t('auth.org.usccValid')}
                    </Typography.Text>
                  ) : (
                    t('auth.org.usccHelp')
                  )
                }
                rules={[
                  { ...required(t('auth.org.uscc')), validateTrigger: 'onBlur' },
                  {
                    // While typing: a wrong character at once, a wrong check character at the 18th.
                    validateTrigger: 'onChange',
                    validator: (_rule, value?: string) => {
                      const problem = usccProblemWhileTyping(value ?? '');
                      return problem ? Promise.reject(new Error(usccMessage(problem, t))) : Promise.resolve();
                    },
                  },
                  {
                    // On leaving the field and on submit: the whole check, including the length.
                    validateTrigger: 'onBlur',
                    validator: (_rule, value?: string) => {
                      const problem = value ? usccProblem(value) : null;
                      return problem ? Promise.reject(new Error(usccMessage(problem, t))) : Promise.resolve();
                    },
                  },
                ]}
              >
                <Input maxLength={USCC_LENGTH} autoComplete="off" spellCheck={false} style={{ fontFamily: 'monospace' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['organisation', 'kind']} label={t('auth.org.kind')} rules={[required(t('auth.org.kind'))]}>
                <Radio.Group
                  optionType="button"
                  options={REGISTERABLE_KINDS.map((value) => ({ value, label: t(`enum.orgKind.${value}`) }))}
                />
              </Form.Item>
            </Col>
            {kind === 'institute' ? (
              <Col xs={24} md={12}>
                <Form.Item
                  name={['organisation', 'institute_type']}
                  label={t('auth.org.instituteType')}
                  rules={[{ required: true, message: t('form.select', { field: t('auth.org.instituteType') }) }]}
                >
                  <Select options={INSTITUTE_TYPES.map((value) => ({ value, label: t(`enum.instituteType.${value}`) }))} />
                </Form.Item>
              </Col>
            ) : null}
            <Col xs={24} md={12}>
              <Form.Item name={['organisation', 'region']} label={t('auth.org.region')} rules={[required(t('auth.org.region'))]}>
                <Select options={REGIONS.map((value) => ({ value, label: t(`enum.region.${value}`) }))} />
              </Form.Item>
            </Col>
            {region === 'outside' ? (
              <>
                <Col xs={12} md={6}>
                  <Form.Item name={['organisation', 'province']} label={t('auth.org.province')}>
                    <Input maxLength={30} autoComplete="address-level1" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={['organisation', 'city']} label={t('auth.org.city')}>
                    <Input maxLength={30} autoComplete="address-level2" />
                  </Form.Item>
                </Col>
              </>
            ) : null}
          </Row>
        </fieldset>
      ) : null}

      {errors.alert}
      <Button type="primary" htmlType="submit" block loading={register.isPending}>
        {t('auth.register.submit')}
      </Button>
    </Form>
  );
}
