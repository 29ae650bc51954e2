import type { components } from '@/api/schema';

import { kjjOrg, tianneng } from './marketplace';

type S = components['schemas'];

// Shapes and values as the real API answers them for the demo data (seed_demo, as of 2026-11-27;
// the lists are cut to a few rows).

/** kjj: the science and technology bureau's official (is_official). */
export const kjj: S['MeOutput'] = { ...tianneng, id: 2, username: 'kjj', organisation: kjjOrg, org_role: 'admin', is_official: true };
/** The platform operator (no organisation needed to see the dashboard). */
export const operator: S['MeOutput'] = { ...tianneng, id: 1, username: 'operator', organisation: null, org_role: undefined, is_operator: true };

export const summary2026: S['DashboardSummaryOutput'] = {
  "year": 2026,
  "as_of": null,
  "district": null,
  "district_label": null,
  "recorded_as_of": null,
  "date_mode": "current",
  "reference_date": "2026-11-27",
  "rule": {
    "year": 2026,
    "version": 1,
    "is_configured": true,
    "target_amount": "17500000000.00",
    "target_source": "operator",
    "target_source_label": "平台运营方设定",
    "target_source_text": "平台运营方设定的过渡目标：政策文件只规定了2027年200亿元。",
    "statuses": [
      "registered"
    ],
    "date_field": "registered_on",
    "amount_field": "technical_amount",
    "require_huzhou_party": true,
    "flow": "both",
    "flow_label": "输出和吸纳（本地合同只计一次）",
    "text": "统计2026年度的技术合同：状态为“已认定登记”的合同计入，作废的合同不计入。按认定登记日期计入：认定登记日期在2026年1月1日至12月31日之间的合同计入当年。计入金额为技术交易额。买卖双方至少一方在湖州市（吴兴区、南浔区、德清县、长兴县、安吉县、南太湖新区或湖州莫干山高新区）。按区县统计时，买方在湖州的计入买方所在区县，否则计入卖方所在区县。年度目标：17,500,000,000.00元。",
    "text_zh": "统计2026年度的技术合同：状态为“已认定登记”的合同计入，作废的合同不计入。按认定登记日期计入：认定登记日期在2026年1月1日至12月31日之间的合同计入当年。计入金额为技术交易额。买卖双方至少一方在湖州市（吴兴区、南浔区、德清县、长兴县、安吉县、南太湖新区或湖州莫干山高新区）。按区县统计时，买方在湖州的计入买方所在区县，否则计入卖方所在区县。年度目标：17,500,000,000.00元。",
    "text_en": "Technology contracts of 2026: contracts with status “Registered” count; voided contracts never count. Contracts count by registration date: a contract counts for the year when its registration date falls between 1 January and 31 December 2026. The amount counted is the technical transaction amount. At least one party is in Huzhou (Wuxing, Nanxun, Deqing, Changxing, Anji, the Southern Taihu New Area or the Huzhou Moganshan High-tech Zone). By district, a contract belongs to the buyer's district when the buyer is in Huzhou, otherwise to the seller's. Annual target: CNY 17,500,000,000.00."
  },
  "target_amount": "17500000000.00",
  "target_source": "operator",
  "counted_amount": "78980000.00",
  "counted_deals": 17,
  "progress": "0.0045",
  "expected_amount": "15869863013.70",
  "expected_progress": "0.9068",
  "gap_to_expected": "-15790883013.70",
  "last_year_amount": "87800000.00",
  "last_year_same_period_amount": "69500000.00",
  "projection": {
    "amount": "99776172.66",
    "method": "seasonal",
    "explanation": "按去年同期进度推算：去年截至2025-11-27的计入额占全年的79.2%，今年截至2026-11-27已计入78,980,000.00元，按相同比例推算全年约99,776,172.66元。技术合同登记集中在年末，按去年的节奏推算比按日均更接近实际。"
  },
  "monthly": [
    {
      "month": 1,
      "figure": "month",
      "key": "1",
      "amount": "5200000.00",
      "deals": 1,
      "cumulative": "5200000.00",
      "last_year_amount": "0.00",
      "last_year_deals": 0,
      "last_year_cumulative": "0.00"
    },
    {
      "month": 2,
      "figure": "month",
      "key": "2",
      "amount": "11800000.00",
      "deals": 1,
      "cumulative": "17000000.00",
      "last_year_amount": "9000000.00",
      "last_year_deals": 1,
      "last_year_cumulative": "9000000.00"
    },
    {
      "month": 3,
      "figure": "month",
      "key": "3",
      "amount": "8000000.00",
      "deals": 1,
      "cumulative": "25000000.00",
      "last_year_amount": "13500000.00",
      "last_year_deals": 1,
      "last_year_cumulative": "22500000.00"
    },
    {
      "month": 4,
      "figure": "month",
      "key": "4",
      "amount": "19700000.00",
      "deals": 2,
      "cumulative": "44700000.00",
      "last_year_amount": "700000.00",
      "last_year_deals": 1,
      "last_year_cumulative": "23200000.00"
    },
    {
      "month": 5,
      "figure": "month",
      "key": "5",
      "amount": "600000.00",
      "deals": 1,
      "cumulative": "45300000.00",
      "last_year_amount": "3900000.00",
      "last_year_deals": 1,
      "last_year_cumulative": "27100000.00"
    },
    {
      "month": 6,
      "figure": "month",
      "key": "6",
      "amount": "4860000.00",
      "deals": 2,
      "cumulative": "50160000.00",
      "last_year_amount": "6000000.00",
      "last_year_deals": 1,
      "last_year_cumulative": "33100000.00"
    },
    {
      "month": 7,
      "figure": "month",
      "key": "7",
      "amount": "7050000.00",
      "deals": 3,
      "cumulative": "57210000.00",
      "last_year_amount": "24300000.00",
      "last_year_deals": 2,
      "last_year_cumulative": "57400000.00"
    },
    {
      "month": 8,
      "figure": "month",
      "key": "8",
      "amount": "9420000.00",
      "deals": 2,
      "cumulative": "66630000.00",
      "last_year_amount": "1900000.00",
      "last_year_deals": 1,
      "last_year_cumulative": "59300000.00"
    },
    {
      "month": 9,
      "figure": "month",
      "key": "9",
      "amount": "10400000.00",
      "deals": 2,
      "cumulative": "77030000.00",
      "last_year_amount": "500000.00",
      "last_year_deals": 1,
      "last_year_cumulative": "59800000.00"
    },
    {
      "month": 10,
      "figure": "month",
      "key": "10",
      "amount": "1950000.00",
      "deals": 2,
      "cumulative": "78980000.00",
      "last_year_amount": "8000000.00",
      "last_year_deals": 2,
      "last_year_cumulative": "67800000.00"
    },
    {
      "month": 11,
      "figure": "month",
      "key": "11",
      "amount": "0.00",
      "deals": 0,
      "cumulative": "78980000.00",
      "last_year_amount": "1700000.00",
      "last_year_deals": 1,
      "last_year_cumulative": "69500000.00"
    },
    {
      "month": 12,
      "figure": "month",
      "key": "12",
      "amount": "0.00",
      "deals": 0,
      "cumulative": "78980000.00",
      "last_year_amount": "18300000.00",
      "last_year_deals": 4,
      "last_year_cumulative": "87800000.00"
    }
  ],
  "by_flow": [
    {
      "figure": "flow",
      "key": "outflow",
      "label": "输出（卖方在湖州）",
      "amount": "52000000.00",
      "deals": 11,
      "share": "0.6584"
    },
    {
      "figure": "flow",
      "key": "inflow",
      "label": "吸纳（买方在湖州）",
      "amount": "41230000.00",
      "deals": 10,
      "share": "0.5220"
    },
    {
      "figure": "flow",
      "key": "local",
      "label": "本地（买卖双方均在湖州）",
      "amount": "14250000.00",
      "deals": 4,
      "share": "0.1804"
    }
  ],
  "inflow_by_partner": [
    {
      "figure": "inflow_partner",
      "key": "huzhou",
      "label": "本地",
      "amount": "14250000.00",
      "deals": 4,
      "share": "0.3456",
      "group": "huzhou",
      "group_label": "本地"
    },
    {
      "figure": "inflow_partner",
      "key": "上海市",
      "label": "上海市",
      "amount": "12000000.00",
      "deals": 1,
      "share": "0.2910",
      "group": "上海市",
      "group_label": "上海"
    },
    {
      "figure": "inflow_partner",
      "key": "江苏省/苏州市",
      "label": "江苏省苏州市",
      "amount": "6480000.00",
      "deals": 2,
      "share": "0.1572",
      "group": "江苏省",
      "group_label": "江苏"
    },
    {
      "figure": "inflow_partner",
      "key": "浙江省/杭州市",
      "label": "浙江省杭州市",
      "amount": "5000000.00",
      "deals": 1,
      "share": "0.1213",
      "group": "浙江省",
      "group_label": "浙江（湖州以外）"
    },
    {
      "figure": "inflow_partner",
      "key": "安徽省",
      "label": "安徽省",
      "amount": "1500000.00",
      "deals": 1,
      "share": "0.0364",
      "group": "安徽省",
      "group_label": "安徽"
    },
    {
      "figure": "inflow_partner",
      "key": "other",
      "label": "其他省份",
      "amount": "2000000.00",
      "deals": 1,
      "share": "0.0485",
      "group": "other",
      "group_label": "其他省份"
    }
  ],
  "outflow_by_partner": [
    {
      "figure": "outflow_partner",
      "key": "huzhou",
      "label": "本地",
      "amount": "14250000.00",
      "deals": 4,
      "share": "0.2740",
      "group": "huzhou",
      "group_label": "本地"
    },
    {
      "figure": "outflow_partner",
      "key": "上海市",
      "label": "上海市",
      "amount": "8000000.00",
      "deals": 1,
      "share": "0.1538",
      "group": "上海市",
      "group_label": "上海"
    },
    {
      "figure": "outflow_partner",
      "key": "江苏省/南京市",
      "label": "江苏省南京市",
      "amount": "9750000.00",
      "deals": 2,
      "share": "0.1875",
      "group": "江苏省",
      "group_label": "江苏"
    },
    {
      "figure": "outflow_partner",
      "key": "江苏省/苏州市",
      "label": "江苏省苏州市",
      "amount": "5000000.00",
      "deals": 1,
      "share": "0.0962",
      "group": "江苏省",
      "group_label": "江苏"
    },
    {
      "figure": "outflow_partner",
      "key": "other",
      "label": "其他省份",
      "amount": "15000000.00",
      "deals": 3,
      "share": "0.2885",
      "group": "other",
      "group_label": "其他省份"
    }
  ],
  "by_district": [
    {
      "figure": "district",
      "key": "wuxing",
      "label": "吴兴区",
      "amount": "500000.00",
      "deals": 1,
      "share": "0.0063",
      "parent": null
    },
    {
      "figure": "district",
      "key": "nanxun",
      "label": "南浔区",
      "amount": "20800000.00",
      "deals": 2,
      "share": "0.2634",
      "parent": null
    },
    {
      "figure": "district",
      "key": "deqing",
      "label": "德清县",
      "amount": "13750000.00",
      "deals": 3,
      "share": "0.1741",
      "parent": null
    },
    {
      "figure": "district",
      "key": "changxing",
      "label": "长兴县",
      "amount": "17900000.00",
      "deals": 4,
      "share": "0.2266",
      "parent": null
    },
    {
      "figure": "district",
      "key": "anji",
      "label": "安吉县",
      "amount": "1020000.00",
      "deals": 2,
      "share": "0.0129",
      "parent": null
    },
    {
      "figure": "district",
      "key": "nantaihu",
      "label": "南太湖新区",
      "amount": "13250000.00",
      "deals": 2,
      "share": "0.1678",
      "parent": "wuxing"
    },
    {
      "figure": "district",
      "key": "moganshan",
      "label": "湖州莫干山高新区",
      "amount": "11760000.00",
      "deals": 3,
      "share": "0.1489",
      "parent": "deqing"
    }
  ],
  "by_industry": [
    {
      "figure": "industry",
      "key": "alloy_materials",
      "label": "合金特材",
      "amount": "25400000.00",
      "deals": 2,
      "share": "0.3216"
    },
    {
      "figure": "industry",
      "key": "new_energy_vehicle",
      "label": "新能源汽车",
      "amount": "17000000.00",
      "deals": 2,
      "share": "0.2152"
    },
    {
      "figure": "industry",
      "key": "biomedicine",
      "label": "生物医药",
      "amount": "13860000.00",
      "deals": 3,
      "share": "0.1755"
    },
    {
      "figure": "industry",
      "key": "logistics_equipment",
      "label": "物流装备",
      "amount": "9200000.00",
      "deals": 2,
      "share": "0.1165"
    }
  ],
  "by_contract_type": [
    {
      "figure": "contract_type",
      "key": "development",
      "label": "技术开发",
      "amount": "37150000.00",
      "deals": 8,
      "share": "0.4704"
    },
    {
      "figure": "contract_type",
      "key": "transfer",
      "label": "技术转让",
      "amount": "17000000.00",
      "deals": 2,
      "share": "0.2152"
    },
    {
      "figure": "contract_type",
      "key": "license",
      "label": "技术许可",
      "amount": "21500000.00",
      "deals": 2,
      "share": "0.2722"
    },
    {
      "figure": "contract_type",
      "key": "consulting",
      "label": "技术咨询",
      "amount": "860000.00",
      "deals": 2,
      "share": "0.0109"
    },
    {
      "figure": "contract_type",
      "key": "service",
      "label": "技术服务",
      "amount": "2470000.00",
      "deals": 3,
      "share": "0.0313"
    }
  ],
  "by_origin": [
    {
      "figure": "origin",
      "key": "challenge",
      "label": "揭榜挂帅定榜",
      "amount": "1750000.00",
      "deals": 1,
      "share": "0.0222"
    },
    {
      "figure": "origin",
      "key": "need",
      "label": "技术需求对接",
      "amount": "3010000.00",
      "deals": 3,
      "share": "0.0381"
    },
    {
      "figure": "origin",
      "key": "capability",
      "label": "能力成果对接",
      "amount": "32300000.00",
      "deals": 4,
      "share": "0.4090"
    },
    {
      "figure": "origin",
      "key": "offline",
      "label": "线下（平台外）",
      "amount": "41920000.00",
      "deals": 9,
      "share": "0.5308"
    }
  ],
  "by_platform": [
    {
      "figure": "platform",
      "key": "platform",
      "label": "平台撮合",
      "amount": "37060000.00",
      "deals": 8,
      "share": "0.4692"
    },
    {
      "figure": "platform",
      "key": "offline",
      "label": "线下（平台外）",
      "amount": "41920000.00",
      "deals": 9,
      "share": "0.5308"
    }
  ],
  "top_buyers": [
    {
      "figure": "buyer",
      "key": "91330503MA2F3K4L6X",
      "label": "南浔特种合金材料有限公司",
      "amount": "18500000.00",
      "deals": 1,
      "share": "0.2342"
    },
    {
      "figure": "buyer",
      "key": "91330500MA2C1D4E5N",
      "label": "湖州南太湖智能网联汽车零部件有限公司",
      "amount": "13250000.00",
      "deals": 2,
      "share": "0.1678"
    },
    {
      "figure": "buyer",
      "key": "91330500MA2D5F6G7A",
      "label": "长兴诺力智能物流装备股份有限公司（演示）",
      "amount": "9200000.00",
      "deals": 2,
      "share": "0.1165"
    }
  ],
  "top_sellers": [
    {
      "figure": "seller",
      "key": "12330500MB0A1B2C3A",
      "label": "南太湖先进材料研究院",
      "amount": "34100000.00",
      "deals": 4,
      "share": "0.4318"
    },
    {
      "figure": "seller",
      "key": "12330500MB0D4E5F6C",
      "label": "浙江某大学湖州研究院（演示）",
      "amount": "16650000.00",
      "deals": 5,
      "share": "0.2108"
    },
    {
      "figure": "seller",
      "key": "12310000MB0K1L2M3R",
      "label": "上海智能制造研究所（演示）",
      "amount": "9620000.00",
      "deals": 3,
      "share": "0.1218"
    }
  ],
  "funnel": [
    {
      "key": "challenges",
      "label": "发布榜单",
      "count": 6,
      "amount": "31500000.00",
      "figure": null,
      "drill_key": null
    },
    {
      "key": "bids",
      "label": "揭榜申请",
      "count": 5,
      "amount": null,
      "figure": null,
      "drill_key": null
    },
    {
      "key": "awards",
      "label": "定榜",
      "count": 2,
      "amount": null,
      "figure": null,
      "drill_key": null
    },
    {
      "key": "deals",
      "label": "签约并计入的技术合同",
      "count": 1,
      "amount": "1750000.00",
      "figure": "origin",
      "drill_key": "challenge"
    }
  ]
};

