import { Button, Col, Descriptions, Form, Input, Row, Select, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { Link } from 'react-router';

import { AmountField } from '@/components/amount-input';
import { DateInput } from '@/components/date-input';
import { useFormServerErrors } from '@/components/form-error-alert';
import { IndustrySelect } from '@/components/industry-select';
import { useI18n } from '@/i18n/i18n';
import type { Region } from '@/utils/enums';
import { formatAmount } from '@/utils/money';

import type { DealPrefill } from '../api/get-deal-prefill';
import type { DealRecordInput } from '../api/record-deal';
import { CONTRACT_TYPES, type ContractType } from './deal-tags';
import { technicalWithinContract } from './form-rules';
import { PARTY_ALIASES, PartyFields, SIDES, partyInput, type PartyValues, type Side } from './party-fields';

export interface DealFormValues {
  contract_number: string;
  title: string;
  contract_type: ContractType;
  /** The winning bid signed with, when the challenge has several winners. */
  bid?: number;
  buyer?: PartyValues;
  seller?: PartyValues;
  contract_amount?: string;
  technical_amount?: string;
  signed_on: Dayjs;
  industry?: string;
  note?: string;
}

const DATE = 'YYYY-MM-DD';

/** What the form starts with: from a posting, the server's pre-fill (still editable). */
export function dealFormInitialValues(prefill?: DealPrefill): Partial<DealFormValues> {
  if (!prefill) return { contract_type: 'development', buyer: {}, seller: {} };
  return {
    title: prefill.title,
    contract_type: prefill.contract_type ?? undefined,
    industry: prefill.industry?.code,
    contract_amount: prefill.contract_amount ?? undefined,
    buyer: {},
    seller: {},
  };
}

/** The sides the form asks for: those the posting does not fix (offline: both). */
export function typedSides(prefill?: DealPrefill): Side[] {
  if (!prefill) return [...SIDES];
  return SIDES.filter((side) => (side === 'buyer' ? prefill.buyer === null : prefill.seller === null && prefill.winners.length === 0));
}

/** The request body: the server fills in what the posting fixes; the rest is typed in. */
export function toDealRecordInput(values: DealFormValues, prefill?: DealPrefill): DealRecordInput {
  const input: DealRecordInput = {
    contract_number: values.contract_number.trim(),
    title: values.title.trim(),
    contract_type: values.contract_type,
    signed_on: values.signed_on.format(DATE),
    note: (values.note ?? '').trim(),
    origin: prefill?.origin ?? 'offline',
  };
  if (values.industry) input.industry = values.industry;
  if (values.contract_amount) input.contract_amount = values.contract_amount;
  if (values.technical_amount) input.technical_amount = values.technical_amount;
  if (prefill?.challenge != null) input.challenge = prefill.challenge;
  if (prefill?.need != null) input.need = prefill.need;
  if (prefill?.capability != null) input.capability = prefill.capability;
  // One winner: the server's choice (the seller shown); several: the one picked in the form.
  const bid = values.bid ?? prefill?.bid ?? null;
  if (bid !== null) input.bid = bid;
  for (const side of typedSides(prefill)) input[side] = partyInput(values[side]);
  return input;
}

const SOURCE_PAGES = { challenge: '/challenges', need: '/needs', capability: '/capabilities' } as const;

/** Where the contract comes from and the parties the posting fixes (not editable). */
function SourceParties({ prefill }: { prefill: DealPrefill }) {
  const { t, locale } = useI18n();
  const { buyer, seller, winners } = prefill;
  const kind = prefill.origin === 'need' || prefill.origin === 'capability' ? prefill.origin : 'challenge';
  const id = prefill[kind];
  const named = (party: { name: string; region: Region }) => t('common.withNote', { text: party.name, note: t(`enum.region.${party.region}`) });
  const sellerText = seller ? named(seller) : winners.map((winner) => winner.organisation.name).join('、');
  return (
    <>
      <Descriptions
        data-testid="deal-prefill"
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 16 }}
        title={<Tag color="blue">{t('dealForm.prefilled')}</Tag>}
        items={[
          {
            key: 'source',
            label: t(`dealForm.from.${kind}`),
            children: <Link to={`${SOURCE_PAGES[kind]}/${id}`}>{prefill.title}</Link>,
          },
          ...(buyer
            ? [{ key: 'buyer', label: t('deals.side.buyerLong'), children: <span data-testid="prefill-buyer">{named(buyer)}</span> }]
            : []),
          ...(sellerText
            ? [{ key: 'seller', label: t('deals.side.sellerLong'), children: <span data-testid="prefill-seller">{sellerText}</span> }]
            : []),
        ]}
      />
      {winners.length > 1 ? (
        <Form.Item name="bid" label={t('dealForm.winnerPick')} rules={[{ required: true, message: t('form.select', { field: t('dealForm.winnerPick') }) }]}>
          <Select
            options={winners.map((winner) => ({
              value: winner.bid,
              label: t('dealForm.winnerOption', { name: winner.organisation.name, amount: formatAmount(winner.price, locale) }),
            }))}
          />
        </Form.Item>
      ) : null}
    </>
  );
}

