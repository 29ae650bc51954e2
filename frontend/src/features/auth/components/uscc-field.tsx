import { CheckCircleFilled } from '@ant-design/icons';
import { Form, Input, Typography } from 'antd';

import { useI18n } from '@/i18n/i18n';
import { USCC_LENGTH, usccMessage, usccProblem, usccProblemWhileTyping } from '@/utils/uscc';

const NAME = ['organisation', 'uscc'];

/** The organisation's USCC: checked while typing, in full on leaving the field, and marked once valid. */
export function UsccField() {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const uscc: unknown = Form.useWatch(NAME, form);
  const usccValid = typeof uscc === 'string' && uscc.length === USCC_LENGTH && usccProblem(uscc) === null;
  return (
    <Form.Item
      name={NAME}
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
        { required: true, message: t('form.required', { field: t('auth.org.uscc') }), validateTrigger: 'onBlur' },
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
  );
}
