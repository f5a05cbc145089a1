import type { ColumnSpec } from './columns';
import type { Cell, SheetRow } from './read-table';

export interface HeaderProblem {
  kind: 'missingColumn' | 'unknownColumn' | 'duplicateColumn';
  /** Excel row of the header; the column's text (as in the file, or the expected name). */
  row: number;
  spec: ColumnSpec | null;
  value: string | null;
}

export interface HeaderMap {
  /** For each column spec, the cell index holding it, or -1 when the file lacks the column. */
  index: Map<string, number>;
  /** Rows taken by headers (one or two); data starts after them. */
  headerRows: number;
  problems: HeaderProblem[];
}

const normalise = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/**
 * The spec a header cell names, if any. Accepted: the Chinese label, the English key, or both in
 * either order, with or without brackets or a line break between them ("企业名称 nameZh",
 * "企业名称(nameZh)", "nameZh 企业名称"). NFKC folds full-width brackets and letters.
 */
export function matchHeader(cell: Cell, specs: readonly ColumnSpec[]): ColumnSpec | null {
  if (cell === null || cell === '') return null;
  const text = normalise(String(cell)).replace(/[()[\]]/g, '');
  for (const spec of specs) {
    const zh = normalise(spec.zh).replace(/[()[\]]/g, '');
    const en = spec.key.toLowerCase();
    if (text === zh || text === en || text === zh + en || text === en + zh) return spec;
  }
  return null;
}

const isBlank = (c: Cell) => c === null || (typeof c === 'string' && c.trim() === '');

/**
 * Reads the header row, and a second one when every filled cell of the row after it also names
 * a column (the templates' English row under the Chinese one). A data row never qualifies: its
 * cells are values, not column names.
 */
export function mapHeaders(rows: readonly SheetRow[], specs: readonly ColumnSpec[]): HeaderMap {
  const [first, second] = rows;
  const problems: HeaderProblem[] = [];
  const index = new Map<string, number>(specs.map((s) => [s.key, -1]));
  if (!first) return { index, headerRows: 0, problems };

  first.cells.forEach((cell, i) => {
    if (isBlank(cell)) return;
    const spec = matchHeader(cell, specs);
    if (!spec) {
      problems.push({ kind: 'unknownColumn', row: first.row, spec: null, value: String(cell) });
    } else if ((index.get(spec.key) ?? -1) >= 0) {
      problems.push({ kind: 'duplicateColumn', row: first.row, spec, value: String(cell) });
    } else {
      index.set(spec.key, i);
    }
  });
  for (const spec of specs) {
    if (spec.required && index.get(spec.key) === -1) problems.push({ kind: 'missingColumn', row: first.row, spec, value: null });
  }

  const filled = second?.cells.filter((c) => !isBlank(c)) ?? [];
  const secondIsHeader = filled.length > 0 && filled.every((c) => matchHeader(c, specs) !== null);
  return { index, headerRows: secondIsHeader ? 2 : 1, problems };
}
