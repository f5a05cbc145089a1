import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness';
import { tokenFor } from '../roles';
import { fullDump, upload } from './helpers';

/**
 * Files with problems: each answer names the exact row and column, and a commit of such a file
 * changes nothing (the whole dump, users and audit log included, is compared before and after).
 */

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await tokenFor(server.store, { role: 'ADMIN' });
});
afterAll(async () => server?.close());

const ORDER_HEADER = 'id,kind,supplierId,buyerId,segmentCode,year,amountCny,quantity,unit,status';
const order = (id: string, amount = '1000', supplier = 'aofang') => `${id},SUPPLY,${supplier},anrui,SURFACE_TREATMENT,2025,${amount},,,ACTIVE`;

/** Commits the file and asserts it was refused with exactly these errors and nothing changed. */
async function refusedWith(kind: string, file: string | Uint8Array, errors: unknown[], lang: 'zh' | 'en' = 'en', status = 422) {
  const before = await fullDump(server.store);
  const dry = await upload(server.url, kind, file, { token: admin, lang });
  const commit = await upload(server.url, kind, file, { token: admin, lang, mode: 'commit' });
  expect(dry.answer.errors).toEqual(errors);
  expect(commit.status).toBe(status);
  expect(commit.answer).toMatchObject({ ok: false, errors });
  expect(await fullDump(server.store)).toEqual(before);
  return commit.answer;
}

describe('row and column errors', () => {
  it('a missing required column', async () => {
    const file = ['id,kind,supplierId,buyerId,segmentCode,year', 'x1,SUPPLY,aofang,anrui,SURFACE_TREATMENT,2025'].join('\n');
    await refusedWith('orders', file, [{ row: 1, column: 'amountCny', value: null, message: 'required column is missing' }]);
  });

  it('a bad number, in English and in Chinese', async () => {
    const file = [ORDER_HEADER, order('x1'), order('x2', '12万'), order('x3')].join('\n');
    await refusedWith('orders', file, [{ row: 3, column: 'amountCny', value: '12万', message: 'is not a number' }]);
    await refusedWith('orders', file, [{ row: 3, column: '金额（元）', value: '12万', message: '不是有效的数字' }], 'zh');
  });

  it('an unknown firm and an unknown segment', async () => {
    const file = [ORDER_HEADER, order('x1', '5', 'no-such-firm'), 'x2,SUPPLY,aofang,anrui,NO_SUCH_SEGMENT,2025,5,,,'].join('\n');
    await refusedWith('orders', file, [
      { row: 2, column: 'supplierId', value: 'no-such-firm', message: 'no such firm' },
      { row: 3, column: 'segmentCode', value: 'NO_SUCH_SEGMENT', message: 'no such segment' },
    ]);
  });

  it('a duplicate id, with row numbers counting the two header rows', async () => {
    const file = ['订单编号,订单类型,供方企业编号,需方企业编号,环节代码,年份,金额（元）', ORDER_HEADER.split(',').slice(0, 7).join(','),
      'x1,SUPPLY,aofang,anrui,SURFACE_TREATMENT,2025,1', 'x2,SUPPLY,aofang,anrui,SURFACE_TREATMENT,2025,2', 'x1,SUPPLY,aofang,anrui,SURFACE_TREATMENT,2025,3'].join('\n');
    await refusedWith('orders', file, [{ row: 5, column: 'id', value: 'x1', message: 'duplicates row 3' }]);
  });

  it('zod checks name their column: negative amount, a firm ordering from itself, a bad kind', async () => {
    const file = [ORDER_HEADER, order('x1', '-5'), 'x2,SUPPLY,aofang,aofang,SURFACE_TREATMENT,2025,5,,,', 'x3,GIFT,aofang,anrui,SURFACE_TREATMENT,2025,5,,,'].join('\n');
    await refusedWith('orders', file, [
      { row: 2, column: 'amountCny', value: '-5', message: 'must not be negative' },
      { row: 3, column: 'buyerId', value: 'aofang', message: 'a firm cannot order from itself' },
      { row: 4, column: 'kind', value: 'GIFT', message: expect.stringContaining('SUPPLY') },
    ]);
  });

  it('an XLSX file reports the rows Excel shows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('orders');
    ws.addRow(['订单编号 id', '订单类型 kind', '供方企业编号 supplierId', '需方企业编号 buyerId', '环节代码 segmentCode', '年份 year', '金额（元） amountCny']);
    ws.addRow(['x1', 'SUPPLY', 'aofang', 'anrui', 'SURFACE_TREATMENT', 2025, 100]);
    ws.addRow([]);
    ws.addRow(['x2', 'SUPPLY', 'aofang', 'anrui', 'SURFACE_TREATMENT', 2025, 'abc']);
    const file = new Uint8Array(await wb.xlsx.writeBuffer());
    await refusedWith('orders', file, [{ row: 4, column: 'amountCny', value: 'abc', message: 'is not a number' }]);
  });
});

