import { Col, Form, Input, InputNumber, Radio, Row } from 'antd';

import { AmountField } from '@/components/amount-input';
import { useI18n } from '@/i18n/i18n';
import { FUNDING_MODES, MODES } from '@/utils/enums';

import type { ChallengeFormValues } from './challenge-form-values';

/** The terms: bounty, who funds it, 揭榜挂帅 or 赛马制 (and how many winners); fixed once published. */
export function ChallengeTermsFields({ published }: { published: boolean }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<ChallengeFormValues>();
  const mode = Form.useWatch('mode', form);
  const selectRequired = (field: string) => ({ required: true, message: t('form.select', { field }) });
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        {published ? (
          <Form.Item name="bounty" label={t('challengeForm.bounty')}>
            <Input disabled suffix={t('common.yuan')} />
          </Form.Item>
        ) : (
          <AmountField name="bounty" label={t('challengeForm.bounty')} required />
        )}
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="funding_mode" label={t('challenges.field.fundingMode')} rules={[selectRequired(t('challenges.field.fundingMode'))]}>
          <Radio.Group disabled={published} optionType="button" options={FUNDING_MODES.map((value) => ({ value, label: t(`enum.fundingMode.${value}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="mode"
          label={t('challenges.field.mode')}
          extra={mode === 'saima' ? t('challengeForm.modeHelp.saima') : t('challengeForm.modeHelp.jiebang')}
          rules={[selectRequired(t('challenges.field.mode'))]}
        >
          <Radio.Group disabled={published} optionType="button" options={MODES.map((value) => ({ value, label: t(`enum.mode.${value}`) }))} />
        </Form.Item>
      </Col>
      {mode === 'saima' ? (
        <Col xs={24} md={12}>
          <Form.Item
            name="max_winners"
            label={t('challenges.field.maxWinners')}
            extra={t('challengeForm.maxWinnersHelp')}
            rules={[
              { required: true, message: t('form.required', { field: t('challenges.field.maxWinners') }) },
              { type: 'number', min: 2, max: 10, message: t('challengeForm.maxWinnersRange') },
            ]}
          >
            <InputNumber disabled={published} min={2} max={10} precision={0} style={{ width: 160 }} />
          </Form.Item>
        </Col>
      ) : null}
    </Row>
  );
}
