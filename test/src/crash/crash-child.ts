/**
 * The crash test's writer, run as its own process so that it can be killed with SIGKILL:
 *   node --import tsx test/src/crash/crash-child.ts <dataDir> <run> <checkpointEveryWrites>
 * It waits for a line on standard input before it opens the store, then prints one line per event on
 * standard output, synchronously, so that a line the parent has read was printed before the kill: `ack single <id>` once a one-order write resolved, `ack import
 * <batch>` once a 200-order import in one transaction resolved, and `checkpoint <phase>` as the
 * store's checkpoints pass their phases.
 */
import { writeSync } from 'node:fs';
import { EmbeddedStore } from '../../../server/src/store/embedded/adapter';
import { upsertDistricts, upsertFirm, upsertOrder, upsertSegments, type OrderWrite } from '../../../server/src/store/queries';
import { CRASH_DB_BYTES, IMPORT_SIZE, IMPORT_STATEMENT_ROWS, importOrderId, importOrders } from './crash-plan';

const [dataDir, run, everyWrites] = process.argv.slice(2);
if (!dataDir || !run || !everyWrites) throw new Error('usage: crash-child.ts <dataDir> <run> <checkpointEveryWrites>');

const say = (line: string) => writeSync(1, `${line}\n`);

// Loaded, the store not yet touched: the parent starts the next child while the current one runs and
// lets it open the folder only once the current one is dead, which hides the second it takes to load.
say('loaded');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));

const store = await EmbeddedStore.open({
  dataDir,
  maxDbSizeBytes: CRASH_DB_BYTES,
  checkpointEveryWrites: Number(everyWrites),
  onCheckpoint: (event) => say(`checkpoint ${event.phase}`),
  log: (message) => say(`log ${message}`),
});
say('open');
await store.ensureSchema();
await store.write(async (tx) => {
  await tx.run(upsertDistricts([{ code: '500118', nameZh: '永川区', nameEn: 'Yongchuan', inRegion: true, level: 'district', province: '重庆', lat: 29.36, lng: 105.93 }]));
  await tx.run(upsertSegments([{ code: 'AL_DIE_CASTING', nameZh: '铝压铸件', nameEn: 'Aluminium die castings' }]));
  for (const id of ['crash-supplier', 'crash-buyer']) {
    await tx.run(
      upsertFirm({
        id, nameZh: id, nameEn: id, shortNameZh: null, shortNameEn: null, districtCode: '500118', creditCode: null,
        isChainLeader: false, isOem: false, isRecycler: false, outputCny: null, outputYear: null, yieldRate: null,
        certifications: ['IATF 16949'], lat: null, lng: null, notes: null, synthetic: true, source: 'crash test',
        updatedAt: '2025-01-01T00:00:00.000Z',
      }),
    );
  }
});
say('ready');

function order(id: string, n: number): OrderWrite {
  return {
    id, kind: 'SUPPLY', supplierId: 'crash-supplier', buyerId: 'crash-buyer', segmentCode: 'AL_DIE_CASTING', year: 2025,
    amountCny: 1000 + n, quantity: n, unit: 'pieces', status: 'ACTIVE', synthetic: true, source: 'crash test',
    updatedAt: new Date().toISOString(),
  };
}

for (let n = 0; ; n++) {
  if (n % 4 === 3) {
    const batch = `${run}-${n}`;
    const rows = Array.from({ length: IMPORT_SIZE }, (_, k) => order(importOrderId(batch, k), k));
    // Several statements in one transaction, as an import writes them: all commit or none.
    await store.write(async (tx) => {
      for (let start = 0; start < rows.length; start += IMPORT_STATEMENT_ROWS) await tx.run(importOrders(rows.slice(start, start + IMPORT_STATEMENT_ROWS)));
    });
    say(`ack import ${batch}`);
  } else {
    const id = `single-${run}-${n}`;
    await store.write((tx) => tx.run(upsertOrder(order(id, n))));
    say(`ack single ${id}`);
  }
}
