import { ReadBudget } from './read-limits';
import type { Cell, SheetRow } from './read-table';

/**
 * A CSV reader for large files: lines without a quote (nearly all of an ERP export) are split
 * directly; a line with one goes through the quote-aware scanner, which may run over line breaks
 * inside quotes. Rows are numbered by record, as Excel numbers them. csv-parse took about 20 µs a
 * row and held every record; this yields rows one at a time for the validator to drop.
 * Every record is checked against the budget before it is yielded: a line is split into at most
 * one field more than the column limit, and a quoted field stops growing at the cell limit, so
 * neither a line of a million commas nor an unclosed quote costs more than the limits allow.
 */
export function* parseCsv(text: string, budget: ReadBudget = new ReadBudget()): Generator<SheetRow> {
  const { maxColumns, maxCellChars } = budget.limits;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let row = 0;
  while (pos < text.length) {
    row++;
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const line = text.slice(pos, end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    if (!line.includes('"')) {
      const cells = line.split(',', maxColumns + 1);
      budget.row(row, cells.length);
      if (line.length > maxCellChars) for (const cell of cells) budget.cell(cell.length, row);
      yield { row, cells };
      pos = end + 1;
      continue;
    }
    const [cells, next] = quotedRecord(text, pos, row, budget);
    budget.row(row, cells.length);
    yield { row, cells };
    pos = next;
  }
}

/** One record starting at `start`, honouring quotes; returns its cells and where the next begins. */
function quotedRecord(text: string, start: number, row: number, budget: ReadBudget): [Cell[], number] {
  const { maxCellChars } = budget.limits;
  const cells: Cell[] = [];
  let field = '';
  let i = start;
  let quoted = false;
  const endField = () => {
    cells.push(field);
    field = '';
    budget.columns(cells.length, row);
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += ch;
        if (field.length > maxCellChars) budget.cell(field.length, row);
      }
      i++;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
      cells.push(field);
      return [cells, ch === '\n' ? i + 1 : i + 2];
    } else {
      field += ch;
      if (field.length > maxCellChars) budget.cell(field.length, row);
    }
    i++;
  }
  cells.push(field);
  return [cells, i];
}

/** Line breaks in the text: a cheap upper bound on its rows, for progress. */
export function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n : n + 1;
}