export interface DealFormProps {
  /** The awarded challenge the contract follows from; without it the form records an offline contract. */
  prefill?: DealPrefill;
  submitting: boolean;
  onSubmit: (input: DealRecordInput) => Promise<unknown>;
}

/**
 * Records a signed technology contract. From an awarded challenge the parties, the amount and the
 * industry chain are pre-filled and can be checked against the contract; offline, the parties are
 * typed in. Server field errors appear next to their fields; anything else above the button.
 */
export function DealForm({ prefill, submitting, onSubmit }: DealFormProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<DealFormValues>();
  const aliases = useMemo(() => ({ aliases: PARTY_ALIASES }), []);
  const errors = useFormServerErrors(form, aliases);
  const initialValues = useMemo(() => dealFormInitialValues(prefill), [prefill]);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('form.required', { field }) });

  const submit = async (values: DealFormValues) => {
    errors.clear();
    try {
      await onSubmit(toDealRecordInput(values, prefill));
    } catch (error) {
      errors.show(error);
    }
  };

  return (
    <Form<DealFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values) => void submit(values)}
      onValuesChange={(changed: Partial<DealFormValues>) => {
        // Choosing the winning bid signed with brings its price along (still editable).
        if (changed.bid !== undefined && prefill) {
          const bid = prefill.winners.find((winner) => winner.bid === changed.bid);
          if (bid) form.setFieldValue('contract_amount', bid.price);
        }
      }}
      scrollToFirstError
      aria-label={prefill ? t('dealForm.title') : t('dealForm.titleOffline')}
      data-testid="deal-form"
    >
      {prefill ? <SourceParties prefill={prefill} /> : null}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="contract_number"
            label={t('deals.field.contractNumber')}
            extra={t('dealForm.contractNumberHelp')}
            rules={[required(t('deals.field.contractNumber'))]}
          >
            <Input maxLength={40} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="signed_on" label={t('deals.field.signedOn')} rules={[{ required: true, message: t('form.select', { field: t('deals.field.signedOn') }) }]}>
            <DateInput format={DATE} style={{ width: '100%' }} disabledDate={(date) => date.isAfter(dayjs().endOf('day'))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={t('deals.field.title')} rules={[required(t('deals.field.title'))]}>
        <Input maxLength={200} showCount />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="contract_type" label={t('deals.field.contractType')} rules={[{ required: true, message: t('form.select', { field: t('deals.field.contractType') }) }]}>
            <Select options={CONTRACT_TYPES.map((value) => ({ value, label: t(`enum.contractType.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="industry" label={t('deals.field.industry')}>
            <IndustrySelect allowClear />
          </Form.Item>
        </Col>
      </Row>
      {typedSides(prefill).map((side) => <PartyFields key={side} side={side} />)}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <AmountField name="contract_amount" label={t('deals.field.contractAmount')} required />
        </Col>
        <Col xs={24} md={12}>
          <AmountField
            name="technical_amount"
            label={t('deals.field.technicalAmount')}
            placeholder={t('dealForm.technicalAmountPlaceholder')}
            rules={[technicalWithinContract(t('dealForm.technicalTooHigh'))]}
          />
        </Col>
      </Row>
      <p className="muted" style={{ marginTop: 0 }}>
        {prefill?.origin === 'challenge' ? t('dealForm.contractAmountHelp') : ''}
        {t('dealForm.technicalAmountHelp')}
      </p>
      <Form.Item name="note" label={t('deals.field.note')}>
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
      {errors.alert}
      <Button type="primary" htmlType="submit" loading={submitting}>
        {t('dealForm.submit')}
      </Button>
    </Form>
  );
}
