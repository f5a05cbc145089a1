import type { Lang } from './lang';

/**
 * The UI dictionary. Chinese is the source; English must have every key (the type enforces it).
 * `{name}` placeholders are filled by `translate`.
 */
const zh = {
  'app.subtitle': '渝西汽车零部件产业集群 · 供应链协同平台',
  'app.footer': '数据来源：《重庆日报》2025年5月报道；名称含“示例”的企业与部分订单为示例数据。',
  'lang.toggle.title': 'Switch to English',

  'account.signIn': '登录',
  'account.signOut': '退出',
  'account.form.label': '登录渝链',
  'account.username': '用户名',
  'account.password': '密码',
  'account.submit': '登录',
  'account.submitting': '正在登录…',
  'account.cancel': '取消',
  'account.current': '当前用户：{name}（{role}）',
  'account.error.wrongCredentials': '用户名或密码错误。',
  'account.error.locked': '该账号因多次登录失败已被暂时锁定，请稍后再试或联系管理员。',
  'account.error.rateLimited': '登录尝试过于频繁，请 {minutes} 分钟后再试。',
  'account.error.rateLimitedSoon': '登录尝试过于频繁，请稍后再试。',
  'account.error.other': '登录失败，请检查网络后再试。',
  'account.error.signOut': '退出失败，请再试一次。',
  'account.role.ADMIN': '管理员',
  'account.role.BUREAU': '区经信委',
  'account.role.INVESTMENT': '招商部门',
  'account.role.FIRM': '企业',

  'amount.hidden': '金额不公开',
  'amount.hidden.title': '订单金额仅对订单双方、区经信委和管理员可见；登录后按权限显示。',

  'cluster.heading': '产业集群图谱',
  'cluster.year': '年份',
  'cluster.loading': '正在加载集群图谱…',
  'cluster.error': '集群图谱加载失败：{message}',
  'cluster.empty': '暂无可绘制的企业。',
  'cluster.hint': '点击企业节点查看详情；滚轮缩放，拖动平移。',
  'cluster.selected': '已选企业：{name}（{district}）',
  'cluster.truncated': '仅绘制前 {shown} 家企业（共 {total} 家）。',
  'cluster.links': '图中连线（{count} 条）',
  'cluster.links.none': '本年度没有连线。',

  'legend.heading': '图例',
  'legend.firms': '企业',
  'legend.links': '连线',
  'legend.chainLeader': '链主企业',
  'legend.supplier': '配套企业',
  'legend.recycler': '再生资源企业',
  'legend.oem': '整车企业',
  'legend.outside': '渝西八区以外',
  'legend.district': '所在区县',
  'legend.size': '节点大小表示产值',
  'legend.supply': '供货（线宽表示金额，须登录且有权查看）',
  'legend.hiddenAmount': '金额不公开的连线：统一线宽',
  'legend.scrap': '报废料回收',
  'legend.support': '以老带新',

  'link.SUPPLY': '供货',
  'link.SCRAP_RETURN': '报废料回收',
  'link.SUPPORT': '以老带新',

  'firms.heading': '企业名录',
  'firms.search.label': '搜索企业',
  'firms.search.placeholder': '输入企业名称，如“奥方”',
  'firms.col.name': '企业',
  'firms.col.district': '所在区县',
  'firms.col.roles': '角色',
  'firms.col.output': '产值',
  'firms.loading': '正在加载企业…',
  'firms.error': '企业列表加载失败：{message}',
  'firms.empty': '没有名称包含“{query}”的企业。',
  'firms.emptyAll': '暂无企业。',
  'firms.count': '共 {total} 家企业',
  'firms.countPartial': '共 {total} 家企业，显示前 {shown} 家',

  'role.chainLeader': '链主',
  'role.oem': '整车',
  'role.recycler': '再生资源',
  'role.supplier': '配套',
  'role.outside': '区外',
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  'app.subtitle': 'Supply-chain platform for the western-Chongqing auto-parts cluster',
  'app.footer':
    'Source: Chongqing Daily, May 2025. Firms named "example" and some orders are illustrative data.',
  'lang.toggle.title': '切换到中文',

  'account.signIn': 'Sign in',
  'account.signOut': 'Sign out',
  'account.form.label': 'Sign in to Yulian',
  'account.username': 'Username',
  'account.password': 'Password',
  'account.submit': 'Sign in',
  'account.submitting': 'Signing in…',
  'account.cancel': 'Cancel',
  'account.current': 'Signed in as {name} ({role})',
  'account.error.wrongCredentials': 'Wrong username or password.',
  'account.error.locked': 'This account is locked after too many failed sign-ins. Try again later or ask an administrator.',
  'account.error.rateLimited': 'Too many sign-in attempts. Try again in {minutes} min.',
  'account.error.rateLimitedSoon': 'Too many sign-in attempts. Try again later.',
  'account.error.other': 'Could not sign in. Check your connection and try again.',
  'account.error.signOut': 'Could not sign out. Please try again.',
  'account.role.ADMIN': 'Admin',
  'account.role.BUREAU': 'District bureau',
  'account.role.INVESTMENT': 'Investment team',
  'account.role.FIRM': 'Firm',

  'amount.hidden': 'amount not disclosed',
  'amount.hidden.title':
    'Order amounts are shown only to the two parties of an order, district bureaus and admins; sign in to see what you may.',

  'cluster.heading': 'Cluster map',
  'cluster.year': 'Year',
  'cluster.loading': 'Loading the cluster map…',
  'cluster.error': 'Could not load the cluster map: {message}',
  'cluster.empty': 'No firms to draw.',
  'cluster.hint': 'Click a firm to select it; scroll to zoom, drag to pan.',
  'cluster.selected': 'Selected: {name} ({district})',
  'cluster.truncated': 'Showing the first {shown} of {total} firms.',
  'cluster.links': 'Links drawn ({count})',
  'cluster.links.none': 'No links in this year.',

  'legend.heading': 'Legend',
  'legend.firms': 'Firms',
  'legend.links': 'Links',
  'legend.chainLeader': 'Chain leader',
  'legend.supplier': 'Supplier',
  'legend.recycler': 'Recycler',
  'legend.oem': 'Vehicle maker (OEM)',
  'legend.outside': 'Outside the region',
  'legend.district': 'District',
  'legend.size': 'Node size shows output value',
  'legend.supply': 'Supply (width shows value when you are signed in with the right to see it)',
  'legend.hiddenAmount': 'Value not disclosed: uniform width',
  'legend.scrap': 'Scrap return',
  'legend.support': 'Mentoring',

  'link.SUPPLY': 'Supply',
  'link.SCRAP_RETURN': 'Scrap return',
  'link.SUPPORT': 'Mentoring',

  'firms.heading': 'Firms',
  'firms.search.label': 'Search firms',
  'firms.search.placeholder': 'Firm name, e.g. Aofang',
  'firms.col.name': 'Firm',
  'firms.col.district': 'District',
  'firms.col.roles': 'Roles',
  'firms.col.output': 'Output',
  'firms.loading': 'Loading firms…',
  'firms.error': 'Could not load firms: {message}',
  'firms.empty': 'No firm name contains “{query}”.',
  'firms.emptyAll': 'No firms yet.',
  'firms.count': '{total} firms',
  'firms.countPartial': 'Showing {shown} of {total} firms',

  'role.chainLeader': 'Chain leader',
  'role.oem': 'OEM',
  'role.recycler': 'Recycler',
  'role.supplier': 'Supplier',
  'role.outside': 'Outside region',
};

const dictionaries: Record<Lang, Record<MessageKey, string>> = { zh, en };

export type MessageParams = Readonly<Record<string, string | number>>;

export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const template = dictionaries[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    return value === undefined ? match : String(value);
  });
}
