import { countLines, parseCsv } from './csv';
import { decodeText, sniffFormat, type SpreadsheetFormat } from './decode';
import { defaultReadLimits, ReadBudget, type ReadLimits } from './read-limits';
import { readXlsx } from './xlsx';

export type Cell = string | number | boolean | null;

/** One spreadsheet row with the number Excel shows beside it (1-based, header rows included). */
export interface SheetRow {
  row: number;
  cells: Cell[];
}

export interface Sheet {
  format: SpreadsheetFormat;
  /** Rows in order, blank ones skipped; read once, lazily, within the read limits. */
  rows: Iterable<SheetRow>;
  /** At least the number of rows read so far, for progress before the end is reached. */
  readonly estimatedRows: number;
}

const isBlankRow = (r: SheetRow) => r.cells.every((c) => c === null || c === '');

function* nonBlank(rows: Iterable<SheetRow>): Generator<SheetRow> {
  for (const r of rows) if (!isBlankRow(r)) yield r;
}

/**
 * Reads the first worksheet of an XLSX file or a CSV file (comma, UTF-8 or GBK). Rows come one at
 * a time as the validator asks for them; the limits (read-limits.ts) are checked as they come and
 * an ImportLimitError ends the read. The clock starts here.
 */
export async function readSheet(buf: Uint8Array, limits: ReadLimits = defaultReadLimits): Promise<Sheet> {
  const budget = new ReadBudget(limits);
  const format = sniffFormat(buf);
  if (format === 'xlsx') {
    const { rows, estimatedRows } = readXlsx(buf, budget);
    return {
      format,
      rows: nonBlank(rows),
      get estimatedRows() {
        return estimatedRows();
      },
    };
  }
  const text = decodeText(buf);
  return { format, rows: nonBlank(parseCsv(text, budget)), estimatedRows: countLines(text) };
}