/** The same summary as the API answers it to Accept-Language: en-US. */
export const summary2026En: S['DashboardSummaryOutput'] = {
  "year": 2026,
  "as_of": null,
  "district": null,
  "district_label": null,
  "recorded_as_of": null,
  "date_mode": "current",
  "reference_date": "2026-11-27",
  "rule": {
    "year": 2026,
    "version": 1,
    "is_configured": true,
    "target_amount": "17500000000.00",
    "target_source": "operator",
    "target_source_label": "Set by the platform operator",
    "target_source_text": "An interim target set by the platform operator: the policy sets 20 billion yuan for 2027 only.",
    "statuses": [
      "registered"
    ],
    "date_field": "registered_on",
    "amount_field": "technical_amount",
    "require_huzhou_party": true,
    "flow": "both",
    "flow_label": "Outflow and inflow (local contracts once)",
    "text": "Technology contracts of 2026: contracts with status “Registered” count; voided contracts never count. Contracts count by registration date: a contract counts for the year when its registration date falls between 1 January and 31 December 2026. The amount counted is the technical transaction amount. At least one party is in Huzhou (Wuxing, Nanxun, Deqing, Changxing, Anji, the Southern Taihu New Area or the Huzhou Moganshan High-tech Zone). By district, a contract belongs to the buyer's district when the buyer is in Huzhou, otherwise to the seller's. Annual target: CNY 17,500,000,000.00.",
    "text_zh": "统计2026年度的技术合同：状态为“已认定登记”的合同计入，作废的合同不计入。按认定登记日期计入：认定登记日期在2026年1月1日至12月31日之间的合同计入当年。计入金额为技术交易额。买卖双方至少一方在湖州市（吴兴区、南浔区、德清县、长兴县、安吉县、南太湖新区或湖州莫干山高新区）。按区县统计时，买方在湖州的计入买方所在区县，否则计入卖方所在区县。年度目标：17,500,000,000.00元。",
    "text_en": "Technology contracts of 2026: contracts with status “Registered” count; voided contracts never count. Contracts count by registration date: a contract counts for the year when its registration date falls between 1 January and 31 December 2026. The amount counted is the technical transaction amount. At least one party is in Huzhou (Wuxing, Nanxun, Deqing, Changxing, Anji, the Southern Taihu New Area or the Huzhou Moganshan High-tech Zone). By district, a contract belongs to the buyer's district when the buyer is in Huzhou, otherwise to the seller's. Annual target: CNY 17,500,000,000.00."
  },
  "target_amount": "17500000000.00",
  "target_source": "operator",
  "counted_amount": "78980000.00",
  "counted_deals": 17,
  "progress": "0.0045",
  "expected_amount": "15869863013.70",
  "expected_progress": "0.9068",
  "gap_to_expected": "-15790883013.70",
  "last_year_amount": "87800000.00",
  "last_year_same_period_amount": "69500000.00",
  "projection": {
    "amount": "99776172.66",
    "method": "seasonal",
    "explanation": "Projected from last year's pace: by 2025-11-27 last year had counted 79.2% of its full year; this year CNY 78,980,000.00 has been counted by 2026-11-27, so at the same pace the year ends at about CNY 99,776,172.66. Contract registrations cluster at the end of the year, so last year's pace is closer to reality than a daily average."
  },
  "monthly": [
    {
      "month": 1,
      "figure": "month",
      "key": "1",
      "amount": "5200000.00",
      "deals": 1,
      "cumulative": "5200000.00",
      "last_year_amount": "0.00",
      "last_year_deals": 0,
      "last_year_cumulative": "0.00"
    },
    {
      "month": 2,
      "figure": "month",
      "key": "2",
      "amount": "11800000.00",
      "deals": 1,
      "cumulative": "17000000.00",
      "last_year_amount": "9000000.00",
      "last_year_deals": 1,
      "last_year_cumulative": "9000000.00"
    },
    {
      "month": 3,
      "figure": "month",
      "key": "3",
      "amount": "8000000.00",
      "deals": 1,
      "cumulative": "25000000.00",
      "last_year_amount": "13500000.00",
      "last_year_deals": 1,
      "last_year_cumulative": "22500000.00"
    },
    {
      "month": 4,
      "figure": "month",
      "key": "4",
      "amount": "19700000.00",
      "deals": 2,
      "cumulative": "44700000.00",
      "last_year_amount": "700000.00",
      "last_year_deals": 1,
      "last_year_cumulative": "23200000.00"
    },
    {
      "month": 5,
      "figure": "month",
      "key": "5",
      "amount": "600000.00",
      "deals": 1,
      "cumulative": "45300000.00",
      "last_year_amount": "3900000.00",
      "last_year_deals": 1,
      "last_year_cumulative": "27100000.00"
    },
    {
      "month": 6,
      "figure": "month",
      "key": "6",
      "amount": "4860000.00",
      "deals": 2,
      "cumulative": "50160000.00",
      "last_year_amount": "6000000.00",
      "last_year_deals": 1,
      "last_year_cumulative": "33100000.00"
    },
    {
      "month": 7,
      "figure": "month",
      "key": "7",
      "amount": "7050000.00",
      "deals": 3,
      "cumulative": "57210000.00",
      "last_year_amount": "24300000.00",
      "last_year_deals": 2,
      "last_year_cumulative": "57400000.00"
    },
    {
      "month": 8,
      "figure": "month",
      "key": "8",
      "amount": "9420000.00",
      "deals": 2,
      "cumulative": "66630000.00",
      "last_year_amount": "1900000.00",
      "last_year_deals": 1,
      "last_year_cumulative": "59300000.00"
    },
    {
      "month": 9,
      "figure": "month",
      "key": "9",
      "amount": "10400000.00",
      "deals": 2,
      "cumulative": "77030000.00",
      "last_year_amount": "500000.00",
      "last_year_deals": 1,
      "last_year_cumulative": "59800000.00"
    },
    {
      "month": 10,
      "figure": "month",
      "key": "10",
      "amount": "1950000.00",
      "deals": 2,
      "cumulative": "78980000.00",
      "last_year_amount": "8000000.00",
      "last_year_deals": 2,
      "last_year_cumulative": "67800000.00"
    },
    {
      "month": 11,
      "figure": "month",
      "key": "11",
      "amount": "0.00",
      "deals": 0,
      "cumulative": "78980000.00",
      "last_year_amount": "1700000.00",
      "last_year_deals": 1,
      "last_year_cumulative": "69500000.00"
    },
    {
      "month": 12,
      "figure": "month",
      "key": "12",
      "amount": "0.00",
      "deals": 0,
      "cumulative": "78980000.00",
      "last_year_amount": "18300000.00",
      "last_year_deals": 4,
      "last_year_cumulative": "87800000.00"
    }
  ],
  "by_flow": [
    {
      "figure": "flow",
      "key": "outflow",
      "label": "Outflow (seller in Huzhou)",
      "amount": "52000000.00",
      "deals": 11,
      "share": "0.6584"
    },
    {
      "figure": "flow",
      "key": "inflow",
      "label": "Inflow (buyer in Huzhou)",
      "amount": "41230000.00",
      "deals": 10,
      "share": "0.5220"
    },
    {
      "figure": "flow",
      "key": "local",
      "label": "Local (both parties in Huzhou)",
      "amount": "14250000.00",
      "deals": 4,
      "share": "0.1804"
    }
  ],
  "inflow_by_partner": [
    {
      "figure": "inflow_partner",
      "key": "huzhou",
      "label": "Local",
      "amount": "14250000.00",
      "deals": 4,
      "share": "0.3456",
      "group": "huzhou",
      "group_label": "Local"
    },
    {
      "figure": "inflow_partner",
      "key": "上海市",
      "label": "Shanghai",
      "amount": "12000000.00",
      "deals": 1,
      "share": "0.2910",
      "group": "上海市",
      "group_label": "Shanghai"
    },
    {
      "figure": "inflow_partner",
      "key": "江苏省/苏州市",
      "label": "Suzhou, Jiangsu",
      "amount": "6480000.00",
      "deals": 2,
      "share": "0.1572",
      "group": "江苏省",
      "group_label": "Jiangsu"
    },
    {
      "figure": "inflow_partner",
      "key": "浙江省/杭州市",
      "label": "Hangzhou, Zhejiang",
      "amount": "5000000.00",
      "deals": 1,
      "share": "0.1213",
      "group": "浙江省",
      "group_label": "Zhejiang (outside Huzhou)"
    },
    {
      "figure": "inflow_partner",
      "key": "安徽省",
      "label": "Anhui",
      "amount": "1500000.00",
      "deals": 1,
      "share": "0.0364",
      "group": "安徽省",
      "group_label": "Anhui"
    },
    {
      "figure": "inflow_partner",
      "key": "other",
      "label": "Other provinces",
      "amount": "2000000.00",
      "deals": 1,
      "share": "0.0485",
      "group": "other",
      "group_label": "Other provinces"
    }
  ],
  "outflow_by_partner": [
    {
      "figure": "outflow_partner",
      "key": "huzhou",
      "label": "Local",
      "amount": "14250000.00",
      "deals": 4,
      "share": "0.2740",
      "group": "huzhou",
      "group_label": "Local"
    },
    {
      "figure": "outflow_partner",
      "key": "上海市",
      "label": "Shanghai",
      "amount": "8000000.00",
      "deals": 1,
      "share": "0.1538",
      "group": "上海市",
      "group_label": "Shanghai"
    },
    {
      "figure": "outflow_partner",
      "key": "江苏省/南京市",
      "label": "Nanjing, Jiangsu",
      "amount": "9750000.00",
      "deals": 2,
      "share": "0.1875",
      "group": "江苏省",
      "group_label": "Jiangsu"
    },
    {
      "figure": "outflow_partner",
      "key": "江苏省/苏州市",
      "label": "Suzhou, Jiangsu",
      "amount": "5000000.00",
      "deals": 1,
      "share": "0.0962",
      "group": "江苏省",
      "group_label": "Jiangsu"
    },
    {
      "figure": "outflow_partner",
      "key": "other",
      "label": "Other provinces",
      "amount": "15000000.00",
      "deals": 3,
      "share": "0.2885",
      "group": "other",
      "group_label": "Other provinces"
    }
  ],
  "by_district": [
    {
      "figure": "district",
      "key": "wuxing",
      "label": "Wuxing District",
      "amount": "500000.00",
      "deals": 1,
      "share": "0.0063",
      "parent": null
    },
    {
      "figure": "district",
      "key": "nanxun",
      "label": "Nanxun District",
      "amount": "20800000.00",
      "deals": 2,
      "share": "0.2634",
      "parent": null
    },
    {
      "figure": "district",
      "key": "deqing",
      "label": "Deqing County",
      "amount": "13750000.00",
      "deals": 3,
      "share": "0.1741",
      "parent": null
    },
    {
      "figure": "district",
      "key": "changxing",
      "label": "Changxing County",
      "amount": "17900000.00",
      "deals": 4,
      "share": "0.2266",
      "parent": null
    },
    {
      "figure": "district",
      "key": "anji",
      "label": "Anji County",
      "amount": "1020000.00",
      "deals": 2,
      "share": "0.0129",
      "parent": null
    },
    {
      "figure": "district",
      "key": "nantaihu",
      "label": "South Taihu New Area",
      "amount": "13250000.00",
      "deals": 2,
      "share": "0.1678",
      "parent": "wuxing"
    },
    {
      "figure": "district",
      "key": "moganshan",
      "label": "Huzhou Moganshan High-tech Zone",
      "amount": "11760000.00",
      "deals": 3,
      "share": "0.1489",
      "parent": "deqing"
    }
  ],
  "by_industry": [
    {
      "figure": "industry",
      "key": "alloy_materials",
      "label": "合金特材",
      "amount": "25400000.00",
      "deals": 2,
      "share": "0.3216"
    },
    {
      "figure": "industry",
      "key": "new_energy_vehicle",
      "label": "新能源汽车",
      "amount": "17000000.00",
      "deals": 2,
      "share": "0.2152"
    },
    {
      "figure": "industry",
      "key": "biomedicine",
      "label": "生物医药",
      "amount": "13860000.00",
      "deals": 3,
      "share": "0.1755"
    },
    {
      "figure": "industry",
      "key": "logistics_equipment",
      "label": "物流装备",
      "amount": "9200000.00",
      "deals": 2,
      "share": "0.1165"
    }
  ],
  "by_contract_type": [
    {
      "figure": "contract_type",
      "key": "development",
      "label": "Technology development",
      "amount": "37150000.00",
      "deals": 8,
      "share": "0.4704"
    },
    {
      "figure": "contract_type",
      "key": "transfer",
      "label": "Technology transfer",
      "amount": "17000000.00",
      "deals": 2,
      "share": "0.2152"
    },
    {
      "figure": "contract_type",
      "key": "license",
      "label": "Technology licensing",
      "amount": "21500000.00",
      "deals": 2,
      "share": "0.2722"
    },
    {
      "figure": "contract_type",
      "key": "consulting",
      "label": "Technical consulting",
      "amount": "860000.00",
      "deals": 2,
      "share": "0.0109"
    },
    {
      "figure": "contract_type",
      "key": "service",
      "label": "Technical services",
      "amount": "2470000.00",
      "deals": 3,
      "share": "0.0313"
    }
  ],
  "by_origin": [
    {
      "figure": "origin",
      "key": "challenge",
      "label": "Challenge award",
      "amount": "1750000.00",
      "deals": 1,
      "share": "0.0222"
    },
    {
      "figure": "origin",
      "key": "need",
      "label": "Need match",
      "amount": "3010000.00",
      "deals": 3,
      "share": "0.0381"
    },
    {
      "figure": "origin",
      "key": "capability",
      "label": "Capability match",
      "amount": "32300000.00",
      "deals": 4,
      "share": "0.4090"
    },
    {
      "figure": "origin",
      "key": "offline",
      "label": "Offline (outside the platform)",
      "amount": "41920000.00",
      "deals": 9,
      "share": "0.5308"
    }
  ],
  "by_platform": [
    {
      "figure": "platform",
      "key": "platform",
      "label": "Matched on the platform",
      "amount": "37060000.00",
      "deals": 8,
      "share": "0.4692"
    },
    {
      "figure": "platform",
      "key": "offline",
      "label": "Offline (outside the platform)",
      "amount": "41920000.00",
      "deals": 9,
      "share": "0.5308"
    }
  ],
  "top_buyers": [
    {
      "figure": "buyer",
      "key": "91330503MA2F3K4L6X",
      "label": "南浔特种合金材料有限公司",
      "amount": "18500000.00",
      "deals": 1,
      "share": "0.2342"
    },
    {
      "figure": "buyer",
      "key": "91330500MA2C1D4E5N",
      "label": "湖州南太湖智能网联汽车零部件有限公司",
      "amount": "13250000.00",
      "deals": 2,
      "share": "0.1678"
    },
    {
      "figure": "buyer",
      "key": "91330500MA2D5F6G7A",
      "label": "长兴诺力智能物流装备股份有限公司（演示）",
      "amount": "9200000.00",
      "deals": 2,
      "share": "0.1165"
    }
  ],
  "top_sellers": [
    {
      "figure": "seller",
      "key": "12330500MB0A1B2C3A",
      "label": "南太湖先进材料研究院",
      "amount": "34100000.00",
      "deals": 4,
      "share": "0.4318"
    },
    {
      "figure": "seller",
      "key": "12330500MB0D4E5F6C",
      "label": "浙江某大学湖州研究院（演示）",
      "amount": "16650000.00",
      "deals": 5,
      "share": "0.2108"
    },
    {
      "figure": "seller",
      "key": "12310000MB0K1L2M3R",
      "label": "上海智能制造研究所（演示）",
      "amount": "9620000.00",
      "deals": 3,
      "share": "0.1218"
    }
  ],
  "funnel": [
    {
      "key": "challenges",
      "label": "Challenges published",
      "count": 6,
      "amount": "31500000.00",
      "figure": null,
      "drill_key": null
    },
    {
      "key": "bids",
      "label": "Bid",
      "count": 5,
      "amount": null,
      "figure": null,
      "drill_key": null
    },
    {
      "key": "awards",
      "label": "Awards",
      "count": 2,
      "amount": null,
      "figure": null,
      "drill_key": null
    },
    {
      "key": "deals",
      "label": "Contracts signed and counted",
      "count": 1,
      "amount": "1750000.00",
      "figure": "origin",
      "drill_key": "challenge"
    }
  ]
};

