import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { zipEntries } from '../../../../server/src/import/zip';
import { templateCsv } from '../../import/helpers';
import type { Random } from '../fuzz/random';
import { zipFile, type Part } from '../xlsx-files';

/**
 * Spreadsheet files for the REST fuzz test: a few well-formed ones (a CSV template and an XLSX
 * workbook written by exceljs, as Excel users' files are) and seeded mutations of them at every
 * level: bytes, CSV quoting and encodings, the zip's structure, and each XML part's text.
 */

const orders = [
  { id: 'fz-1', kind: 'SUPPLY', supplierId: 'aofang', buyerId: 'anrui', segmentCode: 'SURFACE_TREATMENT', year: 2025, amountCny: 1200 },
  { id: 'fz-2', kind: '供货', supplierId: 'aofang', buyerId: 'changan', segmentCode: 'SURFACE_TREATMENT', year: 2024, amountCny: '1,000' },
  { id: 'fz-3', kind: 'SCRAP_RETURN', supplierId: 'aofang', buyerId: 'shunbo', segmentCode: 'SCRAP_AL', year: 2025, amountCny: 300, status: '已完成' },
];

export const baseCsv = (): string => templateCsv('orders', orders);

/** The parts of an XLSX file exceljs writes with shared strings and styles (a date cell as the source, read as its day). */
export async function baseXlsxParts(): Promise<Part[]> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('orders');
  sheet.addRow(['订单编号', '订单类型', '供方企业编号', '需方企业编号', '环节代码', '年份', '金额（元）', '来源']);
  for (const o of orders) {
    const row = sheet.addRow([o.id, o.kind, o.supplierId, o.buyerId, o.segmentCode, o.year, o.amountCny, new Date('2025-03-18T00:00:00Z')]);
    row.getCell(8).numFmt = 'yyyy-mm-dd';
  }
  const buf = new Uint8Array(await workbook.xlsx.writeBuffer());
  const parts: Part[] = [];
  for (const entry of zipEntries(buf).values()) {
    const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    const start = entry.localOffset + 30 + view.getUint16(entry.localOffset + 26, true) + view.getUint16(entry.localOffset + 28, true);
    const packed = buf.subarray(start, start + entry.compressedSize);
    parts.push({ name: entry.name, data: entry.method === 8 ? zlib.inflateRawSync(packed) : Buffer.from(packed) });
  }
  return parts;
}

const SPICE = ['<', '>', '&', '"', "'", ']]>', '<![CDATA[', '&#0;', '&#xD800;', '&nope;', '&amp', '\u0000', '\uFFFF', '\uD800', '𠀀', '<!--', '-->', '<?pi?>', '</row>', '<row>', '<c>', '</c>', '<v>', '</v>', 'r="A0"', 't="s"', 's="9999"'];

/** Text with a few spans inserted, removed or repeated. */
function mutateText(random: Random, text: string): string {
  let out = text;
  for (let n = random.int(1, 4); n > 0; n--) {
    const at = random.int(0, out.length);
    const end = Math.min(out.length, at + random.int(1, 200));
    switch (random.int(0, 3)) {
      case 0:
        out = out.slice(0, at) + random.pick(SPICE) + out.slice(at);
        break;
      case 1:
        out = out.slice(0, at) + out.slice(end);
        break;
      case 2:
        out = out.slice(0, end) + out.slice(at, end).repeat(random.int(2, 50)) + out.slice(end);
        break;
      default:
        out = out.slice(0, at) + String.fromCharCode(random.int(0, 0xffff)) + out.slice(at + 1);
    }
  }
  return out;
}

/** XML-level attacks a parser must survive: entity expansion, deep nesting, huge attributes, odd numbers. */
function hostileSheetXml(random: Random, xml: string): string {
  switch (random.int(0, 7)) {
    case 0: {
      const lol = '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>';
      return xml.replace(/(<\?xml[^>]*\?>)/, `$1${lol}`).replace('<v>', '<v>&c;');
    }
    case 1:
      return xml.replace('<sheetData>', `<sheetData>${'<x>'.repeat(20_000)}${'</x>'.repeat(20_000)}`);
    case 2:
      return xml.replace('<row ', `<row data="${'y'.repeat(random.int(1_000, 400_000))}" `);
    case 3:
      return xml.replace(/<row r="\d+"/, `<row r="${random.pick(['-1', '0', 'abc', '99999999999999999999', '1e3', ''])}"`);
    case 4:
      return xml.replace(/<c r="[A-Z]+(\d+)"/, `<c r="${random.pick(['XFD', 'ZZZZZZ', 'A', '', '1'])}$1"`);
    case 5:
      return xml.replace(/<c r="([A-Z]+\d+)"/g, (_m, ref: string) => `<c r="${ref}" t="${random.pick(['s', 'b', 'e', 'd', 'str', 'n', 'inlineStr', 'zz'])}"`);
    case 6:
      return xml.replace('</sheetData>', `<row>${'<c><v>1</v></c>'.repeat(random.int(200, 400))}</row></sheetData>`);
    default:
      return xml.replace('</sheetData>', `<row><c t="inlineStr"><is><t>${'z'.repeat(random.int(30_000, 40_000))}</t></is></c></row></sheetData>`);
  }
}

