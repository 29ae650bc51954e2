import type { components } from '@/api/schema';

import { capability, separatorChallenge, taihuLabOrg, tiannengOrg, zjuOrg } from './marketplace';

type S = components['schemas'];

// Shapes and values as the real API answers them for the demo data (captured from a running
// server: GET /api/challenges/1/matches/, /api/search/?q=隔膜, /api/recommendations/, …).

const summary = (org: S['OrganisationOutput']): S['OrganisationSummaryOutput'] => ({
  id: org.id,
  name: org.name,
  kind: org.kind,
  region: org.region,
  verification: org.verification,
});

export const separatorPosting: S['PostingSummaryOutput'] = {
  kind: 'challenge',
  id: separatorChallenge.id,
  title: separatorChallenge.title,
  snippet: separatorChallenge.summary,
  organisation: summary(tiannengOrg),
  industry: 'new_energy_vehicle',
  industry_name: '新能源汽车',
  status: 'published',
  amount: '3000000.00',
  trl: null,
  deadline: separatorChallenge.bid_deadline,
};

export const boehmitePosting: S['PostingSummaryOutput'] = {
  kind: 'capability',
  id: capability.id,
  title: capability.title,
  snippet: capability.description,
  organisation: summary(taihuLabOrg),
  industry: 'new_energy_vehicle',
  industry_name: '新能源汽车',
  status: 'published',
  amount: null,
  trl: capability.trl,
  deadline: null,
};

export const bmsPosting: S['PostingSummaryOutput'] = {
  kind: 'capability',
  id: 3,
  title: '动力电池热失控预警与电池管理算法',
  snippet: '基于多传感器融合和电化学模型的电池管理系统算法，可提前10分钟预警热失控，已在两款车型上验证。',
  organisation: summary(zjuOrg),
  industry: 'new_energy_vehicle',
  industry_name: '新能源汽车',
  status: 'published',
  amount: null,
  trl: 6,
  deadline: null,
};

export const forkliftNeedPosting: S['PostingSummaryOutput'] = {
  kind: 'need',
  id: 7,
  title: '叉车锂电池快充缩短到一小时内',
  snippet: '三班倒的仓库叉车充电时间太长，想把电动叉车锂电池充电时间缩短到一小时以内，同时保证电池寿命。',
  organisation: summary(tiannengOrg),
  industry: 'logistics_equipment',
  industry_name: '物流装备',
  status: 'open',
  amount: '1200000.00',
  trl: null,
  deadline: null,
};

/** GET /api/challenges/1/matches/ for tianneng: the boehmite capability first, with its explanation. */
export const separatorMatches: S['MatchListOutput'] = {
  results: [
    {
      posting: boehmitePosting,
      score: 0.9464555978775024,
      strength: 'strong',
      strength_label: '强匹配',
      probability: 0.93,
      reason: '语义高度相近，且在候选中领先；人工标注的评测集中，同等情形的匹配约93%确实相关；共同关键词：隔膜、涂覆、陶瓷',
      components: { dense: 0.9464555978775024 },
      explanation: {
        shared_terms: ['隔膜', '涂覆', '陶瓷', '热收缩', '收缩率', '中试', '动力电池', '穿刺'],
        indicators: [
          {
            name: '150℃热收缩率',
            target: '≤2',
            unit: '%',
            verdict: 'met',
            addressed: true,
            evidence: '掌握水性陶瓷浆料配方与微凹版涂布工艺，涂覆隔膜150℃热收缩率低于2%，穿刺强度为520 gf，已完成中试线验证',
            claim: '热收缩率低于2%',
            claimed: '<2%',
            label: '达标：声明 <2%，目标 ≤ 2%',
          },
          {
            name: '穿刺强度',
            target: '≥500',
            unit: 'gf',
            verdict: 'met',
            addressed: true,
            evidence: '掌握水性陶瓷浆料配方与微凹版涂布工艺，涂覆隔膜150℃热收缩率低于2%，穿刺强度为520 gf，已完成中试线验证',
            claim: '穿刺强度为520 gf',
            claimed: '520 gf',
            label: '达标：声明 520 gf，目标 ≥ 500 gf',
          },
        ],
        components: { dense: 0.9465 },
      },
    },
    {
      posting: bmsPosting,
      score: 0.8893781900405884,
      strength: 'possible',
      strength_label: '可能相关',
      probability: 0.34,
      reason: '语义相近但不突出；人工标注的评测集中，同等情形的匹配约34%确实相关，请核对；共同关键词：失控、电池、动力电池',
      components: { dense: 0.8893781900405884 },
      explanation: {
        shared_terms: ['失控', '电池', '动力电池', '验证'],
        indicators: [
          {
            name: '150℃热收缩率',
            target: '≤2',
            unit: '%',
            verdict: 'unmet',
            addressed: false,
            evidence: '电池包隔膜150℃热收缩率约5%',
            claim: '热收缩率约5%',
            claimed: '5%',
            label: '未达标：声明 5%，目标 ≤ 2%',
          },
          { name: '穿刺强度', target: '≥500', unit: 'gf', verdict: 'unknown', addressed: false, evidence: null, claim: '', claimed: '', label: '未说明' },
        ],
        components: { dense: 0.8894 },
      },
    },
  ],
  institutes: [
    { organisation: summary(taihuLabOrg), best_score: 0.9464555978775024, strength: 'strong', probability: 0.93, capabilities: [capability.id] },
    { organisation: summary(zjuOrg), best_score: 0.8893781900405884, strength: 'possible', probability: 0.34, capabilities: [3] },
  ],
  empty_hint: '',
};