export const marchDrilldown: S['DrilldownOutput'] = {
  "year": 2026,
  "as_of": null,
  "recorded_as_of": null,
  "figure": "month",
  "key": "3",
  "label": "3月",
  "amount": "8000000.00",
  "deals": 1,
  "count": 1,
  "export_max_rows": 120000,
  "next": null,
  "previous": null,
  "results": [
    {
      "deal": 4,
      "registry": "湖州市技术市场",
      "contract_number": "2026330500000004",
      "title": "AGV集群调度与仓储路径规划",
      "origin_confidential": false,
      "contract_type": "transfer",
      "contract_type_label": "技术转让",
      "buyer": {
        "organisation": 5,
        "name": "长兴诺力智能物流装备股份有限公司（演示）",
        "uscc": "91330500MA2D5F6G7A",
        "region": "changxing",
        "region_label": "长兴县",
        "province": "浙江省",
        "city": "湖州市"
      },
      "seller": {
        "organisation": 13,
        "name": "上海智能制造研究所（演示）",
        "uscc": "12310000MB0K1L2M3R",
        "region": "outside",
        "region_label": "湖州市外",
        "province": "上海市",
        "city": "上海市"
      },
      "contract_amount": "8800000.00",
      "technical_amount": "8000000.00",
      "counted_amount": "8000000.00",
      "signed_on": "2026-02-05",
      "registered_on": "2026-03-15",
      "counted_on": "2026-03-15",
      "registration_number": "2026-3305-0004",
      "industry": "logistics_equipment",
      "industry_name": "物流装备",
      "district": "changxing",
      "huzhou_parties": "buyer",
      "partner": "上海市",
      "origin": "capability",
      "status": "registered"
    }
  ]
};

