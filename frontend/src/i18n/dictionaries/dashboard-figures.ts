// The dashboard's figures as officials read them: one unit per screen, the pace, flows and places,
// the two kinds of date and a district official's scope. zh-CN is the source; en-US covers every key.

export const dashboardFiguresZh = {
  'dashboard.unit.yuan': '元',
  'dashboard.amount.withExact': '{amount}（{exact}）',
  'dashboard.amount.unitNote': '本页金额单位：{unit}。鼠标悬停在金额上可查看精确到分的数值。',

  'dashboard.kpi.onPace': '与匀速进度持平',
  'dashboard.kpi.notStarted': '{year}年尚未开始',
  'dashboard.kpi.noExpectation': '尚无应完成进度',
  'dashboard.kpi.cityTarget': '区县未设单独目标',

  'dashboard.cumulative.panelYears': '本年与上年累计',
  'dashboard.cumulative.panelTarget': '对照年度目标（匀速进度）',
  'dashboard.cumulative.notePanels':
    '上图比较本年与上年累计（各用自己的刻度），下图把本年累计放在匀速完成目标的路径旁，线端数字为完成进度。点击实际线或去年线上的点，查看该月计入的合同。',

  'dashboard.dateMode.label': '日期口径',
  'dashboard.dateMode.asOf': '截至',
  'dashboard.dateMode.recorded': '账本回溯',
  'dashboard.dateMode.asOfHelp': '截至某日：只计计入日期（一般为认定登记日期）不晚于这一天的合同，按当前台账和现行口径。',
  'dashboard.dateMode.recordedHelp': '账本回溯（审计用）：复现某日结束时台账所记录的数字和当天有效的口径。',
  'dashboard.dateMode.recordedNow': '选择回溯日期',
  'dashboard.dateField.registered_on': '认定登记日期',
  'dashboard.dateField.signed_on': '签订日期',
  'dashboard.asOfNotice.upTo': '截至 {date}：只计{dateField}不晚于 {date} 的合同，按当前台账和{year}年现行计数口径计算。',
  'dashboard.recordedNotice':
    '账本回溯（as recorded on {date}）：以下数字复现 {date} 当天结束时台账所记录的内容和当天有效的计数口径，供审计核对；此后补录、更正或作废的合同不在其中。要看截至某日登记的合同，请选“截至”。',
  'dashboard.rule.asOfCurrent': '按现行口径计算，只计截至 {date} 的合同。',
  'dashboard.drill.recordedAsOf': '账本回溯至 {date}。',

  'dashboard.scope.tag': '辖区：{district}',
  'dashboard.scope.withZones': '{district}（含{zones}）',
  'dashboard.district.zoneOf': '属{district}，已含在{district}的数字中',

  'dashboard.target.source.policy': '政策目标',
  'dashboard.target.source.operator': '运营方设定',

  'dashboard.flows.title': '流向：输出、吸纳与本地',
  'dashboard.flows.counts': '口径计入：{flow}',
  'dashboard.flows.rule.both': '{year}年计数口径计入输出和吸纳，本地合同只计一次：已计入技术交易额 = 输出 + 吸纳 − 本地。',
  'dashboard.flows.rule.outflow': '{year}年计数口径只计输出（卖方在湖州）；吸纳在此并列显示，但不计入年度目标。',
  'dashboard.flows.rule.inflow': '{year}年计数口径只计吸纳（买方在湖州）；输出在此并列显示，但不计入年度目标。',
  'dashboard.flows.note':
    '输出：卖方在湖州，技术从湖州输出；吸纳：买方在湖州，技术引进湖州；本地：买卖双方均在湖州，同时属于输出和吸纳。三项均按口径的状态、日期和金额计算。',
  'dashboard.flows.noteDistrict':
    '区县视角：“本地”指{district}（含其功能区），湖州市内其他区县列为对方所在地。输出：卖方在本辖区；吸纳：买方在本辖区。',
  'dashboard.flows.partners.inflow': '吸纳：按卖方所在地',
  'dashboard.flows.partners.outflow': '输出：按买方所在地',
  'dashboard.flows.side.inflow': '吸纳',
  'dashboard.flows.side.outflow': '输出',
  'dashboard.flows.partner': '对方所在地',
  'dashboard.flows.shareOfFlow': '占该流向',
  'dashboard.flows.yangtzeDelta': '长三角（上海、江苏、浙江、安徽）',
} as const;

