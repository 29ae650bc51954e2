import type { components } from '@/api/schema';

import { bids, industries, kjjOrg, separatorChallenge, taihuLabOrg, tiannengOrg, zjuOrg } from './marketplace';

type S = components['schemas'];

// Shapes and values as the real API answers them (backend/deals/serializers.py).

export const kjj: S['MeOutput'] = {
  id: 2,
  username: 'kjj',
  email: '',
  organisation: kjjOrg,
  org_role: 'admin',
  is_operator: false,
  is_official: true,
  official_district: null,
};

const party = (org: S['OrganisationOutput'], uscc: string): S['DealPartyOutput'] => ({
  organisation: org.id,
  name: org.name,
  uscc,
  region: org.region,
  region_label: '',
  province: org.region === 'outside' ? (org.province ?? '') : '浙江省',
  city: org.region === 'outside' ? (org.city ?? '') : '湖州市',
});

export const tiannengParty = party(tiannengOrg, '91330522MA2B7K3Q12');
export const taihuLabParty = party(taihuLabOrg, '12330500MB0A1B2C3A');
export const zjuParty = party(zjuOrg, '12330500MB0D4E5F6C');

/** The separator challenge, awarded to 南太湖先进材料研究院 (bid 31). */
export const awardedSeparator: S['ChallengeDetailOutput'] = {
  ...separatorChallenge,
  mode: 'jiebang',
  mode_label: '揭榜挂帅',
  max_winners: 1,
  status: 'awarded',
  status_label: '已定榜',
};
export const awardedBids: S['BidOutput'][] = [
  { ...bids[0]!, status: 'awarded', status_label: '中榜' },
  { ...bids[1]!, status: 'not_awarded', status_label: '未中榜' },
];

/** GET /api/deals/prefill/?challenge=1 for the awarded separator challenge: one winner, bid 31. */
export const separatorPrefill: S['DealPrefillOutput'] = {
  origin: 'challenge',
  origin_label: '揭榜挂帅定榜',
  challenge: separatorChallenge.id,
  need: null,
  capability: null,
  bid: 31,
  title: separatorChallenge.title,
  contract_type: 'development',
  contract_type_label: '技术开发',
  industry: separatorChallenge.industry,
  buyer: tiannengParty,
  seller: taihuLabParty,
  contract_amount: '2800000.00',
  winners: [{ bid: 31, organisation: taihuLabParty, price: '2800000.00' }],
};

/** The same challenge run as 赛马制 with two winners: the seller waits for the form's choice. */
export const saimaPrefill: S['DealPrefillOutput'] = {
  ...separatorPrefill,
  bid: null,
  seller: null,
  contract_amount: null,
  winners: [
    { bid: 31, organisation: taihuLabParty, price: '2800000.00' },
    { bid: 34, organisation: zjuParty, price: '2600000.00' },
  ],
};

/** GET /api/deals/prefill/?need=7 for tianneng's need: the buyer is fixed, the seller is typed in. */
export const needPrefill: S['DealPrefillOutput'] = {
  origin: 'need',
  origin_label: '需求对接',
  challenge: null,
  need: 7,
  capability: null,
  bid: null,
  title: '叉车锂电池快充缩短到一小时内',
  contract_type: 'development',
  contract_type_label: '技术开发',
  industry: industries[1]!,
  buyer: tiannengParty,
  seller: null,
  contract_amount: null,
  winners: [],
};

/** GET /api/deals/prefill/?capability=5 for the institute's capability: the seller is fixed. */
export const capabilityPrefill: S['DealPrefillOutput'] = {
  ...needPrefill,
  origin: 'capability',
  origin_label: '能力成果对接',
  need: null,
  capability: 5,
  title: '勃姆石陶瓷涂覆隔膜制备技术',
  contract_type: null,
  contract_type_label: null,
  industry: industries[0]!,
  buyer: null,
  seller: taihuLabParty,
};

const recordEntry: S['DealEntryOutput'] = {
  id: 501,
  kind: 'record',
  kind_label: '录入',
  at: '2026-11-20T10:15:00+08:00',
  by: 'tianneng',
  reason: '录入合同',
  reverses: null,
  import_job: null,
  changes: {},
  status: 'recorded',
  status_label: '已录入',
  contract_amount: '2800000.00',
  technical_amount: '2600000.00',
  signed_on: '2026-11-18',
  registered_on: null,
  registration_number: '',
};

