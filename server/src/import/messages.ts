import type { FileProblem } from './decode';
import { LIMIT_ENV, type ReadLimit } from './read-limits';

export type Lang = 'zh' | 'en';

/** Every message the importer writes itself, in both languages. */
const TEXT = {
  missingColumn: { zh: '缺少必填列', en: 'required column is missing' },
  unknownColumn: { zh: '无法识别的列', en: 'unknown column' },
  duplicateColumn: { zh: '列重复', en: 'column appears twice' },
  required: { zh: '不能为空', en: 'must not be empty' },
  badNumber: { zh: '不是有效的数字', en: 'is not a number' },
  badBool: { zh: '应为 是/否 或 true/false', en: 'must be yes/no or true/false' },
  unknownFirm: { zh: '企业不存在', en: 'no such firm' },
  unknownSegment: { zh: '产业链环节不存在', en: 'no such segment' },
  unknownDistrict: { zh: '区县代码不存在', en: 'no such district' },
  newFirmNeedsId: { zh: '新企业须填写企业编号', en: 'a new firm needs an id' },
  matchConflict: { zh: '信用代码或名称对应的是另一家企业', en: 'the credit code or name belongs to another firm' },
  forbidden: { zh: '无权导入此行', en: 'you may not change this row' },
  orderMoved: { zh: '不能把他方订单改为己方订单', en: 'this order belongs to other parties' },
  badDate: { zh: '不是有效的日期，应如 2025-03-18', en: 'is not a date such as 2025-03-18' },
  targetDistrictFixed: {
    zh: '目标所属区县不能修改，请在另一区县新建目标',
    en: 'cannot change: the target belongs to another district; create a new target there',
  },
  targetDropped: { zh: '已放弃的目标不能再变更阶段，请新建目标', en: 'a dropped target cannot move; create a new target instead' },
  targetProducing: { zh: '已投产的目标不能再变更阶段', en: 'a target in production is done and cannot move' },
  dropReasonRequired: { zh: '放弃目标须填写放弃原因', en: 'is required to drop a target' },
  dropReasonNotDropped: { zh: '只有已放弃的目标填写放弃原因', en: 'only a dropped target has a drop reason' },
  agreementRequired: { zh: '签约及以后阶段须填写协议金额（元）', en: 'is required from SIGNED on: give the agreement amount in CNY' },
  dateRequired: { zh: '目标已到此阶段，须填写该日期', en: 'is required: the target has reached this stage' },
  stageNotReached: { zh: '目标未到此阶段，不能填写该日期', en: 'the target has not reached this stage' },
  dateFixed: { zh: '与已记录的日期不同：阶段历史只增不改', en: 'differs from the recorded date: the history cannot be changed' },
  dateInFuture: { zh: '不能晚于今天', en: 'must not be in the future' },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof TEXT;

export function message(key: MessageKey, lang: Lang): string {
  return TEXT[key][lang];
}

export function duplicateMessage(firstRow: number, lang: Lang): string {
  return lang === 'zh' ? `与第 ${firstRow} 行重复` : `duplicates row ${firstRow}`;
}

/** A move that skips a stage or goes back (investment/stages.ts checkMove). */
export function stageStepMessage(from: string, next: string | null, lang: Lang): string {
  if (lang === 'zh') return `只能改为 ${next ? `${next} 或 ` : ''}DROPPED：目标阶段须从 ${from} 逐级推进`;
  return `must be ${next ? `${next} or ` : ''}DROPPED: a target moves one stage at a time from ${from}`;
}

/** A day before another the row or the store gives (named by its column or as the last change). */
export function dateOrderMessage(earlier: string, lang: Lang): string {
  return lang === 'zh' ? `不能早于${earlier}` : `must not be before ${earlier}`;
}

const FILE_TEXT: Record<FileProblem, Record<Lang, string>> = {
  empty: { zh: '文件为空', en: 'the file is empty' },
  noDataRows: { zh: '文件只有表头，没有数据行', en: 'the file has headers but no data rows' },
  notSpreadsheet: {
    zh: '不是表格文件：请上传 CSV（UTF-8 或 GBK 编码）或 XLSX 文件',
    en: 'not a spreadsheet: upload a CSV (UTF-8 or GBK) or XLSX file',
  },
  legacyXls: { zh: '不支持旧版 .xls 文件，请另存为 .xlsx 或 CSV', en: 'old .xls files are not supported: save as .xlsx or CSV' },
  badXlsx: { zh: '无法读取该 XLSX 文件', en: 'the XLSX file cannot be read' },
};

export function fileMessage(problem: FileProblem, lang: Lang): string {
  return FILE_TEXT[problem][lang];
}

/**
 * The shared validators speak English (they serve the API too); the importer answers Chinese by
 * default, so their fixed phrasings are translated here. Anything unlisted stays English rather
 * than being guessed at.
 */
const ZOD_ZH: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^must not be empty$/, () => '不能为空'],
  [/^must be at most (\d+) characters$/, (m) => `最多 ${m[1]} 个字符`],
  [/^may contain only letters, digits, (.*)$/, () => '只能包含字母、数字、“.”、“_”和“-”'],
  [/^must not be negative$/, () => '不能为负数'],
  [/^must be between 0 and 1$/, () => '必须在 0 到 1 之间'],
  [/^must be a whole year$/, () => '必须是整数年份'],
  [/^must be 1990 or later$/, () => '不能早于 1990 年'],
  [/^must be 2100 or earlier$/, () => '不能晚于 2100 年'],
  [/^must be an 18-character unified social credit code$/, () => '必须是 18 位统一社会信用代码'],
  [/^is larger than any plausible (.*)$/, () => '数值过大，请检查单位'],
  [/^a firm cannot order from itself$/, () => '供方与需方不能是同一家企业'],
  [/^must name at least one kind of support$/, () => '至少填写一种帮扶方式'],
  [/^must be an ISO date such as 2024-07$/, () => '日期格式应如 2024-07'],
  [/^must be a date such as (.*)$/, (m) => `日期格式应如 ${m[1]}`],
  [/^must be more than 0$/, () => '必须大于 0'],
  [/^must not exceed investmentCny$/, () => '不能超过计划投资额'],
  [/^must not contain quotes(.*)$/, () => '不能包含引号、括号、分号、尖括号或反斜杠'],
  [/^must not contain invisible characters \((U\+[0-9A-F]+) at character (\d+)\)$/, (m) => `不能包含不可见字符（第 ${m[2]} 个字符 ${m[1]}）`],
  [/^must not contain text direction controls \((U\+[0-9A-F]+) at character (\d+)\)$/, (m) => `不能包含文字方向控制符（第 ${m[2]} 个字符 ${m[1]}）`],
  [/^must not contain control characters \((U\+[0-9A-F]+) at character (\d+)\)$/, (m) => `不能包含控制字符（第 ${m[2]} 个字符 ${m[1]}）`],
  [/^must be a single line \(a line break at character (\d+)\)$/, (m) => `只能填写一行（第 ${m[1]} 个字符是换行）`],
  [/^Invalid option: expected one of (.*)$/, (m) => `应为以下之一：${m[1]}`],
  [/^Too big: expected number to be <=?(.*)$/, (m) => `不能大于 ${m[1]}`],
  [/^Too small: expected number to be >=?(.*)$/, (m) => `不能小于 ${m[1]}`],
  [/^Too big: expected array to have <=?(\d+) items$/, (m) => `最多 ${m[1]} 项`],
];

