/**
 * Cells a spreadsheet would run as a formula (CSV or formula injection, OWASP): text that starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return. Every file Yulian writes for a spreadsheet
 * (the server's CSV and XLSX exports, the target list, the web app's CSV) passes its text through
 * `neutraliseCell`, and the importer reads cells back through `restoreCell`, so an export imports
 * back unchanged.
 *
 * Such text gets a leading apostrophe, which Excel and LibreOffice show as text and never run. Text
 * that already starts with apostrophes before a formula start gets one more, so that the importer
 * can always take exactly one off: `'=x` is written `''=x` and read back as `'=x`. Numbers,
 * booleans and empty cells are left alone: a real negative number stays a number.
 */

const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** Text as it may go into a spreadsheet cell without being run. */
export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell's value for a spreadsheet: text neutralised, anything else as it is. */
export function neutraliseCell<T>(value: T): T | string {
  return typeof value === 'string' ? neutraliseText(value) : value;
}

/**
 * A cell's text as it was before `neutraliseText`: one leading apostrophe is dropped, and only
 * where what follows is a formula start (an apostrophe a user typed before other text stays).
 */
export function restoreCell(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}
