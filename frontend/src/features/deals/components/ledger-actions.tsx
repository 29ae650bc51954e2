import { AuditOutlined, EditOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';

import { AmountField } from '@/components/amount-input';
import { FormModal } from '@/components/form-modal';
import { IndustrySelect } from '@/components/industry-select';
import { useI18n } from '@/i18n/i18n';
import { isOneOf } from '@/utils/enums';
import { compareAmounts } from '@/utils/money';

import { useDealAction, type DealActionBodies } from '../api/deal-actions';
import type { Deal } from '../api/get-deal';
import { CONTRACT_TYPES, DEAL_ENTRY_KINDS, type ContractType } from './deal-tags';
import { technicalWithinContract } from './form-rules';
import { PARTY_ALIASES, PartyFields, SIDES, partyInput, type PartyValues } from './party-fields';

type Dialog = 'register' | 'amend' | 'void' | 'reverse' | null;

const DATE = 'YYYY-MM-DD';
const notAfterToday = (date: Dayjs) => date.isAfter(dayjs().endOf('day'));

interface RegisterValues {
  registration_number: string;
  registered_on: Dayjs;
  reason: string;
}

interface AmendValues {
  title: string;
  contract_type: ContractType;
  contract_amount: string;
  technical_amount: string;
  signed_on: Dayjs;
  industry?: string;
  registration_number?: string;
  registered_on?: Dayjs;
  buyer: PartyValues;
  seller: PartyValues;
  reason: string;
}

function amendInitialValues(deal: Deal): Partial<AmendValues> {
  return {
    title: deal.title,
    contract_type: deal.contract_type,
    contract_amount: deal.contract_amount,
    technical_amount: deal.technical_amount,
    signed_on: dayjs(deal.signed_on),
    industry: deal.industry?.code,
    registration_number: deal.registration_number,
    registered_on: deal.registered_on ? dayjs(deal.registered_on) : undefined,
    buyer: { name: deal.buyer.name, uscc: deal.buyer.uscc, region: deal.buyer.region },
    seller: { name: deal.seller.name, uscc: deal.seller.uscc, region: deal.seller.region },
    reason: '',
  };
}

/** Only what differs from the contract as it is: the ledger line then says exactly what was corrected. */
export function amendBody(deal: Deal, values: AmendValues): DealActionBodies['amend'] | null {
  const body: DealActionBodies['amend'] = { reason: values.reason.trim() };
  const title = values.title.trim();
  if (title !== deal.title) body.title = title;
  if (values.contract_type !== deal.contract_type) body.contract_type = values.contract_type;
  if (compareAmounts(values.contract_amount, deal.contract_amount) !== 0) body.contract_amount = values.contract_amount;
  if (compareAmounts(values.technical_amount, deal.technical_amount) !== 0) body.technical_amount = values.technical_amount;
  const signed = values.signed_on.format(DATE);
  if (signed !== deal.signed_on) body.signed_on = signed;
  if ((values.industry ?? null) !== (deal.industry?.code ?? null)) body.industry = values.industry ?? null;
  for (const side of SIDES) {
    // A party corrected by its USCC is linked to the organisation that holds it on the platform.
    const typed = partyInput(values[side]);
    const now = deal[side];
    if (typed.name !== now.name || typed.uscc !== now.uscc || typed.region !== now.region) body[side] = typed;
  }
  if (deal.status === 'registered') {
    const number = (values.registration_number ?? '').trim();
    if (number !== deal.registration_number) body.registration_number = number;
    const registered = values.registered_on?.format(DATE);
    if (registered && registered !== deal.registered_on) body.registered_on = registered;
  }
  return Object.keys(body).length > 1 ? body : null;
}

/**
 * The ledger keepers' actions (科技部门 and the operator): 认定登记 a recorded contract, 更正,
 * 作废, and 冲销 the latest line. Each asks for what it needs and appends one ledger line;
 * the server has the last word (409 when the contract's state forbids it).
 */
export function LedgerActions({ deal }: { deal: Deal }) {
  const { t, formatDateTime } = useI18n();
  const { message } = App.useApp();
  const action = useDealAction(deal.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const status = deal.status ?? 'recorded';
  const entries = deal.entries;
  const latest = entries[entries.length - 1];
  const reversible = latest !== undefined && entries.length > 1 && latest.kind !== 'record';
  // Every ledger action (认定登记 too) states its reason; the server refuses a blank one.
  const reason = (label = t('deals.action.reason')) => (
    <Form.Item
      name="reason"
      label={label}
      rules={[{ required: true, whitespace: true, message: t('form.required', { field: label }) }]}
    >
      <Input.TextArea rows={3} maxLength={500} showCount />
    </Form.Item>
  );
  const kindLabel = (kind: string) => (isOneOf(DEAL_ENTRY_KINDS, kind) ? t(`enum.dealEntryKind.${kind}`) : kind);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('form.required', { field }) });
  const picked = (field: string) => ({ required: true, message: t('form.select', { field }) });

  return (
    <>
      {status === 'recorded' ? (
        <Button type="primary" icon={<AuditOutlined aria-hidden />} onClick={() => setDialog('register')}>
          {t('deals.action.register')}
        </Button>
      ) : null}
      {status !== 'voided' ? (
        <Button icon={<EditOutlined aria-hidden />} onClick={() => setDialog('amend')}>
          {t('deals.action.amend')}
        </Button>
      ) : null}
      {reversible ? (
        <Button icon={<RollbackOutlined aria-hidden />} onClick={() => setDialog('reverse')}>
          {t('deals.action.reverse')}
        </Button>
      ) : null}
      {status !== 'voided' ? (
        <Button danger icon={<StopOutlined aria-hidden />} onClick={() => setDialog('void')}>
          {t('deals.action.void')}
        </Button>
      ) : null}

      <FormModal<RegisterValues>
        open={dialog === 'register'}
        title={t('deals.action.register.title')}
        intro={t('deals.action.register.intro')}
        okText={t('deals.action.register')}
        initialValues={{ registration_number: '', registered_on: dayjs(), reason: '' }}
        onSubmit={(values) =>
          action
            .mutateAsync({
              action: 'register',
              body: {
                registration_number: values.registration_number.trim(),
                registered_on: values.registered_on.format(DATE),
                reason: values.reason.trim(),
              },
            })
            .then(() => void message.success(t('deals.action.register.done')))
        }
        onClose={close}
      >
        <Form.Item name="registration_number" label={t('deals.field.registrationNumber')} rules={[required(t('deals.field.registrationNumber'))]}>
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item name="registered_on" label={t('deals.field.registeredOn')} rules={[picked(t('deals.field.registeredOn'))]}>
          <DatePicker
            format={DATE}
            style={{ width: '100%' }}
            disabledDate={(date) => notAfterToday(date) || date.isBefore(dayjs(deal.signed_on), 'day')}
          />
        </Form.Item>
        {reason()}
      </FormModal>

      <FormModal<AmendValues>
        open={dialog === 'amend'}
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
        onClose={close}
      >
        <Form.Item name="title" label={t('deals.field.title')} rules={[required(t('deals.field.title'))]}>
          <Input maxLength={200} />
        </Form.Item>
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
            <AmountField
              name="technical_amount"
              label={t('deals.field.technicalAmount')}
              required
              rules={[technicalWithinContract(t('dealForm.technicalTooHigh'))]}
            />
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="signed_on" label={t('deals.field.signedOn')} rules={[picked(t('deals.field.signedOn'))]}>
              <DatePicker format={DATE} style={{ width: '100%' }} disabledDate={notAfterToday} />
            </Form.Item>
          </Col>
          {status === 'registered' ? (
            <>
              <Col xs={24} sm={12}>
                <Form.Item name="registered_on" label={t('deals.field.registeredOn')} rules={[picked(t('deals.field.registeredOn'))]}>
                  <DatePicker format={DATE} style={{ width: '100%' }} disabledDate={notAfterToday} />
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
        {SIDES.map((side) => (
          <PartyFields key={side} side={side} />
        ))}
        {reason()}
      </FormModal>

      <FormModal<{ reason: string }>
        open={dialog === 'void'}
        title={t('deals.action.void.title')}
        intro={t('deals.action.void.intro')}
        okText={t('deals.action.void')}
        danger
        initialValues={{ reason: '' }}
        onSubmit={(values) =>
          action
            .mutateAsync({ action: 'void', body: { reason: values.reason.trim() } })
            .then(() => void message.success(t('deals.action.void.done')))
        }
        onClose={close}
      >
        {reason()}
      </FormModal>

      {latest ? (
        <FormModal<{ reason: string }>
          open={dialog === 'reverse'}
          title={t('deals.action.reverse.title')}
          intro={t('deals.action.reverse.intro', {
            n: entries.length,
            kind: kindLabel(latest.kind),
            by: latest.by,
            at: latest.at ? formatDateTime(latest.at) : '',
          })}
          okText={t('deals.action.reverse')}
          initialValues={{ reason: '' }}
          onSubmit={(values) =>
            action
              .mutateAsync({ action: 'reverse', body: { entry: latest.id, reason: values.reason.trim() } })
              .then(() => void message.success(t('deals.action.reverse.done')))
          }
          onClose={close}
        >
          {reason()}
        </FormModal>
      ) : null}
    </>
  );
}