export const targets: S['PolicyTargetOutput'][] = [
  {
    "id": 1,
    "code": "innovative_city_rank",
    "group": "国家创新型城市排名",
    "name": "国家创新型城市排名",
    "target_text": "全国前20位",
    "target_value": "20.00",
    "unit": "位",
    "direction": "at_most",
    "direction_label": "不高于",
    "year": 2027,
    "source": "manual",
    "computed": null,
    "latest": null,
    "progress_ratio": null
  },
  {
    "id": 2,
    "code": "provincial_key_labs",
    "group": "全省重点实验室 / 省技术创新中心",
    "name": "全省重点实验室",
    "target_text": "10家",
    "target_value": "10.00",
    "unit": "家",
    "direction": "at_least",
    "direction_label": "不低于",
    "year": 2027,
    "source": "manual",
    "computed": null,
    "latest": null,
    "progress_ratio": null
  },
  {
    "id": 3,
    "code": "provincial_innovation_centres",
    "group": "全省重点实验室 / 省技术创新中心",
    "name": "省技术创新中心",
    "target_text": "1家",
    "target_value": "1.00",
    "unit": "家",
    "direction": "at_least",
    "direction_label": "不低于",
    "year": 2027,
    "source": "manual",
    "computed": null,
    "latest": null,
    "progress_ratio": null
  },
  {
    "id": 4,
    "code": "high_tech_enterprises",
    "group": "高新技术企业（累计）",
    "name": "高新技术企业（累计）",
    "target_text": "2500家",
    "target_value": "2500.00",
    "unit": "家",
    "direction": "at_least",
    "direction_label": "不低于",
    "year": 2027,
    "source": "manual",
    "computed": null,
    "latest": null,
    "progress_ratio": null
  }
];