export const dashboardFiguresEn: Record<keyof typeof dashboardFiguresZh, string> = {
  'dashboard.unit.yuan': 'yuan',
  'dashboard.amount.withExact': '{amount} ({exact})',
  'dashboard.amount.unitNote': 'Amounts on this page are in {unit}. Hover over an amount to see it to the fen.',

  'dashboard.kpi.onPace': 'On pace',
  'dashboard.kpi.notStarted': '{year} has not started',
  'dashboard.kpi.noExpectation': 'Nothing expected yet',
  'dashboard.kpi.cityTarget': 'No target of the district’s own',

  'dashboard.cumulative.panelYears': 'This year and last, cumulative',
  'dashboard.cumulative.panelTarget': 'Against the annual target (even pace)',
  'dashboard.cumulative.notePanels':
    'Above: this year against last year, cumulative, on their own scale. Below: this year beside the even-pace path to the target; the figure at the end of the line is the progress. Click a point on the actual or last year’s line to see the contracts counted in that month.',
  'dashboard.dateMode.label': 'What the date means',
  'dashboard.dateMode.asOf': 'Up to',
  'dashboard.dateMode.recorded': 'As recorded on',
  'dashboard.dateMode.asOfHelp': 'Up to a day: only contracts whose counting date (usually the registration date) is on or before it, from the current ledger under the current rule.',
  'dashboard.dateMode.recordedHelp': 'As recorded on a day (audit): the figures exactly as the ledger and the rule in force stood at the end of that day.',
  'dashboard.dateMode.recordedNow': 'Pick an audit date',
  'dashboard.dateField.registered_on': 'registration date',
  'dashboard.dateField.signed_on': 'signing date',
  'dashboard.asOfNotice.upTo': 'Up to {date}: only contracts whose {dateField} is on or before {date}, from the current ledger under the {year} counting rule in force.',
  'dashboard.recordedNotice':
    'As recorded on {date} (audit): the figures below reproduce what the ledger held at the end of {date}, under the counting rule in force that day; contracts recorded, corrected or voided later are not in them. To see the contracts registered up to a day, choose “Up to”.',
  'dashboard.rule.asOfCurrent': 'Computed under the current rule, counting contracts up to {date}.',
  'dashboard.drill.recordedAsOf': 'As recorded on {date}.',

  'dashboard.scope.tag': 'Your district: {district}',
  'dashboard.scope.withZones': '{district} (including {zones})',
  'dashboard.district.zoneOf': 'Part of {district}, already in its figure',

  'dashboard.target.source.policy': 'Set by the policy',
  'dashboard.target.source.operator': 'Set by the operator',

  'dashboard.flows.title': 'Flows: outflow, inflow and local',
  'dashboard.flows.counts': 'The rule counts: {flow}',
  'dashboard.flows.rule.both': 'The {year} counting rule counts outflow and inflow, local contracts once: counted volume = outflow + inflow − local.',
  'dashboard.flows.rule.outflow': 'The {year} counting rule counts outflow only (seller in Huzhou); inflow is shown beside it but does not count toward the target.',
  'dashboard.flows.rule.inflow': 'The {year} counting rule counts inflow only (buyer in Huzhou); outflow is shown beside it but does not count toward the target.',
  'dashboard.flows.note':
    'Outflow: the seller is in Huzhou (technology sold from Huzhou). Inflow: the buyer is in Huzhou (technology brought in). Local: both parties are in Huzhou, so it is part of both. All three use the rule’s statuses, dates and amount.',
  'dashboard.flows.noteDistrict':
    'District view: “local” means {district} (with its zones); other Huzhou districts are listed as partners. Outflow: the seller is in your district; inflow: the buyer is.',
  'dashboard.flows.partners.inflow': 'Inflow by the seller’s region',
  'dashboard.flows.partners.outflow': 'Outflow by the buyer’s region',
  'dashboard.flows.side.inflow': 'Inflow',
  'dashboard.flows.side.outflow': 'Outflow',
  'dashboard.flows.partner': 'Partner region',
  'dashboard.flows.shareOfFlow': 'Share of flow',
  'dashboard.flows.yangtzeDelta': 'Yangtze River Delta (Shanghai, Jiangsu, Zhejiang, Anhui)',
};
