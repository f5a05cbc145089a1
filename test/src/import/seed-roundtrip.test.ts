import { articleDataset } from '@yulian/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportKind } from '../../../server/src/import/columns';
import { openTempStore, startTestServer, type TempStore, type TestServer } from '../harness';
import { tokenFor } from '../roles';
import { download, graphLines, loadReferenceOnly, templateCsv, upload } from './helpers';

/**
 * The article's dataset typed into the templates imports into a store holding only reference data
 * and gives the graph the seed loader writes; exporting that graph and importing it back changes
 * nothing and reports every row as an update.
 */

/** The chain data; targets, whose seed is a history rather than rows, have targets-roundtrip.test.ts. */
type ChainKind = Exclude<ImportKind, 'targets'>;
const ORDER: ChainKind[] = ['firms', 'capabilities', 'needs', 'orders', 'supports'];
const records: Record<ChainKind, readonly object[]> = {
  firms: articleDataset.firms,
  capabilities: articleDataset.capabilities,
  needs: articleDataset.needs,
  orders: articleDataset.orders,
  supports: articleDataset.supports,
};

let server: TestServer;
let seeded: TempStore;
let admin: string;

beforeAll(async () => {
  server = await startTestServer({ seed: false });
  await loadReferenceOnly(server.store);
  seeded = await openTempStore({ seed: true });
  admin = await tokenFor(server.store, { role: 'ADMIN' });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await seeded?.close();
});

describe('seed data through the templates', () => {
  it('dry-runs every kind as creates, commits, and gives the seed loader’s graph', async () => {
    for (const kind of ORDER) {
      const csv = templateCsv(kind, records[kind]);
      const dry = await upload(server.url, kind, csv, { token: admin });
      expect(dry.answer.errors, kind).toEqual([]);
      expect(dry.answer).toMatchObject({ ok: true, rows: records[kind].length, created: records[kind].length, updated: 0 });
      const commit = await upload(server.url, kind, csv, { token: admin, mode: 'commit' });
      expect(commit.status, kind).toBe(200);
      expect(commit.answer).toMatchObject({ ok: true, committed: true, created: records[kind].length });
    }
    const imported = await graphLines(server.store);
    expect(imported.filter((l) => l.startsWith('{"type":"node","label":"TradeOrder"')).length).toBe(articleDataset.orders.length);
    expect(imported).toEqual(await graphLines(seeded.store));
  });

  it('re-importing the same files updates every row and changes nothing', async () => {
    const before = await graphLines(server.store);
    for (const kind of ORDER) {
      const { answer } = await upload(server.url, kind, templateCsv(kind, records[kind]), { token: admin, mode: 'commit' });
      expect(answer).toMatchObject({ ok: true, created: 0, updated: records[kind].length });
    }
    expect(await graphLines(server.store)).toEqual(before);
  });

  it.each(['csv', 'xlsx'] as const)('export as %s imports back unchanged', async (format) => {
    const before = await graphLines(server.store);
    for (const kind of ORDER) {
      const exported = await download(server.url, `/api/export/${kind}?format=${format}`, admin);
      expect(exported.status).toBe(200);
      const { answer } = await upload(server.url, kind, exported.body, { token: admin, mode: 'commit', fileName: `${kind}.${format}` });
      expect(answer.errors, `${kind} ${format}`).toEqual([]);
      expect(answer).toMatchObject({ ok: true, created: 0, updated: records[kind].length });
    }
    expect(await graphLines(server.store)).toEqual(before);
  });

  it('serves templates with the Chinese and the English header row', async () => {
    const csv = await download(server.url, '/api/import/orders/template?format=csv', null);
    expect(csv.status).toBe(200);
    const text = csv.body.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split(/\r?\n/).slice(0, 2)).toEqual([
      '订单编号,订单类型,供方企业编号,需方企业编号,环节代码,年份,金额（元）,数量,单位,状态,合成数据,来源',
      'id,kind,supplierId,buyerId,segmentCode,year,amountCny,quantity,unit,status,synthetic,source',
    ]);
    const xlsx = await download(server.url, '/api/import/firms/template?format=xlsx', null);
    expect(xlsx.body.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
