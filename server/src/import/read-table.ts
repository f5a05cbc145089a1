import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { countLines, parseCsv } from './csv';
import { decodeText, ImportFileError, sniffFormat, type SpreadsheetFormat } from './decode';

export type Cell = string | number | boolean | null;

/** One spreadsheet row with the number Excel shows beside it (1-based, header rows included). */
export interface SheetRow {
  row: number;
  cells: Cell[];
}

export interface Sheet {
  format: SpreadsheetFormat;
  /** Rows in order, blank ones skipped; read once, lazily for CSV. */
  rows: Iterable<SheetRow>;
  /** At least the number of rows, for progress before the end is reached. */
  estimatedRows: number;
}

const isBlankRow = (r: SheetRow) => r.cells.every((c) => c === null || c === '');

function* nonBlank(rows: Iterable<SheetRow>): Generator<SheetRow> {
  for (const r of rows) if (!isBlankRow(r)) yield r;
}

/** Reads the first worksheet of an XLSX file or a CSV file (comma, UTF-8 or GBK). */
export async function readSheet(buf: Uint8Array): Promise<Sheet> {
  const format = sniffFormat(buf);
  if (format === 'xlsx') {
    const rows = await readXlsx(buf);
    return { format, rows: nonBlank(rows), estimatedRows: rows.length };
  }
  const text = decodeText(buf);
  return { format, rows: nonBlank(parseCsv(text)), estimatedRows: countLines(text) };
}

/** Streams the sheet so a large workbook is not held as exceljs's object model too. */
async function readXlsx(buf: Uint8Array): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(buf)]), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      worksheets: 'emit',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        // row.values is 1-based: index 0 is always empty.
        rows.push({ row: row.number, cells: values.slice(1).map(cellValue) });
      }
      break;
    }
  } catch (error) {
    throw new ImportFileError('badXlsx', error instanceof Error ? error.message : String(error));
  }
  return rows;
}

function cellValue(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (v.richText) return v.richText.map((t) => t.text).join('');
    if (v.result !== undefined) return cellValue(v.result);
    if (typeof v.text === 'string') return v.text;
    if (v.error !== undefined) return String(v.error);
  }
  return String(value);
}
