import { readFileSync } from 'node:fs';
import path from 'node:path';
import neo4j, { type ProfiledPlan } from 'neo4j-driver';
import type { GraphStore, Query, Row } from '@yulian/server';
import { Neo4jStore } from '@yulian/server/neo4j';
import { disruption } from '../../../server/src/analysis/risk-service';
import { analyzeGaps, chainGaps, findSuppliers, localSupportRate } from '../../../server/src/analysis/supply-service';
import { renderCypher } from '../../../server/src/store/port';
import { toNeo4jParams } from '../../../server/src/store/neo4j/mapping';
import { startNeo4jTestServer, type Neo4jTestServer } from '../neo4j/test-server';
import { BENCH_YEAR, type LoadResult } from './analysis-setup';
import { NEO4J_LOAD_RESULT_FILE, neo4jLogin } from './neo4j-target';

/**
 * Where Neo4j spends the time of the store benchmark's operations: runs each operation on a Neo4j
 * database that stores.bench.ts loaded and kept (BENCH_STORE_DIR), records every catalogue query it
 * reads with its time, then PROFILEs each query with the parameters it was asked with and prints the
 * plan: operators, rows, db hits. A diagnostic, run by hand; it writes nothing to the database.
 *
 * Usage: BENCH_STORE_DIR=/folder tsx test/src/bench/stores-profile.ts <firms> <orders> [operation…]
 */

interface Asked {
  op: string;
  query: Query;
  ms: number;
}

/** The Neo4j store with every read recorded; writes pass through untouched. */
function recording(store: Neo4jStore, log: Asked[], op: () => string): GraphStore {
  return {
    kind: store.kind,
    dialect: store.dialect,
    ensureSchema: () => store.ensureSchema(),
    async read<R extends Row>(query: Query<R>): Promise<R[]> {
      const started = performance.now();
      const rows = await store.read(query);
      log.push({ op: op(), query, ms: performance.now() - started });
      return rows;
    },
    write: (work) => store.write(work),
    ping: () => store.ping(),
    close: () => store.close(),
  };
}

type Operation = (store: GraphStore, targets: LoadResult['targets']) => Promise<unknown>;

const operations: Record<string, Operation> = {
  leaderGaps: (s, t) => chainGaps(s, { year: BENCH_YEAR, leaderId: t.busyLeaders[0] }),
  regionGaps: (s) => chainGaps(s, { year: BENCH_YEAR }),
  regionShared: async (s) => {
    const analysis = await analyzeGaps(s, { year: BENCH_YEAR });
    return Promise.all(analysis.gaps.map((gap) => analysis.candidates(gap, { first: 5, lang: 'zh' })));
  },
  suppliers: (s, t) => findSuppliers(s, { ...(t.supplierSearches[0] as { nearFirmId: string; segmentCode: string }), year: BENCH_YEAR, first: 10, lang: 'zh' }),
  rate: (s, t) => localSupportRate(s, { year: BENCH_YEAR, districtCode: t.westernDistricts[0] }),
  disruption: (s, t) => disruption(s, { firmId: t.busyTier1Suppliers[0] as string, year: BENCH_YEAR, tiers: 3 }),
};

const WARM_RUNS = 3;
const TIMED_RUNS = 5;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Sums db hits over a plan tree. */
function dbHits(plan: ProfiledPlan): number {
  return plan.dbHits + plan.children.reduce((n, c) => n + dbHits(c), 0);
}

function printPlan(plan: ProfiledPlan, depth = 0): void {
  const details = String(plan.arguments.Details ?? '').replace(/\s+/g, ' ').slice(0, 140);
  console.log(`${'  '.repeat(depth + 2)}${plan.operatorType}  rows ${plan.rows}  dbHits ${plan.dbHits}${details ? `  · ${details}` : ''}`);
  for (const child of plan.children) printPlan(child, depth + 1);
}

