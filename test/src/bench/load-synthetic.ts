import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SeedDataset } from '@yulian/seed';
import { EmbeddedStore, type GraphStore } from '@yulian/server';
import { generateDataset } from '../../../seed/src/synthetic';
import { bulkLoadDataset } from '../../../server/src/seeding/bulk-load';
import { BENCH_YEAR, DB_BYTES, LOAD_BATCH, LOAD_RESULT_FILE, SEED, type LoadResult, type Targets } from './analysis-setup';
import { NEO4J_LOAD_BATCH, NEO4J_LOAD_RESULT_FILE, openEmptyNeo4j } from './neo4j-target';

/**
 * Child process of the analysis benchmarks: generates one size, bulk-loads it into the folder it is
 * given, closes the store (which checkpoints) and writes what the benchmark needs to know. Run
 * apart so that the dataset and the loader's memory never count towards the query phase's RSS.
 *
 * With a Bolt URI as well, the same dataset (same generator, same seed) goes into that Neo4j
 * database instead, which must be empty; the folder then only receives the result, under its own
 * name so that it never passes for an embedded store's (stores.bench.ts compares the two).
 *
 * Usage: tsx load-synthetic.ts <firms> <orders> <folder> [bolt URI]
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

/**
 * A digest of every generated record, in order: two loads that report the same digest loaded the
 * same dataset, whatever process or store they ran in.
 */
function datasetHash(data: SeedDataset): string {
  const hash = createHash('sha256');
  for (const key of Object.keys(data).sort() as (keyof SeedDataset)[]) {
    hash.update(`${key}\n`);
    const value = data[key];
    // Record by record: one JSON text of a million orders would cost hundreds of MB at once.
    if (Array.isArray(value)) for (const item of value) hash.update(`${JSON.stringify(item)}\n`);
    else hash.update(`${JSON.stringify(value)}\n`);
  }
  return hash.digest('hex');
}

async function main([firmsArg, ordersArg, dir, boltUri]: string[]): Promise<void> {
  const firms = Number(firmsArg);
  const orders = Number(ordersArg);
  if (!dir || !Number.isInteger(firms) || !Number.isInteger(orders)) throw new Error('usage: load-synthetic.ts <firms> <orders> <folder> [bolt URI]');

  let started = performance.now();
  const data = generateDataset({ firms, orders, seed: SEED });
  const generateMs = performance.now() - started;

  const store: GraphStore = boltUri ? await openEmptyNeo4j(boltUri) : await EmbeddedStore.open({ dataDir: dir, maxDbSizeBytes: DB_BYTES });
  await store.ensureSchema();
  started = performance.now();
  let lastPhase = '';
  await bulkLoadDataset(store, data, {
    mode: 'fresh',
    // Neo4j holds a transaction's changes on its heap, about 16 KB per order written.
    batchSize: boltUri ? NEO4J_LOAD_BATCH : LOAD_BATCH,
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
    datasetHash: datasetHash(data),
  };
  writeFileSync(path.join(dir, boltUri ? NEO4J_LOAD_RESULT_FILE : LOAD_RESULT_FILE), JSON.stringify(result));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
