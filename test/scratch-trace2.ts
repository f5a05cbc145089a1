import { EmbeddedStore } from '../server/src/store/embedded/adapter';
import { findSuppliers } from '../server/src/analysis/supply-service';
import { keptMakerIndex } from '../server/src/analysis/makers';
import { candidateFactsOf, leaderReferences } from '../server/src/analysis/supplier-facts';
import { locateFirms } from '../server/src/analysis/firm-directory';
import { recordBenchOrder, changeBenchCapability } from './src/bench/analysis-writes';
import { readFileSync } from 'node:fs';
const dir = '/tmp/facts-bench/100000-1000000';
const t = JSON.parse(readFileSync(dir + '/bench-load.json', 'utf8')).targets;
const store = await EmbeddedStore.open({ dataDir: dir, maxDbSizeBytes: 2 ** 37, bufferPoolBytes: 512 * 2 ** 20 });
const lap = async (label: string, f: () => Promise<unknown>) => { const s = performance.now(); await f(); console.log(label, (performance.now() - s).toFixed(1)); };
for (let i = 0; i < 6; i++) {
  const { nearFirmId, segmentCode } = t.supplierSearches[i % 3];
  const ask = () => findSuppliers(store, { segmentCode, nearFirmId, year: 2024, first: 10, lang: 'zh' });
  const before = await ask();
  await lap('warm', ask);
  const m = before[i % before.length]!;
  if (i % 2 === 0) await recordBenchOrder(store, { supplierId: m.firmId, buyerId: nearFirmId, segmentCode: m.segmentCode, year: 2024 });
  else await changeBenchCapability(store, m.firmId, m.segmentCode);
  console.log(i % 2 ? '-- cap' : '-- order');
  await lap(' index', () => keptMakerIndex(store));
  await lap(' refs', () => leaderReferences(store, 2024));
  await lap(' dir', () => locateFirms(store, [nearFirmId]));
  await lap(' cands', () => candidateFactsOf(store, [segmentCode], 2024));
  await lap(' search', ask);
}
await store.close();
