// The dashboard's card of the year's counted volume by the parties' qualifications (高新技术企业 …).
// zh-CN is the source; en-US covers every key. The qualifications' names come from the API.

export const dashboardQualificationsZh = {
  'dashboard.qualifications.title': '按企业资质',
  'dashboard.qualifications.meaning':
    '当年计入的合同中，卖方、买方或任一方在合同{dateField}当天持有有效资质（有效期含起止日，按统一社会信用代码对应）的计入金额；一家企业可有多项资质，各行相加不等于合计。',
  'dashboard.qualifications.kind': '资质',
  'dashboard.qualifications.seller': '卖方持有',
  'dashboard.qualifications.buyer': '买方持有',
  'dashboard.qualifications.either': '任一方持有',
  'dashboard.qualifications.none': '均无资质',
  'dashboard.qualifications.noneHint': '买卖双方均无任何资质',
  'dashboard.qualifications.total': '当年计入合计',
  'dashboard.qualifications.recorded': '企业资质分列只按当前台账计算，不支持账本回溯；请改选“截至”或清除日期后查看。',
};

export const dashboardQualificationsEn: Record<keyof typeof dashboardQualificationsZh, string> = {
  'dashboard.qualifications.title': 'By enterprise qualification',
  'dashboard.qualifications.meaning':
    'Counted contracts of the year where the seller, the buyer or either party held the qualification on the contract’s {dateField} (valid from and until inclusive, matched by unified social credit code). A firm may hold several, so the rows overlap and do not add up to the total.',
  'dashboard.qualifications.kind': 'Qualification',
  'dashboard.qualifications.seller': 'Seller held it',
  'dashboard.qualifications.buyer': 'Buyer held it',
  'dashboard.qualifications.either': 'Either party held it',
  'dashboard.qualifications.none': 'Neither qualified',
  'dashboard.qualifications.noneHint': 'Neither party held any qualification',
  'dashboard.qualifications.total': 'Counted this year',
  'dashboard.qualifications.recorded':
    'The breakdown by qualification reads today’s ledger only and cannot be shown as recorded on a past day; choose “Up to” or clear the date to see it.',
};
