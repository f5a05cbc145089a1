import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness';
import { tokenFor } from '../roles';

/** The target list as XLSX, read back with exceljs as the bureau's spreadsheet program would. */

let server: TestServer;
let hechuan: string;
let bishan: string;

beforeAll(async () => {
  server = await startTestServer();
  hechuan = await tokenFor(server.store, { role: 'INVESTMENT', districtCode: '500117' });
  bishan = await tokenFor(server.store, { role: 'BUREAU', districtCode: '500120' });
});
afterAll(() => server.close());

const download = (query: string, token: string | null) =>
  fetch(`${server.url}/api/targets/export?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

const text = (cell: ExcelJS.Cell) => String(cell.value ?? '');

describe('target list export', () => {
  it('writes the bureau layout: title, district and year, Chinese columns, one row per target, totals', async () => {
    const res = await download('districtCode=500117&year=2025', hechuan);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('合川区2025年招商目标企业名录.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(text(sheet.getCell('A1'))).toBe('合川区2025年补链延链招商目标企业名录');
    expect(text(sheet.getCell('A2'))).toMatch(/合川区（500117）.*2025/);
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(['序号', '企业名称', '产业链环节', '阶段', '协议金额(万元)', '投资额(万元)', '到位资金(万元)', '预计产值(万元)', '责任人', '备注']);

    const rows: unknown[][] = [];
    for (let r = 4; r <= sheet.rowCount; r++) rows.push((sheet.getRow(r).values as unknown[]).slice(1));
    // All nine seed targets were worked in 2025 (the producing and dropped ones closed in 2025), then the total.
    expect(rows).toHaveLength(10);
    expect(rows.slice(0, 9).map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const extrusion = rows.find((r) => r[1] === '广安示例铝挤压型材有限公司合川基地');
    expect(extrusion?.slice(2, 8)).toEqual(['铝型材', '开工', 120000, 100000, 35000, 150000]);
    const dropped = rows.find((r) => r[3] === '放弃');
    expect(String(dropped?.[9])).toContain('放弃原因：企业选择在成都设厂');
    const total = rows[9];
    expect(total?.[0]).toBe('合计');
    // Agreements of the live targets: 3 + 12 + 8 + 5 亿 = 280,000 万元.
    expect(total?.[4]).toBe(280000);
  });

  it('lists nothing for a year before any target existed', async () => {
    const res = await download('districtCode=500117&year=2023', hechuan);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0];
    expect(sheet?.rowCount).toBe(4);
    expect(text(sheet?.getCell('A4') as ExcelJS.Cell)).toBe('合计');
  });

  it('is refused to those who may not see the targets, and names bad parameters', async () => {
    expect((await download('districtCode=500117&year=2025', null)).status).toBe(401);
    const other = await download('districtCode=500117&year=2025', bishan);
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const badYear = await download('districtCode=500117&year=next', hechuan);
    expect(badYear.status).toBe(400);
    expect(await badYear.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', field: 'year' } });
    const badDistrict = await download('districtCode=50%3B0117&year=2025', hechuan);
    expect(await badDistrict.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', field: 'districtCode' } });
  });
});
