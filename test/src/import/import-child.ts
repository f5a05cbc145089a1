/**
 * Child process of atomic.test.ts: opens the store in <dataDir> (seeded by the parent), imports
 * <rows> new orders with the real importer in commit mode, and prints `writing` when the write
 * transaction starts (the order statements run inside it) and `committed` once it resolved.
 *
 *   node --import tsx test/src/import/import-child.ts <dataDir> <rows>
 */
import { writeSync } from 'node:fs';
import type { Viewer } from '../../../server/src/auth/viewer';
import { runImport } from '../../../server/src/import/run';
import { EmbeddedStore } from '../../../server/src/store/embedded/adapter';

const [dataDir = '', rowsArg = '0'] = process.argv.slice(2);
const say = (line: string) => writeSync(1, `${line}\n`);
const admin: Viewer = { userId: 'crash', username: 'crash', displayName: null, role: 'ADMIN', districtCode: null, firmId: null, sessionId: 'crash' };

const lines = ['id,kind,supplierId,buyerId,segmentCode,year,amountCny'];
for (let i = 0; i < Number(rowsArg); i++) lines.push(`kill-${i},SUPPLY,aofang,anrui,SURFACE_TREATMENT,2025,${i}`);

const store = await EmbeddedStore.open({ dataDir, maxDbSizeBytes: 2 ** 33, queryTimeoutMs: 120_000 });
let announced = false;
const result = await runImport(store, {
  kind: 'orders', file: Buffer.from(lines.join('\n')), fileName: 'kill.csv', mode: 'commit', viewer: admin, lang: 'en', batchSize: 10_000,
  onProgress: ({ phase }) => {
    if (phase === 'writing' && !announced) {
      announced = true;
      say('writing');
    }
  },
});
say(result.committed ? 'committed' : `refused ${JSON.stringify(result.errors.slice(0, 3))}`);
await store.close();
