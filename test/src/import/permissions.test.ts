import { articleDataset } from '@yulian/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../server/src/import/csv';
import { startTestServer, type TestServer } from '../harness';
import { tokenFor } from '../roles';
import { download, fullDump, templateCsv, upload } from './helpers';

/**
 * Who may import and export what (README, "Import and export"): the rules of policy.ts applied to
 * files. A refused row refuses the whole file, and the store is left as it was.
 */

let server: TestServer;
let tokens: Record<'admin' | 'bureau' | 'investment' | 'aofang', string>;

beforeAll(async () => {
  server = await startTestServer();
  tokens = {
    admin: await tokenFor(server.store, { role: 'ADMIN' }),
    bureau: await tokenFor(server.store, { role: 'BUREAU', districtCode: '500117' }),
    investment: await tokenFor(server.store, { role: 'INVESTMENT', districtCode: '500117' }),
    aofang: await tokenFor(server.store, { role: 'FIRM', firmId: 'aofang' }),
  };
});
afterAll(async () => server?.close());

const capability = (firmId: string) => ({ firmId, segmentCode: 'SURFACE_TREATMENT', capacity: 650_000, unit: 'sets', utilisation: 0.7, yieldRate: 0.9 });
const order = (id: string, supplierId: string, buyerId: string) => ({ id, kind: 'SUPPLY', supplierId, buyerId, segmentCode: 'SURFACE_TREATMENT', year: 2025, amountCny: 1000 });
// The commands' own words: the API refuses the same changes with the same reasons.
const forbidden = (row: number, column: string, value: string, message = 'you may not change this firm') => ({ row, column, value, message });

async function exported(kind: string, token: string): Promise<Record<string, string>[]> {
  const { status, body } = await download(server.url, `/api/export/${kind}?format=csv`, token);
  expect(status).toBe(200);
  const [, keys, ...rows] = [...parseCsv(body.toString('utf8'))].filter((r) => r.cells.some((c) => c !== ''));
  return rows.map((r) => Object.fromEntries((keys?.cells ?? []).map((k, i) => [String(k), String(r.cells[i] ?? '')])));
}

describe('who may import', () => {
  it('needs a sign-in, and investment teams import no chain data', async () => {
    const before = await fullDump(server.store);
    const file = templateCsv('capabilities', [capability('aofang')]);
    expect((await upload(server.url, 'capabilities', file, { token: null, mode: 'commit' })).status).toBe(401);
    const inv = await upload(server.url, 'capabilities', file, { token: tokens.investment, mode: 'commit' });
    expect(inv.status).toBe(403);
    expect(inv.answer.errors[0]?.message).toBe('your role may not import this kind');
    expect(await fullDump(server.store)).toEqual(before);
  });

  it('a firm imports its own capabilities and orders it is a party to, nothing else', async () => {
    const before = await fullDump(server.store);
    const caps = await upload(server.url, 'capabilities', templateCsv('capabilities', [capability('aofang'), capability('anrui')]), { token: tokens.aofang, mode: 'commit' });
    expect(caps.status).toBe(422);
    expect(caps.answer.errors).toEqual([forbidden(4, 'firmId', 'anrui')]);
    const orders = await upload(server.url, 'orders', templateCsv('orders', [order('p-1', 'aofang', 'anrui'), order('p-2', 'jianya', 'yian')]), { token: tokens.aofang, mode: 'commit' });
    expect(orders.answer.errors).toEqual([forbidden(4, 'supplierId', 'jianya', 'you may record only orders your firm is a party to')]);
    // Taking over another pair's order by naming oneself a party is refused too, in words that do not tell that it exists.
    const takeover = await upload(server.url, 'orders', templateCsv('orders', [order('o-2024-yian-jianya-bd', 'aofang', 'jianya')]), { token: tokens.aofang });
    expect(takeover.answer.errors).toEqual([{ row: 3, column: 'id', value: 'o-2024-yian-jianya-bd', message: 'no order you may change has this id' }]);
    expect(await fullDump(server.store)).toEqual(before);

    const own = await upload(server.url, 'orders', templateCsv('orders', [order('p-1', 'aofang', 'anrui')]), { token: tokens.aofang, mode: 'commit' });
    expect(own.answer).toMatchObject({ ok: true, created: 1, committed: true });
  });

  it('a bureau edits firms of its district only and records no orders', async () => {
    const firm = (id: string) => {
      const f = articleDataset.firms.find((x) => x.id === id);
      if (!f) throw new Error(id);
      return { ...f, notes: 'checked by the bureau' };
    };
    const refused = await upload(server.url, 'firms', templateCsv('firms', [firm('anrui'), firm('aofang')]), { token: tokens.bureau, lang: 'zh' });
    expect(refused.answer.errors).toEqual([{ row: 4, column: '企业编号', value: 'aofang', message: '无权修改该企业' }]);
    const ok = await upload(server.url, 'firms', templateCsv('firms', [firm('anrui')]), { token: tokens.bureau, mode: 'commit' });
    expect(ok.answer).toMatchObject({ ok: true, updated: 1, created: 0 });
    const orders = await upload(server.url, 'orders', templateCsv('orders', [order('p-3', 'aofang', 'anrui')]), { token: tokens.bureau });
    expect(orders.status).toBe(403);
  });
});

