import { Col, Form, Radio, Row, Select } from 'antd';
import dayjs from 'dayjs';

import { DateInput } from '@/components/date-input';
import { useI18n } from '@/i18n/i18n';
import { CONFIDENTIALITIES } from '@/utils/enums';

import { useOrganisations } from '../api/get-organisations';
import type { ChallengeFormValues } from './challenge-form-values';

/** Until when bids are taken, and who may see the challenge (the invitees of an invitation-only one). */
export function ChallengeAccessFields({ published, editing }: { published: boolean; editing: boolean }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<ChallengeFormValues>();
  const confidentiality = Form.useWatch('confidentiality', form);
  const organisations = useOrganisations({ enabled: confidentiality === 'invitation_only' });
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="bid_deadline"
            label={t('challenges.field.deadline')}
            extra={published ? t('challengeForm.deadlineLaterOnly') : undefined}
            rules={[{ required: true, message: t('form.select', { field: t('challenges.field.deadline') }) }]}
          >
            <DateInput showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(date) => date.isBefore(dayjs().startOf('day'))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="confidentiality" label={t('challenges.field.confidentiality')} extra={t(`challengeForm.confidentialityHelp.${confidentiality ?? 'public'}`)}>
            <Radio.Group disabled={published} options={CONFIDENTIALITIES.map((value) => ({ value, label: t(`enum.confidentiality.${value}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      {confidentiality === 'invitation_only' ? (
        <Form.Item
          name="invited"
          label={t('challengeForm.invited')}
          extra={editing ? t('challengeForm.invitedEditHelp') : undefined}
          rules={editing ? [] : [{ required: true, type: 'array', min: 1, message: t('challengeForm.invitedRequired') }]}
        >
          <Select
            mode="multiple"
            showSearch
            optionFilterProp="label"
            loading={organisations.isPending}
            options={(organisations.data?.results ?? [])
              .filter((org) => org.kind === 'institute' || org.kind === 'enterprise')
              .map((org) => ({ value: org.id, label: org.name }))}
          />
        </Form.Item>
      ) : null}
    </>
  );
}
