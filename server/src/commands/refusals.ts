/**
 * Why a command refuses a change, in words both entry points use: the GraphQL API answers them as
 * errors with a code and the field, the importer as row errors in the file's language. A rule is
 * written once, in a command; these are only its words.
 */
export type Lang = 'zh' | 'en';

const TEXT = {
  unknownFirm: { zh: '企业不存在', en: 'no such firm', code: 'BAD_USER_INPUT' },
  unknownSegment: { zh: '产业链环节不存在', en: 'no such segment', code: 'BAD_USER_INPUT' },
  unknownDistrict: { zh: '区县代码不存在', en: 'no such district', code: 'BAD_USER_INPUT' },
  editFirm: { zh: '无权修改该企业', en: 'you may not change this firm', code: 'FORBIDDEN' },
  createFirmHere: { zh: '无权在该区县新建企业', en: 'you may not create a firm in this district', code: 'FORBIDDEN' },
  classifyFirm: {
    zh: '企业的链主、整车、回收企业身份和所在区县由区县经信部门设定',
    en: "the district bureau sets a firm's roles and district",
    code: 'FORBIDDEN',
  },
  scrapToRecycler: { zh: '废料回收订单的需方须是回收企业', en: 'a scrap return goes to a recycler; this buyer is not one', code: 'BAD_USER_INPUT' },
  recordOrder: { zh: '只能登记本企业作为一方的订单', en: 'you may record only orders your firm is a party to', code: 'FORBIDDEN' },
  /**
   * An id naming no order the viewer may change: none at all, or another pair's (which the viewer
   * may not see either). Both get these words, so a refusal never tells that an order exists.
   */
  noSuchOrder: { zh: '没有您可修改的此编号订单', en: 'no order you may change has this id', code: 'NOT_FOUND' },
  noSuchNeed: { zh: '该企业没有此项需求', en: 'the firm has no such need', code: 'NOT_FOUND' },
  supportTie: {
    zh: '只有两家企业所在区县的经信部门或管理员可以登记帮扶关系',
    en: 'only an admin, or the bureau of both firms, may record a support tie',
    code: 'FORBIDDEN',
  },
  manageTargets: {
    zh: '只有该区县的招商部门、经信部门或管理员可以管理其招商目标与年度目标',
    en: "only the district's investment team, its bureau or an admin manage its targets and goals",
    code: 'FORBIDDEN',
  },
  /** Like noSuchOrder: no target at all, or another district's, told alike. */
  noSuchTarget: { zh: '没有您可修改的此编号招商目标', en: 'no target you may change has this id', code: 'NOT_FOUND' },
  /** A stage or date rule of target-rules.ts; its own words come in the refusal's detail. */
  targetRule: { zh: '不符合招商目标的阶段规则', en: "breaks a rule of the target's stages", code: 'BAD_USER_INPUT' },
  followIntroduction: {
    zh: '只有对接双方企业、其所在区县的经信部门或管理员可以发起和推进对接',
    en: 'only the two firms, their districts\' bureaus or an admin propose and move an introduction',
    code: 'FORBIDDEN',
  },
  /** Like noSuchOrder: no introduction at all, or one the viewer does not follow, told alike. */
  noSuchIntroduction: { zh: '没有您可查看的此编号对接', en: 'no introduction you follow has this id', code: 'NOT_FOUND' },
  /** A stage rule of introductions/stages.ts; its own words come in the refusal's detail. */
  introductionRule: { zh: '不符合对接的阶段规则', en: "breaks a rule of the introduction's stages", code: 'BAD_USER_INPUT' },
  sameFirm: { zh: '供方与需方不能是同一家企业', en: 'the supplier and the buyer must be two firms', code: 'BAD_USER_INPUT' },
  alreadySupplies: { zh: '该企业当年已向需方供应此环节产品', en: 'already supplies the buyer in this segment that year', code: 'BAD_USER_INPUT' },
  openIntroduction: { zh: '双方在该环节已有进行中的对接', en: 'the two firms already have an open introduction for this segment', code: 'BAD_USER_INPUT' },
  userScope: { zh: '账号的角色与所属区县或企业不符', en: "does not fit the account's role", code: 'BAD_USER_INPUT' },
  usernameTaken: { zh: '用户名已被占用', en: 'the username is taken', code: 'BAD_USER_INPUT' },
  disableSelf: { zh: '不能停用自己的账号', en: 'you cannot disable your own account', code: 'BAD_USER_INPUT' },
  noSuchUser: { zh: '用户不存在', en: 'no such user', code: 'NOT_FOUND' },
} as const satisfies Record<string, Record<Lang, string> & { code: RefusalCode }>;

export type RefusalCode = 'BAD_USER_INPUT' | 'FORBIDDEN' | 'NOT_FOUND';
export type RefusalReason = keyof typeof TEXT;

/** One refused field: `field` is the input's own key (`districtCode`, `buyerId`), never a column label. */
export interface Refusal {
  field: string;
  reason: RefusalReason;
  /** The value refused, quoted in the message where it helps (an unknown code). */
  value?: string;
  /** Fields the refusal is about when several are (the roles a firm's staff may not change). */
  fields?: readonly string[];
  /** A rule's own explanation where the reason's words are too general (an account's scope). */
  detail?: string;
}

export function refusalCode(refusal: Refusal): RefusalCode {
  return TEXT[refusal.reason].code;
}

/** The reason in words, naming the fields it is about; the refused value is shown beside it by the caller. */
export function refusalText(refusal: Refusal, lang: Lang): string {
  const text = refusal.detail ?? TEXT[refusal.reason][lang];
  return refusal.fields && refusal.fields.length > 0 ? `${text} (${refusal.fields.join(', ')})` : text;
}

/** A command refused its input: nothing was written. The first refusal is the one an API answer names. */
export class CommandRefused extends Error {
  override name = 'CommandRefused';
  constructor(readonly refusals: readonly [Refusal, ...Refusal[]]) {
    super(refusals.map((r) => `${r.field}: ${refusalText(r, 'en')}${r.value === undefined ? '' : ` ${JSON.stringify(r.value)}`}`).join('; '));
  }
}
