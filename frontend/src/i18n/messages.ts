// UI strings. zh-CN is the source language; en-US must provide every key (checked by the type).
// The marketplace and auth strings live in dictionaries/ by domain and are merged here.
import { authEn, authZh } from './dictionaries/auth';
import { dashboardEn, dashboardZh } from './dictionaries/dashboard';
import { dashboardFiguresEn, dashboardFiguresZh } from './dictionaries/dashboard-figures';
import { dashboardQualificationsEn, dashboardQualificationsZh } from './dictionaries/dashboard-qualifications';
import { dealsEn, dealsZh } from './dictionaries/deals';
import { marketplaceEn, marketplaceZh } from './dictionaries/marketplace';
import { matchingEn, matchingZh } from './dictionaries/matching';
import { notificationsEn, notificationsZh } from './dictionaries/notifications';
import { qualificationsEn, qualificationsZh } from './dictionaries/qualifications';
import { questionsEn, questionsZh } from './dictionaries/questions';

const coreZh = {
  'app.name': '湖州科技撮合平台 TechMatch',
  'app.shortName': 'TechMatch',
  'app.skipToContent': '跳到主要内容',

  'nav.label': '主导航',
  'nav.openMenu': '打开导航菜单',
  'nav.home': '首页',
  'nav.challenges': '榜单',
  'nav.needs': '需求',
  'nav.capabilities': '能力成果',
  'nav.search': '搜索',
  'nav.dashboard': '数据看板',
  'nav.status': '系统状态',

  'lang.switchHint': '切换界面语言',

  'footer.text': '湖州科技撮合平台 TechMatch · 服务长三角科创枢纽城市建设',
  'footer.apiDocs': 'API 文档',

  'home.title': '湖州科技撮合平台',
  'home.lead':
    '让企业的技术需求找到高校院所的能力与成果，让科研成果更快走进产业，促成更多技术合同。',
  'home.target.label': '2027 年目标',
  'home.target.value': '年技术交易额 200 亿元以上',
  'home.target.source':
    '出自《关于长三角科创枢纽城市的建设意见（征求意见稿）》发展目标：“科技创新成果加速转化，年技术交易额达到200亿元以上。”',
  'home.pillars.title': '平台怎样工作',
  'home.pillar.challenge.title': '揭榜挂帅',
  'home.pillar.challenge.body':
    '把关键核心技术难题张榜公布，不论资历、不设门槛，有能力的团队单独或组成创新联合体揭榜攻关，以成果论英雄。',
  'home.pillar.race.title': '赛马制',
  'home.pillar.race.body':
    '同一攻关任务允许多支团队并行推进，分阶段评估、择优支持，让更好的技术路线胜出。',
  'home.pillar.match.title': '需求与能力撮合',
  'home.pillar.match.body':
    '将企业技术需求与高校院所的能力成果进行语义匹配，给出排序和匹配理由，促成技术开发、转让、许可、咨询和服务合同。',
  'home.policyQuote': '政策要求：推行“揭榜挂帅”“赛马制”，组织共性技术研发。',
  'home.cta.challenges': '浏览榜单',
  'home.cta.needs': '企业需求',
  'home.cta.capabilities': '能力成果',
  'home.health.label': '系统状态',
  'home.stats.title': '平台概况',
  'home.latest.title': '最新榜单',
  'home.latest.all': '查看全部揭榜中的榜单',

  'stats.openChallenges': '揭榜中的榜单',
  'stats.openBounty': '揭榜中榜额合计',
  'stats.openNeeds': '征集中的需求',
  'stats.capabilities': '已发布的能力成果',
  'stats.institutes': '已认证的科研机构',
  'stats.error': '平台概况加载失败',
  'stats.transactions.title': '{year}年技术交易额',
  'stats.transactions.aria': '{year}年技术交易额完成年度目标的{percent}%',
  'stats.transactions.detail': '已认定登记并计入 {counted}（{deals}份合同），年度目标 {target}',

  'health.title': '系统状态',
  'health.intro': '平台依赖的各项服务的实时检查结果，每 30 秒自动刷新。',
  'health.indicator.ok': '服务运行正常',
  'health.indicator.error': '部分服务异常',
  'health.indicator.loading': '正在检查服务状态…',
  'health.indicator.unreachable': '无法连接服务器',
  'health.overall.ok': '所有检查均已通过',
  'health.overall.error': '有检查未通过',
  'health.overall.description': '版本 {version} · HTTP {httpStatus} · 检查时间 {time}',
  'health.status.ok': '正常',
  'health.status.error': '异常',
  'health.check.database': '数据库',
  'health.check.broker': '任务队列',
  'health.check.search': '搜索引擎',
  'health.check.encoder': '语义编码模型',
  'health.field.vendor': '类型',
  'health.field.mode': '模式',
  'health.field.url': '地址',
  'health.field.backend': '后端',
  'health.field.name': '名称',
  'health.field.detail': '详情',
  'health.refresh': '刷新',
  'health.unreachable.title': '无法获取系统状态',
  'health.unreachable.httpStatus': '服务器返回 HTTP {httpStatus}',
  'health.unreachable.network': '网络请求失败：{message}',
  'health.unreachable.body': '服务器返回内容',
  'health.retry': '重试',

  'comingSoon.title': '{feature}功能即将上线',
  'comingSoon.description': '该功能正在建设中，将在后续版本中提供。',
  'common.backHome': '返回首页',

  'notFound.title': '页面不存在',
  'notFound.description': '找不到地址 {path} 对应的页面。',
} as const;

