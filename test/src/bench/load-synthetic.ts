import { writeFileSync } from 'node:fs';
import type { SeedDataset } from '@yulian/seed';
import { EmbeddedStore } from '@yulian/server';
import { generateDataset } from '../../../seed/src/synthetic';
import { bulkLoadDataset } from '../../../server/src/seeding/bulk-load';
import { BENCH_YEAR, DB_BYTES, LOAD_BATCH, LOAD_RESULT_FILE, SEED, type LoadResult, type Targets } from './analysis-setup';

/**
 * Child process of the analysis benchmark: generates one size, bulk-loads it into the folder it is
 * given, closes the store (which checkpoints) and writes what the benchmark needs to know. Run
 * apart so that the dataset and the loader's memory never count towards the query phase's RSS.
 *
 * Usage: tsx load-synthetic.ts <firms> <orders> <folder>
 */

function topBy(counts: Map<string, number>, n: number): string[] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n).map(([id]) => id);
}

/** The firms worth asking about: the busiest leaders and tier-1 suppliers of the year. */
function pickTargets(data: SeedDataset): Targets {
  const leaders = new Set(data.firms.filter((f) => f.isChainLeader).map((f) => f.id));
  const leaderOrders = new Map<string, number>();
  const tier1Orders = new Map<string, number>();
  for (const o of data.orders) {
    if (o.year !== BENCH_YEAR || o.kind !== 'SUPPLY' || !leaders.has(o.buyerId)) continue;
    leaderOrders.set(o.buyerId, (leaderOrders.get(o.buyerId) ?? 0) + 1);
    if (!leaders.has(o.supplierId)) tier1Orders.set(o.supplierId, (tier1Orders.get(o.supplierId) ?? 0) + 1);
  }
  const busyLeaders = topBy(leaderOrders, 10);
  return {
    busyLeaders,
    supplierSearches: busyLeaders.flatMap((id) => data.needs.filter((n) => n.firmId === id).map((n) => ({ nearFirmId: id, segmentCode: n.segmentCode }))),
    westernDistricts: data.districts.filter((d) => d.inRegion).map((d) => d.code),
    busyTier1Suppliers: topBy(tier1Orders, 5),
  };
}

async function main([firmsArg, ordersArg, dir]: string[]): Promise<void> {
  const firms = Number(firmsArg);
  const orders = Number(ordersArg);
  if (!dir || !Number.isInteger(firms) || !Number.isInteger(orders)) throw new Error('usage: load-synthetic.ts <firms> <orders> <folder>');

  let started = performance.now();
  const data = generateDataset({ firms, orders, seed: SEED });
  const generateMs = performance.now() - started;

  const store = await EmbeddedStore.open({ dataDir: dir, maxDbSizeBytes: DB_BYTES });
  await store.ensureSchema();
  started = performance.now();
  let lastPhase = '';
  await bulkLoadDataset(store, data, {
    mode: 'fresh',
    batchSize: LOAD_BATCH,
    onProgress: ({ phase, done, total }) => {
      if (phase !== lastPhase || done === total) console.log(`  ${phase} ${done}/${total} at ${((performance.now() - started) / 1000).toFixed(1)} s`);
      lastPhase = phase;
    },
  });
  const loadMs = performance.now() - started;
  started = performance.now();
  await store.close();
  const checkpointMs = performance.now() - started;

  const result: LoadResult = {
    generateMs,
    loadMs,
    checkpointMs,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    counts: { firms: data.firms.length, orders: data.orders.length, capabilities: data.capabilities.length, needs: data.needs.length },
    targets: pickTargets(data),
  };
  writeFileSync(`${dir}/${LOAD_RESULT_FILE}`, JSON.stringify(result));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
