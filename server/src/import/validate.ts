import { KIND_COLUMNS, columnName, type ColumnSpec, type ImportKind } from './columns';
import { convertCell, type CellValue } from './cells';
import { ImportFileError } from './decode';
import { mapHeaders } from './headers';
import { KIND_SCHEMAS, provenanceSchema, type KindRecords } from './kinds';
import { message, validatorMessage, type Lang } from './messages';
import type { Cell, Sheet, SheetRow } from './read-table';

/** One problem with the file, as the user will find it in Excel. */
export interface RowError {
  /** Excel's row number; null for a problem with the whole file. */
  row: number | null;
  /** The column's Chinese label (zh) or English key (en); null for a whole row or file. */
  column: string | null;
  value: string | null;
  message: string;
}

export interface ValidRow<T> {
  row: number;
  record: T;
}

export interface Validated<K extends ImportKind> {
  rows: ValidRow<KindRecords[K]>[];
  /** Data rows in the file, valid or not. */
  total: number;
  errors: RowError[];
}

const YIELD_EVERY = 20_000;

const shown = (cell: Cell | undefined): string | null => (cell === undefined || cell === null ? null : String(cell));

/**
 * Turns a sheet into typed records: headers matched, every cell converted, every row checked by
 * the kind's shared zod schema. Each problem names its row and column; a row with any problem
 * yields no record. Rows are consumed one at a time and their cells dropped, so a million-row file
 * is held once as text and once as records. Store checks (unknown firm, duplicates) come after.
 */
export async function validateSheet<K extends ImportKind>(
  kind: K,
  sheet: Sheet,
  lang: Lang,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<Validated<K>> {
  const specs = KIND_COLUMNS[kind];
  const iterator = sheet.rows[Symbol.iterator]();
  const first = iterator.next();
  if (first.done) throw new ImportFileError('empty');
  const second = iterator.next();
  const headerCandidates = second.done ? [first.value] : [first.value, second.value];
  const headers = mapHeaders(headerCandidates, specs);
  const errors: RowError[] = headers.problems.map((p) => ({
    row: p.row,
    column: p.spec ? columnName(p.spec, lang) : p.value,
    value: p.kind === 'missingColumn' ? null : p.value,
    message: message(p.kind, lang),
  }));

  function* dataRows(): Generator<SheetRow> {
    if (headers.headerRows === 1 && !second.done) yield second.value;
    for (let next = iterator.next(); !next.done; next = iterator.next()) yield next.value;
  }

  const schema = KIND_SCHEMAS[kind];
  const byKey = new Map<string, ColumnSpec>(specs.map((s) => [s.key, s]));
  const present = specs.filter((s) => (headers.index.get(s.key) ?? -1) >= 0).map((spec) => ({ spec, at: headers.index.get(spec.key) as number }));
  const rows: ValidRow<KindRecords[K]>[] = [];
  // Without the required columns every row would repeat the same complaint: rows are only counted.
  const missing = errors.some((e) => e.message === message('missingColumn', lang));
  let total = 0;

  const ctx: RowContext = { schema, byKey, present, index: headers.index, specs, lang, orders: kind === 'orders' };
  for (const sheetRow of dataRows()) {
    total++;
    // Give the event loop a turn now and then: progress polls and other requests are answered meanwhile.
    if (total % YIELD_EVERY === 0) {
      onProgress(total, Math.max(total, sheet.estimatedRows));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (missing) continue;
    const record = validateRow(ctx, sheetRow, errors);
    if (record) rows.push({ row: sheetRow.row, record: record as KindRecords[K] });
  }
  if (total === 0 && errors.length === 0) throw new ImportFileError('noDataRows');
  return { rows, total, errors };
}

interface RowContext {
  schema: (typeof KIND_SCHEMAS)[ImportKind];
  byKey: Map<string, ColumnSpec>;
  present: { spec: ColumnSpec; at: number }[];
  index: Map<string, number>;
  specs: readonly ColumnSpec[];
  lang: Lang;
  orders: boolean;
}

/**
 * One row: its record, or null after appending its errors. A plain function, not closures made per
 * row: at a million rows their allocation showed in profiles.
 */
function validateRow(ctx: RowContext, sheetRow: SheetRow, errors: RowError[]): Record<string, unknown> | null {
  const input: Record<string, CellValue> = {};
  const before = errors.length;
  for (const { spec, at } of ctx.present) {
    const converted = convertCell(sheetRow.cells[at] ?? null, spec.type, spec.key);
    if (converted.ok) input[spec.key] = converted.value;
    else errors.push({ row: sheetRow.row, column: columnName(spec, ctx.lang), value: shown(sheetRow.cells[at]), message: message(converted.problem, ctx.lang) });
  }
  const parsed = ctx.schema.safeParse(input);
  if (!parsed.success) for (const issue of parsed.error.issues) reportIssue(ctx, sheetRow, input, errors, before, issue.path, issue.message);
  const provenance = provenanceSchema.safeParse(input);
  if (!provenance.success) for (const issue of provenance.error.issues) reportIssue(ctx, sheetRow, input, errors, before, issue.path, issue.message);
  if (ctx.orders && input.id === undefined) reportIssue(ctx, sheetRow, input, errors, before, ['id'], message('required', ctx.lang));
  if (errors.length > before || !parsed.success || !provenance.success) return null;
  // A fresh object filled in column order: every record of a kind then shares one shape.
  const data = parsed.data as Record<string, unknown>;
  const record: Record<string, unknown> = {};
  for (const spec of ctx.specs) record[spec.key] = data[spec.key] ?? null;
  record.synthetic = provenance.data.synthetic;
  record.source = provenance.data.source ?? null;
  return record;
}

function reportIssue(
  ctx: RowContext,
  sheetRow: SheetRow,
  input: Record<string, CellValue>,
  errors: RowError[],
  rowStart: number,
  path: readonly PropertyKey[],
  text: string,
): void {
  const spec = ctx.byKey.get(String(path[0]));
  const column = spec ? columnName(spec, ctx.lang) : null;
  // Two checks on one cell (a bad number, then "required") would only repeat each other.
  for (let i = rowStart; i < errors.length; i++) if (column !== null && errors[i]?.column === column) return;
  const at = spec ? ctx.index.get(spec.key) ?? -1 : -1;
  errors.push({
    row: sheetRow.row,
    column,
    value: at >= 0 ? shown(sheetRow.cells[at]) : null,
    message: spec && input[spec.key] === undefined && spec.required ? message('required', ctx.lang) : validatorMessage(text, ctx.lang),
  });
}
