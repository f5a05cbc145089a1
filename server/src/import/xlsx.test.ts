import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ImportFileError } from './decode';
import { defaultReadLimits, ImportLimitError, type ReadLimits } from './read-limits';
import { readSheet, type SheetRow } from './read-table';

const rows = async (buf: Uint8Array, limits?: ReadLimits): Promise<SheetRow[]> => [...(await readSheet(buf, limits)).rows];

/** A zip of the given parts, deflated, written the plain way (no data descriptors). */
function zip(parts: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(parts)) {
    const data = Buffer.from(text);
    const packed = zlib.deflateRawSync(data);
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(zlib.crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(zlib.crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, packed);
    centrals.push(central, n);
    offset += 30 + n.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook written by hand: prefixed tags, a date1904 workbook, a date style, a chart sheet first. */
function handMade(sheetData: string): Buffer {
  return zip({
    '_rels/.rels': `<Relationships><Relationship Id="r1" Type="${REL}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<x:workbook xmlns:x="main" xmlns:ns="${REL}"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="chart" ns:id="c1"/><x:sheet name="data" ns:id="s1"/></x:sheets></x:workbook>`,
    'xl/_rels/workbook.xml.rels':
      `<Relationships><Relationship Id="c1" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/>` +
      `<Relationship Id="s1" Type="${REL}/worksheet" Target="worksheets/data.xml"/><Relationship Id="st" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/chartsheets/sheet1.xml': '<chartsheet/>',
    'xl/styles.xml': '<styleSheet><numFmts><numFmt numFmtId="170" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="170"/><xf numFmtId="4"/></cellXfs></styleSheet>',
    'xl/worksheets/data.xml': `<x:worksheet xmlns:x="main"><x:dimension ref="A1:C3"/><x:sheetData>${sheetData}</x:sheetData></x:worksheet>`,
  });
}

describe('reading XLSX', () => {
  it('reads what exceljs writes: shared strings, rich text, numbers, booleans, formulas, dates, gaps and blank rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('s');
    sheet.addRow(['金额（元）\namountCny', 'b', 'c']);
    sheet.addRow([new Date('2025-03-18T00:00:00Z'), { richText: [{ text: 'x' }, { text: 'y' }] }, true]);
    sheet.addRow([]);
    sheet.addRow([1.5, { formula: 'A4*2', result: 3 }, null, 'far']);
    const read = await rows(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(read).toEqual([
      { row: 1, cells: ['金额（元）\namountCny', 'b', 'c'] },
      { row: 2, cells: ['2025-03-18', 'xy', true] },
      { row: 4, cells: [1.5, 3, null, 'far'] },
    ]);
  });

  it('finds the first worksheet through the relationships, whatever the tag prefix, and reads 1904 dates', async () => {
    const read = await rows(
      handMade('<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a &amp; b</x:t></x:is></x:c><x:c r="C1" s="1"><x:v>0</x:v></x:c><x:c r="D1" s="2"><x:v>12.5</x:v></x:c></x:row>'),
    );
    expect(read).toEqual([{ row: 1, cells: ['a & b', null, '1904-01-01', 12.5] }]);
  });

  it('refuses what is not a workbook, and broken zips, as badXlsx', async () => {
    const problem = (buf: Uint8Array) => rows(buf).then(() => null, (e: unknown) => (e instanceof ImportFileError ? e.problem : String(e)));
    expect(await problem(zip({ 'word/document.xml': '<w/>' }))).toBe('badXlsx');
    expect(await problem(handMade('<x:row><x:c><x:v>1</x:v></x:c>').subarray(0, 200))).toBe('badXlsx');
    expect(await problem(handMade('<x:row><x:c><x:v>&undefined;</x:v></x:c></x:row>'))).toBe('badXlsx');
  });

  it('stops at each limit while reading, naming it and the row', async () => {
    const limit = (buf: Uint8Array, limits: Partial<ReadLimits>) =>
      rows(buf, { ...defaultReadLimits, ...limits }).then(() => null, (e: unknown) => (e instanceof ImportLimitError ? [e.limit, e.row] : String(e)));
    const many = Array.from({ length: 20 }, (_, i) => `<x:row r="${i + 1}"><x:c r="A${i + 1}"><x:v>${i}</x:v></x:c></x:row>`).join('');
    expect(await limit(handMade(many), { maxRows: 10 })).toEqual(['maxRows', 11]);
    expect(await limit(handMade('<x:row r="3"><x:c r="E3"><x:v>1</x:v></x:c></x:row>'), { maxColumns: 4 })).toEqual(['maxColumns', 3]);
    // A styled empty cell far to the right holds no value and is no column.
    expect(await limit(handMade('<x:row r="3"><x:c r="A3"><x:v>1</x:v></x:c><x:c r="XFD3" s="1"/></x:row>'), { maxColumns: 4 })).toBeNull();
    expect(await limit(handMade(`<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>${'z'.repeat(50)}</x:t></x:is></x:c></x:row>`), { maxCellChars: 40 })).toEqual(['maxCellChars', 2]);
    expect(await limit(handMade(many), { maxUnzippedBytes: 500 })).toEqual(['maxUnzippedBytes', null]);
  });
});
