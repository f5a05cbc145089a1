/**
 * One column spec per import kind. A spreadsheet's header cell may be the Chinese label, the
 * English key, or both ("企业名称 nameZh", "企业名称 (nameZh)" or the two on separate lines), so
 * a template edited by a Chinese or an English user, or exported by either, reads back the same.
 * Templates and exports carry two header rows: Chinese labels, then English keys.
 */

export const IMPORT_KINDS = ['firms', 'capabilities', 'needs', 'orders', 'supports', 'targets'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

/** How a cell's text becomes a value; the zod schemas then judge the value. */
export type CellType = 'string' | 'number' | 'bool' | 'list' | 'date';

export interface ColumnSpec {
  key: string;
  zh: string;
  type: CellType;
  /** The file must have this column (its cells may still be checked further by zod). */
  required: boolean;
}

const col = (key: string, zh: string, type: CellType = 'string', required = false): ColumnSpec => ({ key, zh, type, required });

export const KIND_COLUMNS: Readonly<Record<ImportKind, readonly ColumnSpec[]>> = {
  firms: [
    col('id', '企业编号'),
    col('nameZh', '企业名称', 'string', true),
    col('nameEn', '英文名称', 'string', true),
    col('shortNameZh', '简称'),
    col('shortNameEn', '英文简称'),
    col('districtCode', '区县代码', 'string', true),
    col('creditCode', '统一社会信用代码'),
    col('isChainLeader', '链主企业', 'bool'),
    col('isOem', '整车企业', 'bool'),
    col('isRecycler', '回收企业', 'bool'),
    col('outputCny', '产值（元）', 'number'),
    col('outputYear', '产值年份', 'number'),
    col('yieldRate', '良品率', 'number'),
    col('certifications', '认证', 'list'),
    col('lat', '纬度', 'number'),
    col('lng', '经度', 'number'),
    col('notes', '备注'),
    col('synthetic', '合成数据', 'bool'),
    col('source', '来源'),
  ],
  capabilities: [
    col('firmId', '企业编号', 'string', true),
    col('segmentCode', '环节代码', 'string', true),
    col('capacity', '产能', 'number'),
    col('unit', '单位'),
    col('utilisation', '产能利用率', 'number'),
    col('yieldRate', '良品率', 'number'),
    col('source', '来源'),
  ],
  needs: [
    col('firmId', '企业编号', 'string', true),
    col('segmentCode', '环节代码', 'string', true),
    col('annualDemand', '年需求量', 'number'),
    col('unit', '单位'),
    col('source', '来源'),
  ],
  orders: [
    col('id', '订单编号', 'string', true),
    col('kind', '订单类型', 'string', true),
    col('supplierId', '供方企业编号', 'string', true),
    col('buyerId', '需方企业编号', 'string', true),
    col('segmentCode', '环节代码', 'string', true),
    col('year', '年份', 'number', true),
    col('amountCny', '金额（元）', 'number', true),
    col('quantity', '数量', 'number'),
    col('unit', '单位'),
    col('status', '状态'),
    col('synthetic', '合成数据', 'bool'),
    col('source', '来源'),
  ],
  supports: [
    col('fromFirmId', '帮扶企业编号', 'string', true),
    col('toFirmId', '受扶企业编号', 'string', true),
    col('kinds', '帮扶方式', 'list', true),
    col('since', '起始时间'),
    col('synthetic', '合成数据', 'bool'),
    col('source', '来源'),
  ],
  /**
   * Investment-promotion targets (招商目标), upserted by id. The dates are days (China Standard
   * Time) of the target's history: when it was filed and when it reached each milestone stage.
   * target-rules.ts says what a row may set on creation and on update.
   */
  targets: [
    col('id', '目标编号', 'string', true),
    col('name', '目标名称', 'string', true),
    col('districtCode', '区县代码', 'string', true),
    col('segmentCode', '环节代码', 'string', true),
    col('stage', '阶段', 'string', true),
    col('firmId', '目标企业编号'),
    col('leaderId', '链主企业编号'),
    col('agreementCny', '协议金额（元）', 'number'),
    col('investmentCny', '计划投资额（元）', 'number'),
    col('fundsInPlaceCny', '到位资金（元）', 'number'),
    col('expectedOutputCny', '预计产值（元）', 'number'),
    col('owner', '责任人'),
    col('contact', '联系方式'),
    col('notes', '备注'),
    col('dropReason', '放弃原因'),
    col('createdOn', '建档日期', 'date'),
    col('signedOn', '签约日期', 'date'),
    col('startedOn', '开工日期', 'date'),
    col('producingOn', '投产日期', 'date'),
    col('droppedOn', '放弃日期', 'date'),
    col('synthetic', '合成数据', 'bool'),
    col('source', '来源'),
  ],
};

/** Separators accepted between list items in one cell; exports write the first. */
export const LIST_SEPARATORS = /[;；、]/;
export const LIST_JOIN = ';';

/** A column's name as the user reads it in error reports: the Chinese label or the English key. */
export function columnName(spec: ColumnSpec, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? spec.zh : spec.key;
}
