import { ImportFileError } from './decode';
import { ImportLimitError, type ReadBudget } from './read-limits';
import type { Cell, SheetRow } from './read-table';
import { feedXml, type XmlHandlers } from './xml-feed';
import { workbookParts, type WorkbookParts } from './xlsx-parts';
import { entryChunks, zipEntries, type ZipEntry } from './zip';

/**
 * The first worksheet of an XLSX file, row by row. The zip is read from its central directory and
 * the sheet XML is unpacked and parsed a slice at a time, each row handed on as soon as it closes:
 * memory holds the packed file, the shared strings and one slice, never the unpacked sheet. Every
 * limit of the budget is checked as the bytes, cells and rows come.
 */

export interface XlsxRows {
  rows: Iterable<SheetRow>;
  /** The sheet's declared last row (<dimension>), else the rows read so far: for progress only. */
  estimatedRows(): number;
}

export function readXlsx(buf: Uint8Array, budget: ReadBudget): XlsxRows {
  const entries = guarded(() => zipEntries(buf));
  const parts = guarded(() => workbookParts(entries, buf, budget));
  const sheet = entries.get(parts.sheetPath.toLowerCase()) as ZipEntry;
  const state = { declaredRows: 0, rowsRead: 0 };
  return {
    rows: guardedRows(sheetRows(buf, sheet, parts, budget, state)),
    estimatedRows: () => Math.max(state.declaredRows, state.rowsRead),
  };
}

/** Anything that goes wrong inside the zip or the XML is a broken file, except a limit. */
function refusal(error: unknown): Error {
  if (error instanceof ImportLimitError || error instanceof ImportFileError) return error;
  return new ImportFileError('badXlsx', error instanceof Error ? error.message : String(error));
}

function guarded<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw refusal(error);
  }
}

function* guardedRows(rows: Generator<SheetRow>): Generator<SheetRow> {
  try {
    yield* rows;
  } catch (error) {
    throw refusal(error);
  }
}

/** "C12" → 3; 0 for a reference without column letters. */
function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20; // lower case
    if (code < 0x61 || code > 0x7a) break;
    column = column * 26 + (code - 0x60);
  }
  return column;
}

/** An Excel serial day as YYYY-MM-DD (the time of day is dropped, as the importer reads days). */
function excelDay(serial: number, date1904: boolean): string {
  const days = Math.floor(serial) + (date1904 ? 1462 : 0);
  return new Date((days - 25569) * 86_400_000).toISOString().slice(0, 10);
}

function cellValue(type: string, text: string, hasText: boolean, style: number, parts: WorkbookParts): Cell {
  if (!hasText) return null;
  switch (type) {
    case 's':
      return parts.sharedStrings[Number(text)] ?? null;
    case 'inlineStr':
    case 'str':
    case 'e':
      return text;
    case 'b':
      return text === '1' || text.toLowerCase() === 'true';
    case 'd': {
      const date = new Date(text);
      return Number.isNaN(date.getTime()) ? text : date.toISOString().slice(0, 10);
    }
    default: {
      if (text.trim() === '') return null;
      const n = Number(text);
      if (Number.isNaN(n)) return text;
      return parts.dateStyles[style] && Number.isFinite(n) && Math.abs(n) < 3e6 ? excelDay(n, parts.date1904) : n;
    }
  }
}

function* sheetRows(buf: Uint8Array, sheet: ZipEntry, parts: WorkbookParts, budget: ReadBudget, state: { declaredRows: number; rowsRead: number }): Generator<SheetRow> {
  const ready: SheetRow[] = [];
  let inData = false;
  let rowNumber = 0;
  let cells: Cell[] = [];
  let column = 0;
  let type = 'n';
  let style = 0;
  let text = '';
  let hasText = false;
  let collecting = false;
  let phonetic = false;

  const handlers: XmlHandlers = {
    open(name, a) {
      if (!inData) {
        if (name === 'sheetData') inData = true;
        else if (name === 'dimension' && a.ref) state.declaredRows = Number(/(\d+)$/.exec(a.ref)?.[1] ?? 0);
        return;
      }
      switch (name) {
        case 'row': {
          const r = a.r === undefined ? rowNumber + 1 : Number(a.r);
          if (!Number.isSafeInteger(r) || r < 1) throw new ImportFileError('badXlsx', `row number ${a.r}`);
          rowNumber = r;
          cells = [];
          column = 0;
          break;
        }
        case 'c':
          column = (a.r === undefined ? 0 : columnOf(a.r)) || column + 1;
          type = a.t ?? 'n';
          style = a.s === undefined ? 0 : Number(a.s);
          text = '';
          hasText = false;
          break;
        case 'v':
          collecting = true;
          hasText = true;
          break;
        case 'rPh':
          phonetic = true;
          break;
        case 't':
          collecting = !phonetic;
          hasText = true;
          break;
      }
    },
    close(name) {
      if (!inData) return;
      switch (name) {
        case 'v':
        case 't':
          collecting = false;
          break;
        case 'rPh':
          phonetic = false;
          break;
        case 'c': {
          const value = cellValue(type, text, hasText, style, parts);
          if (value === null || value === '') break;
          // Only cells that hold something count: Excel writes styled empty cells far to the right.
          budget.columns(column, rowNumber);
          cells[column - 1] = value;
          break;
        }
        case 'row': {
          for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
          budget.row(rowNumber, cells.length);
          state.rowsRead++;
          ready.push({ row: rowNumber, cells });
          break;
        }
        case 'sheetData':
          inData = false;
          break;
      }
    },
    text(chunk) {
      if (!collecting) return;
      text += chunk;
      budget.cell(text.length, rowNumber);
    },
  };

  for (const _ of feedXml(entryChunks(buf, sheet, budget), handlers, budget)) {
    for (const row of ready) yield row;
    ready.length = 0;
  }
}
