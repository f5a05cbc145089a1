import { articleDataset } from '@yulian/seed';
import { loadDataset, queries, type GraphStore } from '@yulian/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDay, computeProgress } from '../../../server/src/investment/progress';
import { progressFacts, targetsWithHistory } from '../../../server/src/investment/service';
import { startTestServer, type TestServer } from '../harness';
import { tokenFor } from '../roles';
import { csvRecords, download, targetLines, upload } from './helpers';

/**
 * The seed's target list, exported from the seeded store and imported into a store holding the
 * same chain data but no targets, gives the same targets: the same fields, stages and milestone
 * days, hence the same progress figures, and an export identical to the one it came from.
 * Importing it again, as CSV or XLSX, changes nothing, history included.
 */

let seeded: TestServer;
let fresh: TestServer;
let seededAdmin: string;
let admin: string;
let exportedCsv: Buffer;

beforeAll(async () => {
  seeded = await startTestServer();
  fresh = await startTestServer({ seed: false });
  await loadDataset(fresh.store, { ...articleDataset, targets: [] }, new Date('2025-05-14T00:00:00Z'));
  seededAdmin = await tokenFor(seeded.store, { role: 'ADMIN' });
  admin = await tokenFor(fresh.store, { role: 'ADMIN' });
  const exported = await download(seeded.url, '/api/export/targets?format=csv', seededAdmin);
  expect(exported.status).toBe(200);
  exportedCsv = exported.body;
}, 60_000);
afterAll(async () => {
  await seeded?.close();
  await fresh?.close();
});

/** What a target is, apart from when this store wrote it: createdAt as its day, updatedAt left out. */
async function targetsOf(store: GraphStore) {
  const rows = await store.read(queries.findTargets({}));
  return rows.map(({ updatedAt: _updatedAt, createdAt, ...t }) => ({ ...t, createdOn: chinaDay(createdAt) })).sort((a, b) => a.id.localeCompare(b.id));
}

async function progressOf(store: GraphStore, year: number) {
  return computeProgress((await targetsWithHistory(store, { districtCodes: ['500117'] })).map(progressFacts), year, null);
}

describe('seed targets through the template', () => {
  it('export and import into a store without targets give the same targets', async () => {
    const records = csvRecords(exportedCsv);
    expect(records.map((r) => r.id).sort()).toEqual(articleDataset.targets.map((t) => t.id).sort());
    const dry = await upload(fresh.url, 'targets', exportedCsv, { token: admin, fileName: 'targets.csv' });
    expect(dry.answer.errors).toEqual([]);
    expect(dry.answer).toMatchObject({ ok: true, created: articleDataset.targets.length, updated: 0 });
    expect(await targetsOf(fresh.store)).toEqual([]);

    const commit = await upload(fresh.url, 'targets', exportedCsv, { token: admin, mode: 'commit', fileName: 'targets.csv' });
    expect(commit.status).toBe(200);
    expect(commit.answer).toMatchObject({ ok: true, committed: true, created: articleDataset.targets.length });

    expect(await targetsOf(fresh.store)).toEqual(await targetsOf(seeded.store));
    for (const year of [2024, 2025]) expect(await progressOf(fresh.store, year)).toEqual(await progressOf(seeded.store, year));
    const again = await download(fresh.url, '/api/export/targets?format=csv', admin);
    expect(again.body.toString('utf8')).toBe(exportedCsv.toString('utf8'));
  });

  it('writes history entries in the importing user’s name', async () => {
    const history = (await targetsWithHistory(fresh.store, {})).flatMap((t) => t.history);
    expect(history.length).toBeGreaterThanOrEqual(articleDataset.targets.length);
    expect(new Set(history.map((e) => e.actor)).size).toBe(1);
    expect(history[0]?.actor).toMatch(/^t-admin-/);
    expect(history.every((e) => e.note?.startsWith('imported from targets.csv'))).toBe(true);
    const producing = (await targetsWithHistory(fresh.store, { ids: ['tgt-hc-st-producing'] }))[0];
    expect(producing?.history.map((e) => [e.stage, e.fromStage])).toEqual([['SIGNED', null], ['STARTED', 'SIGNED'], ['PRODUCING', 'STARTED']]);
  });

  it('re-importing the same file changes nothing and adds no history', async () => {
    const before = await targetLines(fresh.store);
    const { answer } = await upload(fresh.url, 'targets', exportedCsv, { token: admin, mode: 'commit' });
    expect(answer).toMatchObject({ ok: true, committed: true, created: 0, updated: articleDataset.targets.length });
    expect(await targetLines(fresh.store)).toEqual(before);
  });

  it.each(['csv', 'xlsx'] as const)('its own %s export imports back unchanged', async (format) => {
    const before = await targetLines(fresh.store);
    const exported = await download(fresh.url, `/api/export/targets?format=${format}`, admin);
    expect(exported.status).toBe(200);
    const { answer } = await upload(fresh.url, 'targets', exported.body, { token: admin, mode: 'commit', fileName: `targets.${format}` });
    expect(answer.errors).toEqual([]);
    expect(answer).toMatchObject({ ok: true, created: 0, updated: articleDataset.targets.length });
    expect(await targetLines(fresh.store)).toEqual(before);
  });

  it('serves the template with the Chinese and the English header row', async () => {
    const csv = await download(fresh.url, '/api/import/targets/template?format=csv', null);
    expect(csv.status).toBe(200);
    const [zh, en] = csv.body.toString('utf8').slice(1).split(/\r?\n/);
    expect(zh?.split(',').slice(0, 5)).toEqual(['目标编号', '目标名称', '区县代码', '环节代码', '阶段']);
    expect(en?.split(',')).toEqual([
      'id', 'name', 'districtCode', 'segmentCode', 'stage', 'firmId', 'leaderId', 'agreementCny', 'investmentCny', 'fundsInPlaceCny',
      'expectedOutputCny', 'owner', 'contact', 'notes', 'dropReason', 'createdOn', 'signedOn', 'startedOn', 'producingOn', 'droppedOn',
      'synthetic', 'source',
    ]);
  });
});
