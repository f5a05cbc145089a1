import { KIND_COLUMNS, columnName, type ColumnSpec, type ImportKind } from './columns';
import { convertCell, type CellValue } from './cells';
import { ImportFileError } from './decode';
import { mapHeaders } from './headers';
import { KIND_SCHEMAS, provenanceSchema, type KindRecords } from './kinds';
import { message, validatorMessage, type Lang } from './messages';
import type { Cell, Sheet } from './read-table';

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
  /** Cells as read, for error reports from the store checks. */
  cells: Readonly<Record<string, Cell>>;
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
 * yields no record. Store checks (unknown firm, duplicates) come after, in check-*.ts.
 */
export async function validateSheet<K extends ImportKind>(
  kind: K,
  sheet: Sheet,
  lang: Lang,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<Validated<K>> {
  const specs = KIND_COLUMNS[kind];
  const headers = mapHeaders(sheet.rows, specs);
  const errors: RowError[] = headers.problems.map((p) => ({
    row: p.row,
    column: p.spec ? columnName(p.spec, lang) : p.value,
    value: p.kind === 'missingColumn' ? null : p.value,
    message: message(p.kind, lang),
  }));
  const dataRows = sheet.rows.slice(headers.headerRows);
  if (dataRows.length === 0 && errors.length === 0) throw new ImportFileError('noDataRows');
  // Without the required columns every row would repeat the same complaint.
  if (errors.some((e) => e.message === message('missingColumn', lang))) return { rows: [], total: dataRows.length, errors };

  const schema = KIND_SCHEMAS[kind];
  const byKey = new Map<string, ColumnSpec>(specs.map((s) => [s.key, s]));
  const rows: ValidRow<KindRecords[K]>[] = [];
  const present = specs.filter((s) => (headers.index.get(s.key) ?? -1) >= 0);

  for (const [n, sheetRow] of dataRows.entries()) {
    // Give the event loop a turn now and then: progress polls and other requests are answered meanwhile.
    if (n % YIELD_EVERY === 0 && n > 0) {
      onProgress(n, dataRows.length);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const cells: Record<string, Cell> = {};
    const input: Record<string, CellValue> = {};
    const rowErrors: RowError[] = [];
    for (const spec of present) {
      const cell = sheetRow.cells[headers.index.get(spec.key) as number] ?? null;
      cells[spec.key] = cell;
      const converted = convertCell(cell, spec.type, spec.key);
      if (converted.ok) input[spec.key] = converted.value;
      else rowErrors.push({ row: sheetRow.row, column: columnName(spec, lang), value: shown(cell), message: message(converted.problem, lang) });
    }
    const report = (path: readonly PropertyKey[], text: string) => {
      const spec = byKey.get(String(path[0]));
      // Two checks on one cell (a bad number, then "required") would only repeat each other.
      if (spec && rowErrors.some((e) => e.column === columnName(spec, lang))) return;
      rowErrors.push({
        row: sheetRow.row,
        column: spec ? columnName(spec, lang) : null,
        value: spec ? shown(cells[spec.key]) : null,
        message: spec && input[spec.key] === undefined && spec.required ? message('required', lang) : validatorMessage(text, lang),
      });
    };
    const parsed = schema.safeParse(input);
    if (!parsed.success) for (const issue of parsed.error.issues) report(issue.path, issue.message);
    const provenance = provenanceSchema.safeParse(input);
    if (!provenance.success) for (const issue of provenance.error.issues) report(issue.path, issue.message);
    if (kind === 'orders' && input.id === undefined && !rowErrors.some((e) => e.column === columnName(byKey.get('id') as ColumnSpec, lang))) {
      report(['id'], message('required', lang));
    }
    if (rowErrors.length > 0 || !parsed.success || !provenance.success) {
      errors.push(...rowErrors);
      continue;
    }
    rows.push({ row: sheetRow.row, cells, record: withNulls({ ...(parsed.data as object), ...provenance.data }, specs) as KindRecords[K] });
  }
  return { rows, total: dataRows.length, errors };
}

/** Optional fields left out by the file become null, as the store holds them. */
function withNulls(record: Record<string, unknown>, specs: readonly ColumnSpec[]): Record<string, unknown> {
  for (const key of [...Object.keys(record), ...specs.map((s) => s.key)]) if (record[key] === undefined) record[key] = null;
  return record;
}
