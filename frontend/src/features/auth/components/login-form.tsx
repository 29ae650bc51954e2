import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';

import { useFormServerErrors } from '@/components/form-error-alert';
import { useI18n } from '@/i18n/i18n';
import type { User } from '@/lib/auth';

import { useLogin, type LoginInput } from '../api/login';

export function LoginForm({ onSuccess }: { onSuccess: (user: User) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<LoginInput>();
  const errors = useFormServerErrors(form);
  const login = useLogin();

  const submit = (values: LoginInput) => {
    errors.clear();
    login.mutate(values, { onSuccess, onError: errors.show });
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} aria-label={t('auth.login.title')}>
      <Form.Item
        name="username"
        label={t('auth.field.username')}
        rules={[{ required: true, message: t('form.required', { field: t('auth.field.username') }) }]}
      >
        <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('auth.field.password')}
        rules={[{ required: true, message: t('form.required', { field: t('auth.field.password') }) }]}
      >
        <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
      </Form.Item>
      {errors.alert}
      <Button type="primary" htmlType="submit" block loading={login.isPending}>
        {t('auth.login.submit')}
      </Button>
    </Form>
  );
}