export const recordedDeal: S['DealDetailOutput'] = {
  id: 7,
  registry: '湖州市技术市场',
  contract_number: '2026330522000318',
  title: '高安全动力电池陶瓷涂覆隔膜研发',
  contract_type: 'development',
  contract_type_label: '技术开发',
  buyer: tiannengParty,
  seller: taihuLabParty,
  contract_amount: '2800000.00',
  technical_amount: '2600000.00',
  signed_on: '2026-11-18',
  registered_on: null,
  registration_number: '',
  industry: industries[0]!,
  origin: 'challenge',
  origin_label: '揭榜挂帅定榜',
  origin_challenge: 1,
  origin_bid: 31,
  origin_need: null,
  origin_capability: null,
  origin_confidential: false,
  status: 'recorded',
  status_label: '已录入',
  created_at: '2026-11-20T10:15:00+08:00',
  updated_at: '2026-11-20T10:15:00+08:00',
  note: '技术交易额扣除设备采购费用',
  created_by: 'tianneng',
  entries: [recordEntry],
  // As a ledger keeper (kjj) reads it: the API lists the viewer's actions.
  actions: ['register', 'amend', 'void', 'reverse'],
};

/** recordedDeal as its recorder (天能, which recorded it from its award) reads it: until registration it may correct or withdraw it. */
export const recordedDealAsRecorder: S['DealDetailOutput'] = { ...recordedDeal, actions: ['amend', 'withdraw'] };
/** recordedDeal as the other party (the institute) reads it: nothing to do. */
export const recordedDealAsParty: S['DealDetailOutput'] = { ...recordedDeal, actions: [] };

const withdrawEntry: S['DealEntryOutput'] = {
  ...recordEntry,
  id: 505,
  kind: 'withdraw',
  kind_label: '撤回',
  at: '2026-11-20T10:30:00+08:00',
  reason: '录入时误提交，信息不完整',
  changes: { status: ['recorded', 'voided'] },
  status: 'voided',
  status_label: '已作废',
};

/** recordedDeal after its recorder withdrew it. */
export const withdrawnDeal: S['DealDetailOutput'] = {
  ...recordedDeal,
  status: 'voided',
  status_label: '已作废',
  entries: [recordEntry, withdrawEntry],
  actions: [],
};

const registerEntry: S['DealEntryOutput'] = {
  ...recordEntry,
  id: 502,
  kind: 'register',
  kind_label: '认定登记',
  at: '2026-11-24T16:40:00+08:00',
  by: 'kjj',
  reason: '认定登记',
  changes: {
    status: ['recorded', 'registered'],
    registered_on: [null, '2026-11-24'],
    registration_number: ['', '330522-2026-0318'],
  },
  status: 'registered',
  status_label: '已认定登记',
  registered_on: '2026-11-24',
  registration_number: '330522-2026-0318',
};

export const registeredDeal: S['DealDetailOutput'] = {
  ...recordedDeal,
  status: 'registered',
  status_label: '已认定登记',
  registered_on: '2026-11-24',
  registration_number: '330522-2026-0318',
  entries: [recordEntry, registerEntry],
  actions: ['amend', 'void', 'reverse'],
};

const amendEntry: S['DealEntryOutput'] = {
  ...registerEntry,
  id: 503,
  kind: 'amend',
  kind_label: '更正',
  at: '2026-11-25T09:05:00+08:00',
  reason: '登记机构核减设备费用',
  changes: { technical_amount: ['2600000.00', '2450000.50'], industry_id: ['新能源汽车', '新材料'] },
  technical_amount: '2450000.50',
};
const reverseEntry: S['DealEntryOutput'] = {
  ...registerEntry,
  id: 504,
  kind: 'reverse',
  kind_label: '冲销',
  at: '2026-11-25T11:30:00+08:00',
  by: 'operator',
  reason: '核减金额录错，冲销后重新更正',
  reverses: 503,
  changes: { technical_amount: ['2450000.50', '2600000.00'] },
};

/** Registered, amended (technical amount cut), then the amendment reversed by the operator. */
export const correctedDeal: S['DealDetailOutput'] = {
  ...registeredDeal,
  entries: [recordEntry, registerEntry, amendEntry, reverseEntry],
};

/** recordedDeal as an official who was not invited to its invitation-only challenge reads it. */
export const confidentialDeal: S['DealDetailOutput'] = {
  ...recordedDeal,
  title: '保密榜单合同',
  origin_challenge: null,
  origin_bid: null,
  origin_confidential: true,
};

export function dealListItem(deal: S['DealDetailOutput']): S['DealListOutput'] {
  const { note: _n, created_by: _c, entries: _e, actions: _a, ...rest } = deal;
  return rest;
}

export const offlineDeal: S['DealDetailOutput'] = {
  ...recordedDeal,
  id: 8,
  contract_number: '2026330502000123',
  title: '竹木家具水性涂装工艺技术服务合同',
  contract_type: 'service',
  contract_type_label: '技术服务',
  buyer: { organisation: null, name: '安吉舒适椅业科技有限公司', uscc: '91330523MA2K3M4N5L', region: 'anji', region_label: '', province: '浙江省', city: '湖州市' },
  seller: zjuParty,
  contract_amount: '680000.00',
  technical_amount: '600000.00',
  origin: 'offline',
  origin_label: '线下（平台外）',
  origin_challenge: null,
  origin_bid: null,
  created_by: 'kjj',
  note: '',
};