const partText = (part: Part): string => (typeof part.data === 'string' ? part.data : Buffer.isBuffer(part.data) ? part.data.toString('utf8') : '');

/** A workbook with one part's XML mutated, or a part dropped, renamed or stored uncompressed. */
export async function mutatedXlsx(random: Random, base: readonly Part[]): Promise<Buffer> {
  const parts = base.map((p) => ({ ...p }));
  const target = random.pick(parts);
  switch (random.int(0, 4)) {
    case 0:
      target.data = mutateText(random, partText(target));
      break;
    case 1: {
      const sheet = parts.find((p) => p.name.includes('worksheets/')) ?? target;
      sheet.data = hostileSheetXml(random, partText(sheet));
      break;
    }
    case 2:
      parts.splice(parts.indexOf(target), 1);
      break;
    case 3:
      target.name = random.pick(['', '/', '../evil.xml', target.name.toUpperCase(), `${target.name}\u0000`, 'xl/worksheets/sheet1.xml']);
      break;
    default:
      target.stored = true;
      if (random.chance(0.5)) target.declare = (size) => size + random.int(-100, 100);
  }
  if (random.chance(0.2)) {
    const declared = random.pick(parts);
    declared.declare = (size) => random.pick([0, 1, Math.floor(size / 2), size * 2, 0xffffffff]);
  }
  return zipFile(parts);
}

/** Bytes of the file flipped, cut or spliced: broken zips, CRCs that do not match, headers that point outside. */
export function mutatedBytes(random: Random, file: Buffer): Buffer {
  const out = Buffer.from(file);
  switch (random.int(0, 3)) {
    case 0:
      for (let n = random.int(1, 20); n > 0; n--) out[random.int(0, out.length - 1)] = random.int(0, 255);
      return out;
    case 1:
      return out.subarray(0, random.int(0, out.length - 1));
    case 2: {
      // A field of the central directory or a local header, set to an extreme.
      const at = Math.max(0, out.length - random.int(22, Math.min(out.length, 400)));
      out.writeUInt32LE(random.pick([0, 0xffffffff, 0x7fffffff, random.int(0, 0xffffffff)]), Math.min(at, out.length - 4));
      return out;
    }
    default:
      return Buffer.concat([out.subarray(0, random.int(0, out.length)), Buffer.from(Array.from({ length: random.int(1, 2_000) }, () => random.int(0, 255)))]);
  }
}

/** CSV with odd quoting, line ends, encodings and control characters. */
export function mutatedCsv(random: Random, text: string): Buffer {
  switch (random.int(0, 8)) {
    case 0:
      return Buffer.from(mutateText(random, text));
    case 1:
      return Buffer.from(text.replace(/,/g, () => random.pick([',', '","', '"', '""', ',,', '\r', '\n', '\r\n'])));
    case 2:
      return Buffer.from(`${text}"never closed,${'q'.repeat(random.int(1, 50_000))}`);
    case 3:
      return iconv.encode(text, random.pick(['gbk', 'utf16le', 'utf16be', 'big5', 'latin1']));
    case 4:
      return Buffer.concat([Buffer.from(random.pick([[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb], [0x00]])), Buffer.from(text)]);
    case 5:
      return Buffer.from(text.replace(/\r\n/g, () => random.pick(['\n', '\r', '\r\r\n', '\u2028', '\u0085'])));
    case 6:
      return Buffer.from(`${text}${Array.from({ length: random.int(100, 400) }, (_, i) => `c${i}`).join(',')}\n`);
    case 7:
      return Buffer.concat([Buffer.from(text), Buffer.from([0xed, 0xa0, 0x80, 0xc0, 0xaf, 0xff, 0x00, 0x1b])]);
    default:
      return Buffer.from(text.replace(/\d/g, () => random.pick(['', '1e999', '-0', 'NaN', 'Infinity', '١', '１', '0x10', '1,0'])));
  }
}

export function randomBytes(random: Random): Buffer {
  const head = random.pick([[], [0x50, 0x4b, 0x03, 0x04], [0x50, 0x4b, 0x05, 0x06], [0xd0, 0xcf, 0x11, 0xe0], [0x89, 0x50, 0x4e, 0x47], [0x25, 0x50, 0x44, 0x46]]);
  return Buffer.concat([Buffer.from(head), Buffer.from(Array.from({ length: random.int(0, 20_000) }, () => random.int(0, 255)))]);
}
