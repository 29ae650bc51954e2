import dayjs, { type Dayjs } from 'dayjs';

import { compareAmounts } from '@/utils/money';

import type { DealActionBodies } from '../api/deal-actions';
import type { Deal } from '../api/get-deal';
import type { ContractType } from './deal-tags';
import { DATE } from './ledger-fields';
import { SIDES, partyInput, type PartyValues } from './party-fields';

export interface AmendValues {
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

/** The amend dialog starts from the contract as it is. */
export function amendInitialValues(deal: Deal): Partial<AmendValues> {
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
