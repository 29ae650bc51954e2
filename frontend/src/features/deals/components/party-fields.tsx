import { Col, Form, Input, Row, Select } from 'antd';

import { useI18n } from '@/i18n/i18n';
import { REGIONS, type Region } from '@/utils/enums';
import { normaliseUscc, usccMessage, usccProblem } from '@/utils/uscc';

import type { PartyInput } from '../api/record-deal';

/** A buyer or a seller as typed: name, USCC and district (recording offline, amending a contract). */
export interface PartyValues {
  name?: string;
  uscc?: string;
  region?: Region;
}

export type Side = 'buyer' | 'seller';
export const SIDES: readonly Side[] = ['buyer', 'seller'];

/** What the API takes for a typed party: trimmed, the USCC in capitals. */
export function partyInput(values: PartyValues | undefined): PartyInput {
  return { name: (values?.name ?? '').trim(), uscc: normaliseUscc(values?.uscc ?? ''), region: values?.region ?? '' };
}

// The model check reports some party problems at the top level (e.g. "买方和卖方不能是同一机构" on
// seller_uscc); in the offline form they belong next to the party's fields.
export const PARTY_ALIASES = Object.fromEntries(
  SIDES.flatMap((side) => ['name', 'uscc', 'region'].map((field) => [`${side}_${field}`, [side, field]])),
);

/** Name, USCC (checked as typed, with the server's GB 32100 rule) and district of one side. */
export function PartyFields({ side }: { side: Side }) {
  const { t } = useI18n();
  const who = t(side === 'buyer' ? 'deals.side.buyer' : 'deals.side.seller');
  const name = t('dealForm.party.name', { side: who });
  const uscc = t('dealForm.party.uscc', { side: who });
  const region = t('dealForm.party.region', { side: who });
  return (
    <fieldset className="form-fieldset" data-testid={`party-${side}`}>
      <legend>{t(side === 'buyer' ? 'deals.side.buyerLong' : 'deals.side.sellerLong')}</legend>
      <Row gutter={12}>
        <Col xs={24} md={10}>
          <Form.Item name={[side, 'name']} label={name} rules={[{ required: true, whitespace: true, message: t('form.required', { field: name }) }]}>
            <Input maxLength={120} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={[side, 'uscc']}
            label={uscc}
            rules={[
              { required: true, whitespace: true, message: t('form.required', { field: uscc }) },
              {
                validator: (_rule, value: unknown) => {
                  if (typeof value !== 'string' || value.trim() === '') return Promise.resolve();
                  const problem = usccProblem(value);
                  return problem ? Promise.reject(new Error(usccMessage(problem, t))) : Promise.resolve();
                },
              },
            ]}
          >
            <Input maxLength={18} autoComplete="off" style={{ textTransform: 'uppercase' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={[side, 'region']} label={region} rules={[{ required: true, message: t('form.select', { field: region }) }]}>
            <Select options={REGIONS.map((value) => ({ value, label: t(`enum.region.${value}`) }))} />
          </Form.Item>
        </Col>
      </Row>
    </fieldset>
  );
}