async function main([firmsArg, ordersArg, ...only]: string[]): Promise<void> {
  const root = process.env.BENCH_STORE_DIR?.trim();
  if (!root || !firmsArg || !ordersArg) throw new Error('usage: BENCH_STORE_DIR=/folder tsx stores-profile.ts <firms> <orders> [operation…]');
  const dir = path.join(path.resolve(root), `${firmsArg}-${ordersArg}-neo4j`);
  const { targets } = JSON.parse(readFileSync(path.join(dir, NEO4J_LOAD_RESULT_FILE), 'utf8')) as LoadResult;
  const large = Number(ordersArg) >= 1_000_000;
  const server: Neo4jTestServer = await startNeo4jTestServer({ dataDir: path.join(dir, 'data'), heapMb: large ? 4096 : 2048, pageCacheMb: large ? 2048 : 512 });
  const uri = server.uris[0] as string;
  const store = await Neo4jStore.open({ uri, ...neo4jLogin() });
  const driver = neo4j.driver(uri, neo4j.auth.basic(neo4jLogin().user, neo4jLogin().password));
  try {
    // The floor under every read: a fresh session, a transaction and one round trip over Bolt.
    const floor: number[] = [];
    for (let i = 0; i < 25; i++) {
      const started = performance.now();
      await store.read({ name: 'floor', cypher: 'RETURN 1 AS one', params: {} });
      if (i >= 5) floor.push(performance.now() - started);
    }
    console.log(`RETURN 1 through Neo4jStore.read: median ${median(floor).toFixed(1)} ms of ${floor.length}`);
    const open = driver.session({ database: neo4jLogin().database });
    const inOpen: number[] = [];
    for (let i = 0; i < 25; i++) {
      const started = performance.now();
      await open.run('RETURN 1 AS one');
      if (i >= 5) inOpen.push(performance.now() - started);
    }
    await open.close();
    console.log(`RETURN 1 in one open session (auto-commit): median ${median(inOpen).toFixed(1)} ms of ${inOpen.length}`);

    const asked: Asked[] = [];
    let current = '';
    const recorded = recording(store, asked, () => current);
    for (const [name, op] of Object.entries(operations)) {
      if (only.length && !only.includes(name)) continue;
      // Plans the statements and warms the page cache and the JIT, as the benchmark's runs do.
      for (let i = 0; i < WARM_RUNS; i++) await op(store, targets);
      current = name;
      const totals: number[] = [];
      for (let i = 0; i < TIMED_RUNS; i++) {
        const started = performance.now();
        await op(recorded, targets);
        totals.push(performance.now() - started);
      }
      console.log(`\n## ${name}: median ${median(totals).toFixed(1)} ms of ${TIMED_RUNS} runs; per read (median, runs in parallel overlap):`);
      const byName = new Map<string, number[]>();
      for (const a of asked.filter((x) => x.op === name)) byName.set(a.query.name, [...(byName.get(a.query.name) ?? []), a.ms]);
      for (const [query, times] of byName) console.log(`   ${query} ×${times.length / TIMED_RUNS}  ${median(times).toFixed(1)} ms`);
    }
    // Each distinct statement once per operation (the same text may scan far more for one), with
    // the parameters of its slowest call there.
    const slowest = new Map<string, Asked>();
    for (const a of asked) {
      const key = `${a.op}\n${renderCypher(a.query, store.dialect)}`;
      if ((slowest.get(key)?.ms ?? -1) < a.ms) slowest.set(key, a);
    }
    for (const [key, a] of [...slowest].sort((x, y) => y[1].ms - x[1].ms)) {
      const cypher = key.slice(key.indexOf('\n') + 1);
      const session = driver.session({ database: neo4jLogin().database, defaultAccessMode: neo4j.session.READ });
      try {
        // Server time (until the first row; until the last row was sent) against the time here,
        // which adds the round trips, the transfer and the driver's decoding of every row.
        let timing = '';
        for (let i = 0; i < 3; i++) {
          const started = performance.now();
          const plain = await session.run(cypher, toNeo4jParams(a.query.params));
          const client = performance.now() - started;
          timing = `server: first row after ${plain.summary.resultAvailableAfter.toNumber()} ms, last after +${plain.summary.resultConsumedAfter.toNumber()} ms; here ${client.toFixed(1)} ms`;
        }
        const result = await session.run(`PROFILE ${cypher}`, toNeo4jParams(a.query.params));
        const plan = result.summary.profile;
        if (!plan) continue;
        console.log(`\n### ${a.query.name} (${a.op}, ${a.ms.toFixed(1)} ms when asked; ${result.records.length} rows, ${dbHits(plan)} db hits; ${timing})`);
        console.log(`   ${cypher.replace(/\s+/g, ' ')}`);
        printPlan(plan);
      } finally {
        await session.close();
      }
    }
  } finally {
    await driver.close();
    await store.close();
    await server.stop();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
