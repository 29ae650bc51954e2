import { Col, Form, Input, Row } from 'antd';

import { CountedInput, tooLong } from '@/components/counted-text';
import { useI18n } from '@/i18n/i18n';

/** The user's own fields: username, email, and the password twice. */
export function AccountFields() {
  const { t } = useI18n();
  const required = (field: string) => ({ required: true, message: t('form.required', { field }) });
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item
          name="username"
          label={t('auth.field.username')}
          extra={t('auth.register.usernameHelp')}
          rules={[required(t('auth.field.username')), tooLong(t, 150), { pattern: /^[\w.@+-]+$/, message: t('auth.register.usernameInvalid') }]}
        >
          <CountedInput autoComplete="username" max={150} />
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
                !value || getFieldValue('password') === value ? Promise.resolve() : Promise.reject(new Error(t('auth.register.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Col>
    </Row>
  );
}