/** A registry export that failed validation (as the API reports the seed's bad file), and stages of it. */
export const failedImport: S['DealImportOutput'] = {
  id: 7,
  file_name: '技术合同登记导出-2026年10月.csv',
  file_format: 'csv',
  file_size: 396,
  sha256: '1b5a7f81ca9735a59490c5c99608fb5b57ab0d528b4cd75f845f02a56c459ec6',
  status: 'failed',
  status_label: '导入失败（未写入任何数据）',
  total_rows: 12000,
  processed_rows: 12000,
  progress: 1.0,
  created_count: 0,
  registered_count: 0,
  unchanged_count: 0,
  error_count: 2,
  errors: [
    { row: 2, column: '合同金额（元）', message: '金额不是数字', value: 'abc' },
    { row: 5, column: '卖方所在地区', message: '无法从信用代码判断所在区县，请填写所在地区', value: '' },
  ],
  message: '共有2处错误，未写入任何数据；请修正后重新导入整个文件',
  attempts: 1,
  retryable: false,
  created_by: 'kjj',
  created_at: '2026-11-27T02:01:20.885109+08:00',
  started_at: '2026-11-27T02:01:20.899190+08:00',
  finished_at: '2026-11-27T02:01:24.901140+08:00',
};

export const queuedImport: S['DealImportOutput'] = {
  ...failedImport,
  status: 'pending',
  status_label: '排队中',
  total_rows: 0,
  processed_rows: 0,
  progress: 0,
  error_count: 0,
  errors: [],
  message: '',
  started_at: null,
  finished_at: null,
};