export const noMatches: S['MatchListOutput'] = {
  results: [],
  institutes: [],
  empty_hint: '暂无高度匹配。补充关键指标（数值目标）、专业术语和所属产业链，能让匹配更准确；新发布的内容会自动匹配并通知您。',
};

/** 503 while the posting has no vector yet. */
export const indexPending = { detail: '该内容正在建立索引，请稍后再查看匹配结果', code: 'index_pending', fields: {} };

/** GET /api/capabilities/5/matches/ for taihu_lab: challenges and needs, no indicators, no institutes. */
export const boehmiteMatches: S['MatchListOutput'] = {
  results: [
    {
      posting: separatorPosting,
      score: 0.9438679218292236,
      strength: 'strong',
      strength_label: '强匹配',
      probability: 0.92,
      reason: '语义高度相近，且在候选中领先；人工标注的评测集中，同等情形的匹配约92%确实相关；共同关键词：隔膜、涂覆',
      components: { dense: 0.9438679218292236 },
      explanation: { shared_terms: ['隔膜', '涂覆', '陶瓷'], indicators: [], components: { dense: 0.9439 } },
    },
  ],
  institutes: [],
  empty_hint: '',
};

/** GET /api/recommendations/ for taihu_lab. */
export const recommendations: S['RecommendationOutput'][] = [
  {
    posting: separatorPosting,
    score: 0.9438679218292236,
    strength: 'strong',
    strength_label: '强匹配',
    probability: 0.92,
    reason: '语义高度相近，且在候选中领先；人工标注的评测集中，同等情形的匹配约92%确实相关；共同关键词：隔膜、涂覆',
    components: { dense: 0.9438679218292236 },
    explanation: {
      shared_terms: ['隔膜', '涂覆', '陶瓷', '热收缩', '收缩率', '中试', '动力电池', '穿刺'],
      indicators: [],
      components: { dense: 0.9439 },
    },
    capability: boehmitePosting,
  },
  {
    posting: forkliftNeedPosting,
    score: 0.871,
    strength: 'possible',
    strength_label: '可能相关',
    probability: 0.31,
    reason: '语义相近但不突出；人工标注的评测集中，同等情形的匹配约31%确实相关，请核对；没有明显的共同关键词',
    components: { dense: 0.871 },
    explanation: { shared_terms: ['寿命'], indicators: [], components: { dense: 0.871 } },
    capability: { ...boehmitePosting, id: 2, title: '高镍正极材料单晶化与包覆改性', snippet: '通过单晶化提升NCM811正极高温循环稳定性。' },
  },
];

/** GET /api/search/?q=隔膜 (anonymous). */
export const separatorSearch: S['SearchOutput'] = {
  count: 2,
  page: 1,
  page_size: 20,
  results: [
    { posting: separatorPosting, score: 0.887, components: { dense: 0.887 } },
    { posting: boehmitePosting, score: 0.8797, components: { dense: 0.8797 } },
  ],
  facets: {
    kind: { capability: 1, challenge: 1 },
    industry: { new_energy_vehicle: 2 },
    region: { nantaihu: 1, changxing: 1 },
    status: { published: 2 },
  },
};

/** GET /api/stats/ for the demo data. */
export const stats: S['MarketplaceStatsOutput'] = {
  open_challenges: 2,
  open_bounty: '11000000.00',
  open_needs: 7,
  capabilities: 14,
  institutes: 5,
  transactions: { year: 2026, target_amount: '17500000000.00', counted_amount: '7546500000.00', counted_deals: 41, progress: '0.4312' },
};

export const notifications: S['NotificationOutput'][] = [
  {
    id: 15,
    kind: 'new_challenge',
    kind_label: '新榜单与您的能力匹配',
    posting_kind: 'challenge',
    posting_id: 5,
    about_kind: 'capability',
    about_id: 9,
    title: '航空发动机用高温合金增材制造工艺',
    body: '与您的“高温合金粉末冶金与增材制造”匹配：定向邀请：高温合金构件增材制造工艺攻关。',
    score: 0.9528156518936157,
    created_at: '2026-11-27T00:14:41+08:00',
    read: false,
    read_at: null,
  },
  {
    id: 12,
    kind: 'new_challenge',
    kind_label: '新榜单与您的能力匹配',
    posting_kind: 'challenge',
    posting_id: 1,
    about_kind: 'capability',
    about_id: 1,
    title: '高安全动力电池陶瓷涂覆隔膜研发',
    body: '与您的“勃姆石陶瓷涂覆隔膜制备技术”匹配：现有聚烯烃隔膜在150℃下热收缩明显，易引发热失控。',
    score: 0.9464555978775024,
    created_at: '2026-11-27T00:14:40+08:00',
    read: false,
    read_at: null,
  },
];
