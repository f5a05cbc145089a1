/**
 * Child process of answered-import.test.ts: imports <rows> new orders with the real importer in
 * commit mode into the store in <dataDir> (seeded by the parent), prints `committed` once the import
 * was answered, records one more order as a single write and prints `recorded`, then waits to be
 * killed. The store's log stays far below its checkpoint threshold, so the kill lands before any
 * checkpoint: whatever comes back at the next open came back from the log.
 *
 *   node --import tsx test/src/import/answered-import-child.ts <dataDir> <rows>
 */
import { writeSync } from 'node:fs';
import type { Viewer } from '../../../server/src/auth/viewer';
import { runImport } from '../../../server/src/import/run';
import { EmbeddedStore } from '../../../server/src/store/embedded/adapter';
import { upsertOrder } from '../../../server/src/store/queries';
import { refreshTradeLinks } from '../../../server/src/store/trade-links';

const [dataDir = '', rowsArg = '0'] = process.argv.slice(2);
const say = (line: string) => writeSync(1, `${line}\n`);
const admin: Viewer = { userId: 'kill', username: 'kill', displayName: null, role: 'ADMIN', districtCode: null, firmId: null, sessionId: 'kill' };

const lines = ['id,kind,supplierId,buyerId,segmentCode,year,amountCny'];
for (let i = 0; i < Number(rowsArg); i++) lines.push(`answered-${i},SUPPLY,aofang,anrui,SURFACE_TREATMENT,2025,${i + 1}`);

const store = await EmbeddedStore.open({ dataDir, maxDbSizeBytes: 2 ** 33, queryTimeoutMs: 120_000, checkpointWalBytes: 2 ** 40, log: () => undefined });
const result = await runImport(store, { kind: 'orders', file: Buffer.from(lines.join('\n')), fileName: 'answered.csv', mode: 'commit', viewer: admin, lang: 'en', batchSize: 10_000 });
if (!result.committed) throw new Error(`refused: ${JSON.stringify(result.errors.slice(0, 3))}`);
say('committed');
// As recordOrder writes one: the order and its supplier's links in one transaction.
await store.write(async (tx) => {
  await tx.run(
    upsertOrder({
      id: 'answered-after', kind: 'SUPPLY', supplierId: 'aofang', buyerId: 'anrui', segmentCode: 'SURFACE_TREATMENT', year: 2025,
      amountCny: 1, quantity: null, unit: null, status: 'ACTIVE', synthetic: false, source: null, updatedAt: new Date().toISOString(),
    }),
  );
  await refreshTradeLinks(tx, ['aofang']);
});
say('recorded');
setInterval(() => undefined, 60_000);
