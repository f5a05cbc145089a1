import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { neutraliseText } from '@yulian/schema';
import { KIND_COLUMNS, LIST_JOIN, type ImportKind } from './columns';

export type ExportFormat = 'csv' | 'xlsx';
export type ExportValue = string | number | boolean | string[] | null | undefined;
export type ExportRow = Readonly<Record<string, ExportValue>>;

/** The two header rows every template and export starts with: Chinese labels, then English keys. */
export function headerRows(kind: ImportKind): [string[], string[]] {
  const specs = KIND_COLUMNS[kind];
  return [specs.map((s) => s.zh), specs.map((s) => s.key)];
}

/**
 * Text cells go through neutraliseText (a name or note starting with `=` would otherwise run as a
 * formula in whoever opens the file); numbers and booleans are written as they are, so a negative
 * number stays a number. The importer takes the added apostrophe off again (cells.ts).
 */
function csvCell(value: ExportValue): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return neutraliseText(value.join(LIST_JOIN));
  return typeof value === 'string' ? neutraliseText(value) : String(value);
}

function xlsxCell(value: ExportValue): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return neutraliseText(value.join(LIST_JOIN));
  return typeof value === 'string' ? neutraliseText(value) : value;
}

const PAGE = 5_000;

/**
 * Writes a kind's rows in the template layout. CSV is UTF-8 with a byte-order mark, which Excel
 * needs to show Chinese correctly; XLSX is streamed so a million rows never sit in memory as cells.
 */
export async function writeTable(format: ExportFormat, kind: ImportKind, rows: AsyncIterable<ExportRow>, out: Writable): Promise<void> {
  const keys = KIND_COLUMNS[kind].map((s) => s.key);
  if (format === 'csv') {
    const write = (chunk: string) => new Promise<void>((resolve, reject) => {
      if (out.write(chunk)) resolve();
      else out.once('drain', resolve).once('error', reject);
    });
    await write('\uFEFF' + stringify(headerRows(kind)));
    let page: string[][] = [];
    for await (const row of rows) {
      page.push(keys.map((k) => csvCell(row[k])));
      if (page.length === PAGE) {
        await write(stringify(page));
        page = [];
      }
    }
    if (page.length > 0) await write(stringify(page));
    out.end();
    return;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(kind, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = keys.map((key) => ({ key, width: Math.max(12, key.length + 4) }));
  for (const header of headerRows(kind)) {
    const row = sheet.addRow(header);
    row.font = { bold: true };
    row.commit();
  }
  for await (const row of rows) sheet.addRow(keys.map((k) => xlsxCell(row[k]))).commit();
  sheet.commit();
  await workbook.commit();
}
