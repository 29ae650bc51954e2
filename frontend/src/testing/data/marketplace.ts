import type { components } from '@/api/schema';

type S = components['schemas'];

// Shapes and values as the real API answers them for the demo data (backend/marketplace/demo_data.py).

export const industries: S['IndustryChainOutput'][] = [
  { code: 'new_energy_vehicle', name: '新能源汽车', description: '整车、动力电池、电机电控与关键零部件' },
  { code: 'logistics_equipment', name: '物流装备', description: '智能仓储、搬运、输送与分拣装备' },
  { code: 'geoinformation', name: '地理信息', description: '地理信息+、北斗导航、遥感与时空大数据' },
];

const organisation = (id: number, name: string, kind: S['OrganisationKindEnum'], region: S['RegionEnum']): S['OrganisationOutput'] => ({
  id,
  name,
  kind,
  kind_label: '',
  institute_type: kind === 'institute' ? 'new_rd' : '',
  uscc: '91330522MA2B7K3Q12',
  region,
  region_label: '',
  province: '',
  city: '',
  description: '',
  website: '',
  verification: 'verified',
  verification_label: '已认证',
  verified_at: '2026-11-26T23:28:46+08:00',
  verification_note: '演示数据',
  created_at: '2026-11-26T23:28:44+08:00',
});

export const tiannengOrg = organisation(3, '长兴新能动力电池材料有限公司', 'enterprise', 'changxing');
export const xiaopengOrg = organisation(4, '湖州南太湖智能网联汽车零部件有限公司', 'enterprise', 'nantaihu');
export const taihuLabOrg = organisation(10, '南太湖先进材料研究院', 'institute', 'nantaihu');
export const zjuOrg = organisation(11, '浙江某大学湖州研究院（演示）', 'institute', 'wuxing');
export const kjjOrg = organisation(2, '湖州市科学技术局（演示）', 'government', 'wuxing');

const summary = (org: S['OrganisationOutput']): S['OrganisationSummaryOutput'] => ({
  id: org.id,
  name: org.name,
  kind: org.kind,
  region: org.region,
  verification: org.verification,
});

export const tianneng: S['MeOutput'] = {
  id: 3,
  username: 'tianneng',
  email: '',
  organisation: tiannengOrg,
  org_role: 'admin',
  is_operator: false,
  is_official: false,
  official_district: null,
};
export const taihuLab: S['MeOutput'] = { ...tianneng, id: 10, username: 'taihu_lab', organisation: taihuLabOrg };
export const unverifiedLab: S['MeOutput'] = {
  ...tianneng,
  id: 15,
  username: 'unverified',
  organisation: { ...organisation(15, '南浔新型研发中心（待认证）', 'institute', 'nanxun'), verification: 'unverified', verification_label: '未认证', verified_at: null },
};

export const separatorChallenge: S['ChallengeDetailOutput'] = {
  id: 1,
  title: '高安全动力电池陶瓷涂覆隔膜研发',
  summary: '攻关高耐热、低收缩的涂覆隔膜，替代进口产品。',
  organisation: summary(tiannengOrg),
  industry: industries[0]!,
  list_type: 'substitution',
  list_type_label: '替代',
  bounty: '3000000.00',
  funding_mode: 'enterprise',
  mode: 'saima',
  mode_label: '赛马制',
  max_winners: 2,
  bid_deadline: '2030-01-10T17:00:00+08:00',
  bid_count: 3,
  confidentiality: 'public',
  status: 'published',
  status_label: '揭榜中',
  published_at: '2026-11-26T23:28:46+08:00',
  created_at: '2026-11-26T23:28:46+08:00',
  updated_at: '2026-11-26T23:28:46+08:00',
  details_visible: true,
  description: '现有聚烯烃隔膜在150℃下热收缩明显，易引发热失控，高端涂覆隔膜依赖进口。需开发陶瓷涂覆隔膜并完成中试验证。',
  indicators: [
    { name: '150℃热收缩率', target: '≤2', unit: '%' },
    { name: '穿刺强度', target: '≥500', unit: 'gf' },
  ],
  keywords: ['隔膜', '陶瓷涂覆', '进口替代'],
  invited: [],
  viewer: {
    is_owner: false,
    is_operator: false,
    terms_accepted: false,
    has_live_bid: false,
    can_bid: true,
    can_accept_terms: false,
  },
  funding_mode_label: '企业出资',
  confidentiality_label: '公开',
};

