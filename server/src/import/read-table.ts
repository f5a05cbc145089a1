import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { decodeText, ImportFileError, sniffFormat, type SpreadsheetFormat } from './decode';

export type Cell = string | number | boolean | null;

/** One spreadsheet row with the number Excel shows beside it (1-based, header rows included). */
export interface SheetRow {
  row: number;
  cells: Cell[];
}

export interface Sheet {
  format: SpreadsheetFormat;
  rows: SheetRow[];
}

/** Reads the first worksheet of an XLSX file or a CSV file (comma, UTF-8 or GBK). */
export async function readSheet(buf: Uint8Array): Promise<Sheet> {
  const format = sniffFormat(buf);
  const rows = format === 'xlsx' ? await readXlsx(buf) : readCsv(decodeText(buf));
  const nonBlank = rows.filter((r) => r.cells.some((c) => c !== null && c !== ''));
  if (nonBlank.length === 0) throw new ImportFileError('empty');
  return { format, rows: nonBlank };
}

function readCsv(text: string): SheetRow[] {
  // Excel numbers rows by record, so a quoted cell spanning lines is still one row.
  const records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  return records.map((cells, i) => ({ row: i + 1, cells }));
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
