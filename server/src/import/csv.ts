import type { Cell, SheetRow } from './read-table';

/**
 * A CSV reader for large files: lines without a quote (nearly all of an ERP export) are split
 * directly; a line with one goes through the quote-aware scanner, which may run over line breaks
 * inside quotes. Rows are numbered by record, as Excel numbers them. csv-parse took about 20 µs a
 * row and held every record; this yields rows one at a time for the validator to drop.
 */
export function* parseCsv(text: string): Generator<SheetRow> {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let row = 0;
  while (pos < text.length) {
    row++;
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const line = text.slice(pos, end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    if (!line.includes('"')) {
      yield { row, cells: line.split(',') };
      pos = end + 1;
      continue;
    }
    const [cells, next] = quotedRecord(text, pos);
    yield { row, cells };
    pos = next;
  }
}

/** One record starting at `start`, honouring quotes; returns its cells and where the next begins. */
function quotedRecord(text: string, start: number): [Cell[], number] {
  const cells: Cell[] = [];
  let field = '';
  let i = start;
  let quoted = false;
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
      }
      i++;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(field);
      field = '';
    } else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
      cells.push(field);
      return [cells, ch === '\n' ? i + 1 : i + 2];
    } else field += ch;
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