/** The summary-only challenge as a viewer without accepted terms receives it. */
export const chassisChallengeHidden: S['ChallengeDetailOutput'] = {
  ...separatorChallenge,
  id: 2,
  title: '智能网联汽车线控底盘域控制器',
  summary: '线控制动与转向的域控制器软硬件研发（详情需签署保密条款）。',
  organisation: summary(xiaopengOrg),
  list_type: 'leading',
  bounty: '8000000.00',
  funding_mode: 'invest_then_equity',
  mode: 'jiebang',
  max_winners: 1,
  confidentiality: 'summary_only',
  details_visible: false,
  description: null,
  indicators: null,
  keywords: null,
};
export const chassisChallengeVisible: S['ChallengeDetailOutput'] = {
  ...chassisChallengeHidden,
  details_visible: true,
  description: '开发满足ASIL-D功能安全等级的线控底盘域控制器，支持制动、转向、悬架协同控制，完成实车标定。',
  indicators: [
    { name: '功能安全等级', target: 'ASIL-D', unit: '' },
    { name: '控制周期', target: '≤5', unit: 'ms' },
  ],
  keywords: ['线控底盘', '域控制器', '功能安全'],
};

export function listItem(challenge: S['ChallengeDetailOutput']): S['ChallengeListOutput'] {
  const { details_visible: _v, description: _d, indicators: _i, keywords: _k, updated_at: _u, ...rest } = challenge;
  return rest;
}

export function page<T>(results: T[], count = results.length) {
  return { count, next: null, previous: null, results };
}

export const history: S['ChallengeTransitionOutput'][] = [
  {
    from_status: '',
    to_status: 'draft',
    by: null,
    by_role: 'owner',
    by_role_label: '发榜单位',
    by_organisation: tiannengOrg.name,
    at: '2026-11-20T10:00:00+08:00',
    reason: '创建草稿',
  },
  {
    from_status: 'draft',
    to_status: 'published',
    by: null,
    by_role: 'owner',
    by_role_label: '发榜单位',
    by_organisation: tiannengOrg.name,
    at: '2026-11-26T23:28:46+08:00',
    reason: '',
  },
];

export const bids: S['BidOutput'][] = [
  {
    id: 31,
    challenge: 1,
    organisation: summary(taihuLabOrg),
    partners: [
      { organisation: summary(zjuOrg), role: '电池安全测试', state: 'accepted', state_label: '已接受', decided_at: '2026-11-27T10:00:00+08:00' },
    ],
    proposal: '采用勃姆石陶瓷涂层与芳纶复合，兼顾耐热与透气。',
    approach: '浆料配方优化—涂布工艺—中试线验证—装车测试。',
    price: '2800000.00',
    duration_days: 540,
    milestones: [
      { title: '小试样品', due_day: 120, deliverable: '热收缩率≤3%的样品' },
      { title: '中试验证', due_day: 360, deliverable: '中试线连续生产报告' },
    ],
    status: 'shortlisted',
    status_label: '入围',
    not_awarded_reason: '',
    not_awarded_reason_label: '',
    not_awarded_note: '',
    created_at: '2026-11-27T09:00:00+08:00',
    updated_at: '2026-11-27T09:00:00+08:00',
  },
  {
    id: 34,
    challenge: 1,
    organisation: summary(zjuOrg),
    partners: [],
    proposal: '湿法涂覆氧化铝陶瓷层，配合界面改性提升附着力。',
    approach: '材料筛选—涂覆工艺—电芯验证。',
    price: '2600000.00',
    duration_days: 480,
    milestones: [],
    status: 'submitted',
    status_label: '已提交',
    not_awarded_reason: '',
    not_awarded_reason_label: '',
    not_awarded_note: '',
    created_at: '2026-11-28T09:00:00+08:00',
    updated_at: '2026-11-28T09:00:00+08:00',
  },
];

export const organisations = page([tiannengOrg, xiaopengOrg, taihuLabOrg, zjuOrg, kjjOrg]);

export const need: S['NeedOutput'] = {
  id: 7,
  title: '叉车锂电池快充缩短到一小时内',
  description: '三班倒的仓库叉车充电时间太长，想把电动叉车锂电池充电时间缩短到一小时以内，同时保证电池寿命。',
  organisation: summary(tiannengOrg),
  industry: industries[1]!,
  keywords: ['快充', '电动叉车'],
  budget_min: '500000.00',
  budget_max: '1200000.00',
  cooperation_type: 'development',
  cooperation_type_label: '技术开发',
  status: 'open',
  status_label: '征集中',
  created_at: '2026-11-26T23:28:46+08:00',
  updated_at: '2026-11-26T23:28:46+08:00',
};

export const capability: S['CapabilityOutput'] = {
  id: 5,
  title: '勃姆石陶瓷涂覆隔膜制备技术',
  description: '掌握水性陶瓷浆料配方与微凹版涂布工艺，涂覆隔膜150℃热收缩率低于2%，穿刺强度提升30%，已完成中试线验证。',
  organisation: summary(taihuLabOrg),
  industry: industries[0]!,
  kind: 'achievement',
  keywords: ['隔膜', '陶瓷涂覆'],
  trl: 6,
  patents: ['ZL202110234567.1'],
  team: '教授2名、博士5名',
  cooperation_types: ['transfer', 'license'],
  price_min: '500000.00',
  price_max: null,
  status: 'published',
  status_label: '已发布',
  created_at: '2026-11-26T23:28:46+08:00',
  updated_at: '2026-11-26T23:28:46+08:00',
};
