import { restoreCell, trimText } from '@yulian/schema';
import { LIST_SEPARATORS, type CellType } from './columns';
import type { Cell } from './read-table';

export type CellValue = string | number | boolean | string[] | undefined;

export type CellResult = { ok: true; value: CellValue } | { ok: false; problem: 'badNumber' | 'badBool' | 'badDate' };

const TRUE = new Set(['是', 'true', 'yes', 'y', '1', '√', 'x']);
const FALSE = new Set(['否', 'false', 'no', 'n', '0']);

/**
 * Words Excel users type for the enum codes. Codes themselves are accepted in any case; exports
 * write the codes, so a round trip does not depend on this table.
 */
const ALIASES: Readonly<Record<string, string>> = {
  供货: 'SUPPLY', 供应: 'SUPPLY', 废料返还: 'SCRAP_RETURN', 废料回收: 'SCRAP_RETURN', 报废料返还: 'SCRAP_RETURN',
  预计: 'EXPECTED', 执行中: 'ACTIVE', 进行中: 'ACTIVE', 已完成: 'COMPLETED', 已取消: 'CANCELLED',
  设备: 'EQUIPMENT', 技术: 'TECHNOLOGY', 订单: 'ORDERS', 管理: 'MANAGEMENT',
  // Target stages, as the bureau's own list names them (investment/export-rows.ts STAGE_ZH).
  线索: 'LEAD', 接洽: 'CONTACTED', 洽谈: 'NEGOTIATING', 签约: 'SIGNED', 已签约: 'SIGNED', 开工: 'STARTED',
  已开工: 'STARTED', 投产: 'PRODUCING', 已投产: 'PRODUCING', 放弃: 'DROPPED', 已放弃: 'DROPPED',
};

const APOSTROPHE = 0x27;

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

const ENUM_KEYS = new Set(['kind', 'status', 'kinds', 'stage']);

const enumValue = (text: string) => ALIASES[text] ?? text.toUpperCase();

/**
 * A cell's text as the value the zod schema expects. Blank is undefined, so schema defaults
 * (status ACTIVE, flags false) apply. Numbers accept thousands separators and a percent sign
 * ("90%" is 0.9), as Excel users write them.
 */
export function convertCell(raw: Cell, type: CellType, key: string): CellResult {
  // Exports put an apostrophe before text a spreadsheet would run as a formula (write-table.ts):
  // that one apostrophe comes off here, so an export imports back unchanged.
  const cell = typeof raw === 'string' && raw.charCodeAt(0) === APOSTROPHE ? restoreCell(raw) : raw;
  // Text is trimmed as the shared schemas trim it (trimText keeps a U+FEFF for them to refuse).
  if (cell === null || (typeof cell === 'string' && trimText(cell) === '')) return { ok: true, value: undefined };
  switch (type) {
    case 'number': {
      if (typeof cell === 'number') return { ok: true, value: cell };
      // Plain decimals, nearly every cell of a large file, skip the normalisation below.
      if (PLAIN_NUMBER.test(cell as string)) return { ok: true, value: Number(cell) };
      const text = String(cell).trim().replace(/[,，\s]/g, '');
      const percent = text.endsWith('%');
      const body = percent ? text.slice(0, -1) : text;
      if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(body)) return { ok: false, problem: 'badNumber' };
      const n = Number(body);
      return { ok: true, value: percent ? n / 100 : n };
    }
    case 'bool': {
      if (typeof cell === 'boolean') return { ok: true, value: cell };
      const text = String(cell).trim().toLowerCase();
      if (TRUE.has(text)) return { ok: true, value: true };
      if (FALSE.has(text)) return { ok: true, value: false };
      return { ok: false, problem: 'badBool' };
    }
    case 'list': {
      const items = String(cell).split(LIST_SEPARATORS).map(trimText).filter((s) => s !== '');
      return { ok: true, value: ENUM_KEYS.has(key) ? items.map(enumValue) : items };
    }
    case 'date':
      return dateCell(cell);
    case 'string': {
      const text = typeof cell === 'string' ? trimText(cell) : String(cell);
      return { ok: true, value: ENUM_KEYS.has(key) ? enumValue(text) : text };
    }
  }
}

/** 2025-03-18, 2025/3/18, 2025.3.18 or 2025年3月18日: the ways Chinese Excel writes a day. */
const DAY = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/**
 * A day as YYYY-MM-DD; the zod schema then checks it is a real date. XLSX date cells arrive as
 * YYYY-MM-DD already (read-table.ts). A bare number is refused rather than guessed at as an Excel
 * serial: a cell that lost its date format would otherwise turn into a plausible wrong day.
 */
function dateCell(cell: Exclude<Cell, null>): CellResult {
  if (typeof cell !== 'string') return { ok: false, problem: 'badDate' };
  const match = cell.trim().match(DAY);
  if (!match) return { ok: false, problem: 'badDate' };
  const [, y, m, d] = match;
  return { ok: true, value: `${y}-${(m ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}` };
}