describe('files that are refused whole', () => {
  const fileError = (message: string) => [{ row: null, column: null, value: null, message }];

  it('an empty file, and one with headers only', async () => {
    await refusedWith('orders', '', fileError('the file is empty'), 'en', 400);
    await refusedWith('orders', '\uFEFF\r\n\r\n', fileError('the file is empty'), 'en', 400);
    await refusedWith('orders', `${ORDER_HEADER}\n`, fileError('the file has headers but no data rows'), 'en', 400);
    await refusedWith('orders', '', fileError('文件为空'), 'zh', 400);
  });

  it('files that are not spreadsheets', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    await refusedWith('firms', png, fileError('not a spreadsheet: upload a CSV (UTF-8 or GBK) or XLSX file'), 'en', 400);
    const zip = Buffer.from('504b0304140000000000', 'hex');
    await refusedWith('firms', zip, fileError('the XLSX file cannot be read'), 'en', 400);
    const xls = Buffer.from('d0cf11e0a1b11ae1000000000000', 'hex');
    await refusedWith('firms', xls, fileError('old .xls files are not supported: save as .xlsx or CSV'), 'en', 400);
  });

  it('a text file with other columns is refused naming them', async () => {
    await refusedWith('orders', 'hello,world\n1,2\n', [
      { row: 1, column: 'hello', value: 'hello', message: 'unknown column' },
      { row: 1, column: 'world', value: 'world', message: 'unknown column' },
      ...['id', 'kind', 'supplierId', 'buyerId', 'segmentCode', 'year', 'amountCny'].map((column) => ({ row: 1, column, value: null, message: 'required column is missing' })),
    ]);
  });
});

describe('encodings and size', () => {
  it('imports a GBK-encoded file as Chinese Excel saves it', async () => {
    const text = ['企业编号,企业名称,英文名称,区县代码,统一社会信用代码,链主企业', 'gbk-firm,重庆渝西测试汽车零部件有限公司,Yuxi Test Auto Parts,500117,91500117MA5U7K2X3B,否'].join('\r\n');
    const gbk = iconv.encode(text, 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    const { status, answer } = await upload(server.url, 'firms', gbk, { token: admin, mode: 'commit' });
    expect(answer.errors).toEqual([]);
    expect(status).toBe(200);
    expect(answer).toMatchObject({ ok: true, created: 1 });
    // The credit code now finds the firm: a row without id updates it.
    const again = iconv.encode(['企业名称,英文名称,区县代码,统一社会信用代码', '重庆渝西测试汽车零部件有限公司,Yuxi Test Auto Parts Co.,500117,91500117MA5U7K2X3B'].join('\r\n'), 'gbk');
    const second = await upload(server.url, 'firms', again, { token: admin });
    expect(second.answer).toMatchObject({ ok: true, created: 0, updated: 1 });
    const exported = await fetch(`${server.url}/api/export/firms?format=csv`, { headers: { authorization: `Bearer ${admin}` } });
    expect(await exported.text()).toContain('gbk-firm,重庆渝西测试汽车零部件有限公司,Yuxi Test Auto Parts,,,500117,91500117MA5U7K2X3B,false');
  });

  it('a 50 MB file is read whole; one bad row at its end refuses all of it', async () => {
    const lines = [ORDER_HEADER];
    let size = ORDER_HEADER.length;
    const pad = 'x'.repeat(40);
    while (size < 50 * 1024 * 1024) {
      const line = `big-${lines.length}-${pad},SUPPLY,aofang,anrui,SURFACE_TREATMENT,2025,${lines.length * 10},5,sets,ACTIVE`;
      lines.push(line);
      size += line.length + 1;
    }
    lines.push(order('big-last', 'lots'));
    const badRow = lines.length;
    await refusedWith('orders', lines.join('\n'), [{ row: badRow, column: 'amountCny', value: 'lots', message: 'is not a number' }]);
  }, 120_000);

  it('a file above the upload limit gets 413 and a message naming the limit', async () => {
    const small = await startTestServer({ imports: { maxBytes: 1024 * 1024 } });
    try {
      const token = await tokenFor(small.store, { role: 'ADMIN' });
      const before = await fullDump(small.store);
      const { status, answer } = await upload(small.url, 'orders', `${ORDER_HEADER}\n${order('y1').repeat(1)}\n${'#'.repeat(2 * 1024 * 1024)}`, { token, mode: 'commit' });
      expect(status).toBe(413);
      expect(answer.errors).toEqual([{ row: null, column: null, value: null, message: `the file is larger than the limit of ${1024 * 1024} bytes` }]);
      expect(await fullDump(small.store)).toEqual(before);
    } finally {
      await small.close();
    }
  });
});
