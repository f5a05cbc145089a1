/**
 * The store changed between a command's decision and its write (a target moved by someone else,
 * a firm deleted meanwhile): nothing was written, and the caller should reload and try again.
 * The API answers it as a refused input, an import as 409.
 */
export class WriteConflict extends Error {
  override name = 'WriteConflict';
}
