// The subpath keeps zod and the model (the package's index) out of the web bundle.
import { neutraliseCell } from '@yulian/schema/spreadsheet-cell';

/**
 * CSV as Excel in China opens it: UTF-8 with a byte-order mark (without it Excel reads GBK and
 * garbles Chinese), CRLF line ends, fields quoted when they hold a comma, quote or line break, and
 * text that a spreadsheet would run as a formula prefixed with an apostrophe by the same rule as
 * the server's exports (`neutraliseCell` in @yulian/schema); numbers are left as they are.
 */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(neutraliseCell(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
