import { CheckCircleFilled } from '@ant-design/icons';
import { Form, Input, Typography, type InputProps } from 'antd';

import { useI18n } from '@/i18n/i18n';
import { USCC_LENGTH, usccMessage, usccProblem, usccProblemWhileTyping } from '@/utils/uscc';

const NAME = ['organisation', 'uscc'];

/** The input, marked once the code checks out and nothing (the server included) says otherwise. */
function UsccInput(props: InputProps) {
  const { t } = useI18n();
  const { status } = Form.Item.useStatus();
  const { value } = props;
  const valid = typeof value === 'string' && value.length === USCC_LENGTH && usccProblem(value) === null && status !== 'error';
  return (
    <Input
      {...props}
      maxLength={USCC_LENGTH}
      autoComplete="off"
      spellCheck={false}
      style={{ fontFamily: 'monospace' }}
      suffix={
        valid ? (
          <Typography.Text type="success" data-testid="uscc-valid">
            <CheckCircleFilled aria-hidden /> {t('auth.org.usccValid')}
          </Typography.Text>
        ) : (
          <span />
        )
      }
    />
  );
}

/**
 * The organisation's USCC: checked while typing, in full on leaving the field. Each problem has one
 * rule, so a submit (which runs every rule) shows its message once.
 */
export function UsccField() {
  const { t } = useI18n();
  return (
    <Form.Item
      name={NAME}
      label={t('auth.org.uscc')}
      validateTrigger={['onChange', 'onBlur']}
      normalize={(value: string) => value.toUpperCase().replace(/\s/g, '')}
      extra={t('auth.org.usccHelp')}
      rules={[
        { required: true, message: t('form.required', { field: t('auth.org.uscc') }), validateTrigger: 'onBlur' },
        {
          // While typing and after: a wrong character at once, a wrong check character at the 18th.
          validateTrigger: ['onChange', 'onBlur'],
          validator: (_rule, value?: string) => {
            const problem = usccProblemWhileTyping(value ?? '');
            return problem ? Promise.reject(new Error(usccMessage(problem, t))) : Promise.resolve();
          },
        },
        {
          // On leaving the field and on submit: what only a finished code can have wrong (its length).
          validateTrigger: 'onBlur',
          validator: (_rule, value?: string) => {
            const problem = value && usccProblemWhileTyping(value) === null ? usccProblem(value) : null;
            return problem ? Promise.reject(new Error(usccMessage(problem, t))) : Promise.resolve();
          },
        },
      ]}
    >
      <UsccInput />
    </Form.Item>
  );
}