export function validatorMessage(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  for (const [pattern, zh] of ZOD_ZH) {
    const match = text.match(pattern);
    if (match) return zh(match);
  }
  return text;
}

/** Characters of a cell, a header or a message an answer repeats back; the rest is cut. */
export const MAX_ECHO_CHARS = 200;

/**
 * A value echoed back in an answer, cut to MAX_ECHO_CHARS and marked with "…": a row error
 * names the cell it is about, it does not carry the cell back (a 30,000-character cell would
 * otherwise come back once for every check it fails).
 */
export function clipEcho<T extends string | null>(text: T): T {
  if (text === null || text.length <= MAX_ECHO_CHARS) return text;
  return `${text.slice(0, MAX_ECHO_CHARS)}…` as T;
}

const LIMIT_TEXT: Record<ReadLimit, Record<Lang, (max: number) => string>> = {
  maxRows: { zh: (n) => `表格超过 ${n} 行的上限`, en: (n) => `the sheet has more than the limit of ${n} rows` },
  maxColumns: { zh: (n) => `一行中有内容的列超过 ${n} 列的上限`, en: (n) => `a row has values in more than the limit of ${n} columns` },
  maxCellChars: { zh: (n) => `单元格超过 ${n} 个字符的上限`, en: (n) => `a cell is longer than the limit of ${n} characters` },
  maxUnzippedBytes: { zh: (n) => `XLSX 文件解压后超过 ${n} 字节的上限`, en: (n) => `the XLSX file unpacks to more than the limit of ${n} bytes` },
  maxInflateRatio: {
    zh: (n) => `XLSX 文件的压缩比超过 ${n}:1 的上限（疑似压缩炸弹）`,
    en: (n) => `the XLSX file is packed tighter than the limit of ${n}:1 (as a zip bomb is)`,
  },
  maxReadSeconds: { zh: (n) => `读取文件超过 ${n} 秒的上限`, en: (n) => `reading the file took longer than the limit of ${n} seconds` },
};

/** A read limit that was hit, naming the setting that raises it. */
export function limitMessage(limit: ReadLimit, max: number, row: number | null, lang: Lang): string {
  const text = LIMIT_TEXT[limit][lang](max);
  if (lang === 'zh') return `${row === null ? '' : `第 ${row} 行：`}${text}（${LIMIT_ENV[limit]}）`;
  return `${row === null ? '' : `row ${row}: `}${text} (${LIMIT_ENV[limit]})`;
}