describe('progress of an import', () => {
  it('is polled by job id, by the user who started it only', async () => {
    const job = 'job-0123456789abcdef';
    const file = templateCsv('capabilities', [capability('aofang')]);
    const { answer } = await upload(server.url, 'capabilities', file, { token: tokens.aofang, job });
    expect(answer.ok).toBe(true);
    const poll = (token: string) => fetch(`${server.url}/api/import/jobs/${job}`, { headers: { authorization: `Bearer ${token}` } });
    const own = await poll(tokens.aofang);
    expect(own.status).toBe(200);
    expect(await own.json()).toEqual({ phase: 'done', done: 1, total: 1 });
    expect((await poll(tokens.admin)).status).toBe(404);
    // A job id in use cannot be taken by another upload.
    expect((await upload(server.url, 'capabilities', file, { token: tokens.aofang, job })).status).toBe(400);
  });
});

describe('who may export', () => {
  it('needs a sign-in', async () => {
    expect((await download(server.url, '/api/export/firms?format=csv', null)).status).toBe(401);
    expect((await download(server.url, '/api/export/firms?format=pdf', tokens.admin)).status).toBe(400);
  });

  it('order amounts go only to those who may see them', async () => {
    const all = await exported('orders', tokens.bureau);
    expect(all.length).toBeGreaterThanOrEqual(articleDataset.orders.length);
    expect(all.every((o) => o.amountCny !== '')).toBe(true);

    const investment = await exported('orders', tokens.investment);
    expect(investment.map((o) => o.id)).toEqual(all.map((o) => o.id));
    expect(investment.every((o) => o.amountCny === '' && o.quantity === '')).toBe(true);

    const firm = await exported('orders', tokens.aofang);
    expect(firm.length).toBeGreaterThan(0);
    expect(firm.every((o) => (o.supplierId === 'aofang' || o.buyerId === 'aofang') && o.amountCny !== '')).toBe(true);
    expect(firm.length).toBe(all.filter((o) => o.supplierId === 'aofang' || o.buyerId === 'aofang').length);
  });

  it('demand figures: everyone’s for bureaus and investment teams, a firm’s own for its staff', async () => {
    const needs = await exported('needs', tokens.investment);
    expect(needs.length).toBe(articleDataset.needs.length);
    const own = await exported('needs', tokens.aofang);
    expect(own.every((n) => n.firmId === 'aofang')).toBe(true);
    expect(own.length).toBe(articleDataset.needs.filter((n) => n.firmId === 'aofang').length);
  });
});
