import { once } from 'node:events';
import zlib from 'node:zlib';

/**
 * Hand-made XLSX files for the import's hostile-file tests: a zip written part by part, so a test
 * can make a sheet of millions of rows from a few hundred kilobytes (a zip bomb), lie in the zip's
 * directory about how big a part is, or hand over a part that is not XML at all. The sheet's
 * rows are streamed through the compressor, so the test itself never holds the unpacked sheet.
 */

export interface Part {
  name: string;
  /** The part's bytes, or its pieces in order (streamed through the compressor). */
  data: string | Buffer | Iterable<string | Buffer>;
  /** Written uncompressed (method 0) instead of deflated. */
  stored?: boolean;
  /** The size the zip's headers declare, from the true one (a lie, when it differs). */
  declare?: (size: number) => number;
}

interface Packed {
  name: Buffer;
  method: number;
  crc: number;
  size: number;
  packed: Buffer;
}

async function pack(part: Part): Promise<Packed> {
  const pieces = typeof part.data === 'string' || Buffer.isBuffer(part.data) ? [part.data] : part.data;
  const name = Buffer.from(part.name);
  if (part.stored) {
    const data = Buffer.concat([...pieces].map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
    return { name, method: 0, crc: zlib.crc32(data), size: data.length, packed: data };
  }
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  let crc = 0;
  let size = 0;
  for (const piece of pieces) {
    const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
    crc = zlib.crc32(bytes, crc);
    size += bytes.length;
    if (!deflate.write(bytes)) await once(deflate, 'drain');
  }
  deflate.end();
  await once(deflate, 'end');
  return { name, method: 8, crc, size, packed: Buffer.concat(out) };
}

export async function zipFile(parts: readonly Part[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const p = await pack(part);
    const declared = Math.max(0, Math.min(0xffffffff, part.declare ? part.declare(p.size) : p.size));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(p.method, 8);
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.packed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(p.name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(p.method, 10);
    central.writeUInt32LE(p.crc, 16);
    central.writeUInt32LE(p.packed.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(p.name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, p.name, p.packed);
    centrals.push(central, p.name);
    offset += local.length + p.name.length + p.packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const columnLetters = (index: number): string => (index < 26 ? '' : columnLetters(Math.floor(index / 26) - 1)) + String.fromCharCode(65 + (index % 26));

/**
 * One sheet row of inline strings and numbers, numbered as Excel numbers it (exceljs, the old
 * reader, needs the references). A bomb repeats one row with the same number: identical bytes.
 */
export function rowXml(cells: readonly (string | number)[], row: number): string {
  const c = cells.map((v, i) => {
    const ref = `${columnLetters(i)}${row}`;
    return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
  });
  return `<row r="${row}">${c.join('')}</row>`;
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** The workbook around a first sheet whose XML is `sheetData` pieces (rows). */
export function workbookParts(sheetData: Iterable<string>, sheetPart?: Partial<Part>): Part[] {
  return [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: (function* () {
        yield SHEET_HEAD;
        yield* sheetData;
        yield SHEET_TAIL;
      })(),
      ...sheetPart,
    },
  ];
}

/** `count` copies of `row`, batched into pieces of about a megabyte for the compressor. */
export function* repeated(row: string, count: number): Generator<string> {
  const perPiece = Math.max(1, Math.floor(1_000_000 / row.length));
  const piece = row.repeat(perPiece);
  let left = count;
  for (; left >= perPiece; left -= perPiece) yield piece;
  if (left > 0) yield row.repeat(left);
}

/** An XLSX workbook whose first sheet holds these rows. */
export function xlsxOf(rows: readonly (readonly (string | number)[])[]): Promise<Buffer> {
  return zipFile(workbookParts(rows.map((cells, i) => rowXml(cells, i + 1))));
}
