/**
 * CSV as Excel in China opens it: UTF-8 with a byte-order mark (without it Excel reads GBK and
 * garbles Chinese), CRLF line ends, fields quoted when they hold a comma, quote or line break, and
 * cells that a spreadsheet would run as a formula (=, +, -, @ first) prefixed with an apostrophe.
 */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
