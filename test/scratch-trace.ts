import { EmbeddedStore } from '../server/src/store/embedded/adapter';
import type { GraphStore } from '../server/src/store/port';
import { findSuppliers } from '../server/src/analysis/supply-service';
import { recordBenchOrder, changeBenchCapability } from './src/bench/analysis-writes';
import { readFileSync } from 'node:fs';
const dir = '/tmp/facts-bench/100000-1000000';
const t = JSON.parse(readFileSync(dir + '/bench-load.json', 'utf8')).targets;
const inner = await EmbeddedStore.open({ dataDir: dir, maxDbSizeBytes: 2 ** 37, bufferPoolBytes: 512 * 2 ** 20 });
let log: string[] = [];
const store: GraphStore = {
  kind: inner.kind, dialect: inner.dialect,
  ensureSchema: () => inner.ensureSchema(),
  read: async (q) => { const s = performance.now(); const r = await inner.read(q); log.push(`${q.name} ${(performance.now() - s).toFixed(1)}ms rows ${r.length}`); return r; },
  write: (w) => inner.write(w),
  get committedWrites() { return inner.committedWrites; },
  changesSince: (g) => inner.changesSince(g),
  ping: () => inner.ping(), close: () => inner.close(),
};
for (let i = 0; i < 4; i++) {
  const { nearFirmId, segmentCode } = t.supplierSearches[i];
  const ask = () => findSuppliers(store, { segmentCode, nearFirmId, year: 2024, first: 10, lang: 'zh' });
  let s = performance.now(); const before = await ask(); console.log('warm', (performance.now() - s).toFixed(1)); log = [];
  s = performance.now(); await ask(); console.log('warm2', (performance.now() - s).toFixed(1), log); log = [];
  const m = before[i % before.length]!;
  if (i % 2 === 0) await recordBenchOrder(store, { supplierId: m.firmId, buyerId: nearFirmId, segmentCode: m.segmentCode, year: 2024 });
  else await changeBenchCapability(store, m.firmId, m.segmentCode);
  log = [];
  s = performance.now(); await ask(); console.log(i % 2 ? 'after cap' : 'after order', (performance.now() - s).toFixed(1), log); log = [];
}
await inner.close();