export const zhCN = { ...coreZh, ...authZh, ...marketplaceZh, ...matchingZh, ...notificationsZh, ...dealsZh, ...dashboardZh, ...dashboardFiguresZh, ...dashboardQualificationsZh, ...qualificationsZh, ...questionsZh };

export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;

const coreEn: Record<keyof typeof coreZh, string> = {
  'app.name': 'Huzhou TechMatch',
  'app.shortName': 'TechMatch',
  'app.skipToContent': 'Skip to main content',

  'nav.label': 'Main navigation',
  'nav.openMenu': 'Open navigation menu',
  'nav.home': 'Home',
  'nav.challenges': 'Challenges',
  'nav.needs': 'Needs',
  'nav.capabilities': 'Capabilities',
  'nav.search': 'Search',
  'nav.dashboard': 'Dashboard',
  'nav.status': 'System status',

  'lang.switchHint': 'Switch interface language',

  'footer.text': 'Huzhou TechMatch · supporting the Yangtze River Delta innovation hub city',
  'footer.apiDocs': 'API docs',

  'home.title': 'Huzhou TechMatch',
  'home.lead':
    'Connecting enterprise technology needs with the capabilities and results of universities and institutes, so research reaches industry faster and more technology contracts are signed.',
  'home.target.label': '2027 target',
  'home.target.value': 'Annual technology-transaction volume of at least 20 billion yuan (200亿元)',
  'home.target.source':
    'From the development goals of the draft policy “Opinions on Building Huzhou into a Yangtze River Delta Innovation Hub City” (关于长三角科创枢纽城市的建设意见).',
  'home.pillars.title': 'How the platform works',
  'home.pillar.challenge.title': 'Open challenges (揭榜挂帅)',
  'home.pillar.challenge.body':
    'Key technical problems are published as open challenges; any capable team, alone or as an innovation consortium, may take one on and is judged by results.',
  'home.pillar.race.title': 'Horse-race system (赛马制)',
  'home.pillar.race.body':
    'Several teams may work on the same task in parallel; staged reviews keep supporting the best approach.',
  'home.pillar.match.title': 'Needs–capabilities matching',
  'home.pillar.match.body':
    'Enterprise needs are matched semantically with institute capabilities and results, ranked with reasons, leading to development, transfer, licensing, consulting and service contracts.',
  'home.policyQuote': 'The policy calls for open challenges and the horse-race system to organise shared technology R&D.',
  'home.cta.challenges': 'Browse challenges',
  'home.cta.needs': 'Enterprise needs',
  'home.cta.capabilities': 'Capabilities',
  'home.health.label': 'System status',
  'home.stats.title': 'The marketplace today',
  'home.latest.title': 'Latest challenges',
  'home.latest.all': 'All challenges open for bids',

  'stats.openChallenges': 'Challenges open for bids',
  'stats.openBounty': 'Total bounty on offer',
  'stats.openNeeds': 'Open enterprise needs',
  'stats.capabilities': 'Published capabilities',
  'stats.institutes': 'Verified research institutes',
  'stats.error': 'Could not load the marketplace figures',
  'stats.transactions.title': 'Technology transactions in {year}',
  'stats.transactions.aria': 'Technology transactions in {year}: {percent}% of the annual target',
  'stats.transactions.detail': '{counted} registered and counted ({deals} contracts) of a {target} target',

  'health.title': 'System status',
  'health.intro': 'Live checks of the services the platform depends on, refreshed every 30 seconds.',
  'health.indicator.ok': 'All services operational',
  'health.indicator.error': 'Some services are failing',
  'health.indicator.loading': 'Checking services…',
  'health.indicator.unreachable': 'Cannot reach the server',
  'health.overall.ok': 'All checks passed',
  'health.overall.error': 'Some checks failed',
  'health.overall.description': 'Version {version} · HTTP {httpStatus} · checked {time}',
  'health.status.ok': 'OK',
  'health.status.error': 'Error',
  'health.check.database': 'Database',
  'health.check.broker': 'Task broker',
  'health.check.search': 'Search engine',
  'health.check.encoder': 'Text encoder',
  'health.field.vendor': 'Vendor',
  'health.field.mode': 'Mode',
  'health.field.url': 'URL',
  'health.field.backend': 'Backend',
  'health.field.name': 'Name',
  'health.field.detail': 'Detail',
  'health.refresh': 'Refresh',
  'health.unreachable.title': 'Could not load the system status',
  'health.unreachable.httpStatus': 'The server answered HTTP {httpStatus}',
  'health.unreachable.network': 'The request failed: {message}',
  'health.unreachable.body': 'Response body',
  'health.retry': 'Retry',

  'comingSoon.title': '{feature} is coming soon',
  'comingSoon.description': 'This feature is under construction and will arrive in a later release.',
  'common.backHome': 'Back to home',

  'notFound.title': 'Page not found',
  'notFound.description': 'There is no page at {path}.',
};

export const enUS: Messages = { ...coreEn, ...authEn, ...marketplaceEn, ...matchingEn, ...notificationsEn, ...dealsEn, ...dashboardEn, ...dashboardFiguresEn, ...dashboardQualificationsEn, ...qualificationsEn, ...questionsEn };

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Each language's name in itself, shown on the switch. */
export const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', 'en-US': 'English' };

export const MESSAGES: Record<Locale, Messages> = { 'zh-CN': zhCN, 'en-US': enUS };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Replaces `{name}` placeholders; unknown placeholders are left visible so they get noticed. */
export function formatMessage(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in vars ? String(vars[name]) : match,
  );
}