/** An import the database kept failing (retried by the system, then reported): the same file may run again. */
export const interruptedImport: S['DealImportOutput'] = {
  ...failedImport,
  id: 8,
  error_count: 0,
  errors: [],
  message: '台账正被其他操作占用，等待超时，已自动重试3次仍未成功，未写入任何数据；请稍后点击“重新导入”',
  retryable: true,
};

export const validatingImport: S['DealImportOutput'] = {
  ...queuedImport,
  status: 'validating',
  status_label: '校验中',
  total_rows: 12000,
  processed_rows: 5000,
  progress: 0.4167,
  started_at: '2026-11-27T02:01:20.899190+08:00',
};

/** GET /api/dashboard/qualifications/?year=2026 for the city: the rows overlap (a firm may hold several). */
export const qualifications2026: S['QualificationVolumeOutput'] = {
  year: 2026,
  as_of: null,
  total: { amount: '78980000.00', deals: 17 },
  items: [
    { kind: 'high_tech', label: '高新技术企业', seller: { amount: '32000000.00', deals: 6 }, buyer: { amount: '18500000.00', deals: 4 }, either: { amount: '41200000.00', deals: 8 } },
    { kind: 'tech_sme', label: '科技型中小企业', seller: { amount: '9800000.00', deals: 3 }, buyer: { amount: '12000000.00', deals: 3 }, either: { amount: '19300000.00', deals: 5 } },
    { kind: 'specialised', label: '专精特新企业', seller: { amount: '6500000.00', deals: 2 }, buyer: { amount: '8000000.00', deals: 2 }, either: { amount: '14500000.00', deals: 4 } },
    { kind: 'leading', label: '龙头企业', seller: { amount: '0.00', deals: 0 }, buyer: { amount: '15000000.00', deals: 2 }, either: { amount: '15000000.00', deals: 2 } },
  ],
  none: { amount: '21480000.00', deals: 5 },
};
