import { App, Col, Form, Input, Row, Select } from 'antd';

import { AmountField } from '@/components/amount-input';
import { DateInput } from '@/components/date-input';
import { FormModal } from '@/components/form-modal';
import { IndustrySelect } from '@/components/industry-select';
import { useI18n } from '@/i18n/i18n';

import { useDealAction } from '../api/deal-actions';
import { amendBody, amendInitialValues, type AmendValues } from './amend-body';
import { CONTRACT_TYPES } from './deal-tags';
import { technicalWithinContract } from './form-rules';
import { DATE, notAfterToday, ReasonField, useLedgerRules } from './ledger-fields';
import { PARTY_ALIASES, PartyFields, SIDES } from './party-fields';
import type { LedgerDialogProps } from './register-dialog';

/** 更正: any of the contract's facts; only what changed is sent, and nothing changed is refused here. */
export function AmendDialog({ deal, open, onClose }: LedgerDialogProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const action = useDealAction(deal.id);
  const { required } = useLedgerRules();
  return (
    <FormModal<AmendValues>
      open={open}
      title={t('deals.action.amend.title')}
      intro={t('deals.action.amend.intro')}
      okText={t('deals.action.amend')}
      initialValues={amendInitialValues(deal)}
      aliases={PARTY_ALIASES}
      width={760}
      onSubmit={(values) => {
        const body = amendBody(deal, values);
        if (!body) return t('deals.action.amend.nothing');
        return action.mutateAsync({ action: 'amend', body }).then(() => void message.success(t('deals.action.amend.done')));
      }}
      onClose={onClose}
    >
      <Form.Item name="title" label={t('deals.field.title')} rules={[required(t('deals.field.title'))]}>
        <Input maxLength={200} />
      </Form.Item>
      <ContractFields registered={deal.status === 'registered'} />
      {SIDES.map((side) => (
        <PartyFields key={side} side={side} />
      ))}
      <ReasonField />
    </FormModal>
  );
}

/** The contract's own facts; the registration's two only once it is registered. */
export function ContractFields({ registered }: { registered: boolean }) {
  const { t } = useI18n();
  const { required, picked } = useLedgerRules();
  return (
    <Row gutter={12}>
      <Col xs={24} sm={12}>
        <Form.Item name="contract_type" label={t('deals.field.contractType')} rules={[picked(t('deals.field.contractType'))]}>
          <Select options={CONTRACT_TYPES.map((value) => ({ value, label: t(`enum.contractType.${value}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="industry" label={t('deals.field.industry')}>
          <IndustrySelect allowClear />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <AmountField name="contract_amount" label={t('deals.field.contractAmount')} required />
      </Col>
      <Col xs={24} sm={12}>
        <AmountField name="technical_amount" label={t('deals.field.technicalAmount')} required rules={[technicalWithinContract(t('dealForm.technicalTooHigh'))]} />
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="signed_on" label={t('deals.field.signedOn')} rules={[picked(t('deals.field.signedOn'))]}>
          <DateInput format={DATE} style={{ width: '100%' }} disabledDate={notAfterToday} />
        </Form.Item>
      </Col>
      {registered ? (
        <>
          <Col xs={24} sm={12}>
            <Form.Item name="registered_on" label={t('deals.field.registeredOn')} rules={[picked(t('deals.field.registeredOn'))]}>
              <DateInput format={DATE} style={{ width: '100%' }} disabledDate={notAfterToday} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="registration_number" label={t('deals.field.registrationNumber')} rules={[required(t('deals.field.registrationNumber'))]}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
        </>
      ) : null}
    </Row>
  );
}
