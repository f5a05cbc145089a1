import iconv from 'iconv-lite';

/** Why a file was refused before any row was read; messages.ts words each for the user. */
export type FileProblem = 'empty' | 'notSpreadsheet' | 'legacyXls' | 'badXlsx' | 'noDataRows';

export class ImportFileError extends Error {
  constructor(readonly problem: FileProblem, detail?: string) {
    super(detail ? `${problem}: ${detail}` : problem);
  }
}

export type SpreadsheetFormat = 'csv' | 'xlsx';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

const startsWith = (buf: Uint8Array, magic: readonly number[]) => magic.every((b, i) => buf[i] === b);

/**
 * Tells an XLSX (a zip) from text by content, not by name or content type: browsers send
 * whatever the operating system guesses, and a renamed file is common.
 */
export function sniffFormat(buf: Uint8Array): SpreadsheetFormat {
  if (buf.length === 0) throw new ImportFileError('empty');
  if (startsWith(buf, ZIP_MAGIC)) return 'xlsx';
  if (startsWith(buf, OLE2_MAGIC)) throw new ImportFileError('legacyXls');
  return 'csv';
}

/**
 * Text of a CSV file: UTF-8 (BOM or not) when the bytes are valid UTF-8, else GBK, which Chinese
 * Excel writes by default ("CSV (逗号分隔)"). A file that is neither, or holds control
 * characters no spreadsheet writes, is refused rather than imported as garbage.
 */
export function decodeText(buf: Uint8Array): string {
  const body = startsWith(buf, UTF8_BOM) ? buf.subarray(3) : buf;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    text = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'gbk');
    if (text.includes('\uFFFD')) throw new ImportFileError('notSpreadsheet', 'neither UTF-8 nor GBK text');
  }
  // eslint-disable-next-line no-control-regex -- control characters mark binary content
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text.slice(0, 65_536))) {
    throw new ImportFileError('notSpreadsheet', 'control characters');
  }
  if (text.trim() === '') throw new ImportFileError('empty');
  return text;
}
