import { loadavg } from 'node:os';
import { bench, describe } from 'vitest';
import type { GraphStore } from '@yulian/server';
import { disruption } from '../../../server/src/analysis/risk-service';
import { analyzeGaps, chainGaps, findSuppliers, localSupportRate } from '../../../server/src/analysis/supply-service';
import type { ChainGap, DisruptionLoss, LocalSupportRate, SupplierCandidate } from '../../../server/src/analysis/types';
import { BENCH_YEAR, benchBufferPool, benchSizes, LOAD_BATCH, loadSynthetic, type BenchSize, type LoadedStore } from './analysis-setup';
import { recordBenchOrder } from './analysis-writes';
import { NEO4J_LOAD_BATCH } from './neo4j-target';
import { PairedSamples, renderSideBySide, SLOW_RATIO, type Side } from './stores-report';
import { assertSameDataset, loadNeo4j, type LoadedNeo4j } from './stores-setup';

/**
 * The analysis benchmark's operations on the embedded store and on Neo4j side by side, per size
 * (BENCH_SIZES, as analysis.bench.ts: `10000:100000,100000:1000000` by default). Each size is
 * generated once per store by the same child process and seed (load-synthetic.ts; the digests of
 * the two datasets are compared) and loaded into a fresh embedded store and into a fresh Neo4j test
 * server of its own (or NEO4J_URI, which must be empty; one size per run then). Every run of an
 * operation asks both stores the same question, one after the other, so that whatever else the
 * machine does meets both alike.
 *
 * Run alone: `npx vitest bench --run test/src/bench/stores.bench.ts`. BENCH_STORE_DIR keeps both
 * loaded stores for the next run; BENCH_RUNS sets the quick operations' runs at the small size.
 *
 * Vitest runs no hooks in bench mode: the first (warmup) call of a size loads it, and a last
 * one-shot bench prints the table, closes both stores and stops the server.
 */

const WARMUP = 1;
const options = (iterations: number) => ({ iterations, time: 0, warmupIterations: WARMUP, warmupTime: 0, throws: true });
const load = () => loadavg().map((l) => l.toFixed(2)).join(' / ');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface Pair {
  embedded: LoadedStore;
  neo4j: LoadedNeo4j;
  stores: Record<Side, GraphStore>;
  /** Load average when the stores were ready, before the first measured run. */
  loadAtStart: string;
}

const sizes = benchSizes();
if (process.env.NEO4J_URI?.trim() && sizes.length > 1) {
  // The database must be empty for each load, and this benchmark does not empty other people's databases.
  throw new Error('with NEO4J_URI the store benchmark runs one size: set BENCH_SIZES to one firms:orders pair');
}

function once(size: BenchSize): () => Promise<Pair> {
  let loading: Promise<Pair> | undefined;
  return () => {
    loading ??= (async () => {
      const log = (line: string) => console.log(line);
      console.log(`\n[embedded] generating and bulk-loading ${size.firms} firms / ${size.orders} orders in a child process (load average ${load()}) …`);
      const embedded = await loadSynthetic(size, log);
      try {
        console.log(`[neo4j] starting Neo4j and loading the same dataset in a child process (load average ${load()}) …`);
        const neo4j = await loadNeo4j(size, log);
        assertSameDataset(embedded, neo4j);
        return { embedded, neo4j, stores: { embedded: embedded.store, neo4j: neo4j.store }, loadAtStart: load() };
      } catch (error) {
        await embedded.close();
        throw error;
      }
    })();
    return loading;
  };
}

/** Cycles through a list so that repeated runs ask about different firms, not one cached answer. */
function rotation<T>(items: (pair: Pair) => readonly T[], what: string): (pair: Pair) => T {
  let next = 0;
  return (pair) => {
    const list = items(pair);
    if (list.length === 0) throw new Error(`the dataset has no ${what} to ask about`);
    return list[next++ % list.length] as T;
  };
}

// What each answer is compared by: the same dataset must give the same answer on both stores.
const gapKeys = (gaps: readonly ChainGap[]) => gaps.map((g) => `${g.leaderId}|${g.segmentCode}|${g.localShare.toFixed(4)}`).join(',');
const candidateKeys = (list: readonly SupplierCandidate[]) => list.map((c) => c.firmId).join(',');
const rateKey = (r: LocalSupportRate) => `${r.rate?.toFixed(6)}|${r.totalCny.toFixed(0)}`;
const lossKeys = (losses: readonly DisruptionLoss[]) =>
  losses.map((l) => `${l.tier}|${l.buyerId}|${l.lostSupplierId}|${l.segmentCode}|${candidateKeys(l.alternatives)}`).join(';');

for (const size of sizes) {
  const large = size.firms >= 100_000 && size.orders >= 1_000_000;
  // Each run asks both stores; at a million orders the heavy operations take seconds on each.
  const runs = large ? { quick: 10, heavy: 3 } : { quick: Number(process.env.BENCH_RUNS ?? 20), heavy: 10 };

  describe(`embedded vs Neo4j on ${size.firms.toLocaleString('en')} firms / ${size.orders.toLocaleString('en')} orders`, () => {
    const ready = once(size);
    let regionGapCount = 0;

    const leaderGaps = new PairedSamples('chainGaps, one busy leader', WARMUP);
    const regionGaps = new PairedSamples('chainGaps, region-wide', WARMUP);
    const regionShared = new PairedSamples('analyzeGaps + candidates, region-wide', WARMUP);
    const suppliers = new PairedSamples('findSuppliers near a busy leader, first 10 (warm)', WARMUP);
    const afterOrder = new PairedSamples('findSuppliers, first after a write (an order)', WARMUP);
    const rate = new PairedSamples('localSupportRate of a western district', WARMUP);
    const cascade = new PairedSamples('disruption, busy tier-1 supplier, 3 tiers', WARMUP);

    const leader = rotation((p) => p.embedded.targets.busyLeaders, 'chain leaders with orders');
    const search = rotation((p) => p.embedded.targets.supplierSearches, 'leader needs');
    const district = rotation((p) => p.embedded.targets.westernDistricts, 'western districts');
    const tier1 = rotation((p) => p.embedded.targets.busyTier1Suppliers, 'tier-1 suppliers');

    bench(
      leaderGaps.label,
      async () => {
        const pair = await ready();
        const leaderId = leader(pair);
        await leaderGaps.run(pair.stores, (store, measure) => measure(() => chainGaps(store, { year: BENCH_YEAR, leaderId })), gapKeys);
      },
      options(runs.quick),
    );

    bench(
      regionGaps.label,
      async () => {
        const pair = await ready();
        await regionGaps.run(
          pair.stores,
          async (store, measure) => {
            const gaps = await measure(() => chainGaps(store, { year: BENCH_YEAR }));
            regionGapCount = gaps.length;
            return gaps;
          },
          gapKeys,
        );
      },
      options(runs.quick),
    );

    bench(
      regionShared.label,
      async () => {
        const pair = await ready();
        await regionShared.run(
          pair.stores,
          (store, measure) =>
            measure(async () => {
              const analysis = await analyzeGaps(store, { year: BENCH_YEAR });
              // As GraphQL resolves a list's fields: every gap's candidates at once.
              return Promise.all(analysis.gaps.map((gap) => analysis.candidates(gap, { first: 5, lang: 'zh' })));
            }),
          (lists) => lists.map(candidateKeys).join(';'),
        );
      },
      options(runs.heavy),
    );

    bench(
      suppliers.label,
      async () => {
        const pair = await ready();
        const { nearFirmId, segmentCode } = search(pair);
        await suppliers.run(
          pair.stores,
          (store, measure) => measure(() => findSuppliers(store, { segmentCode, nearFirmId, year: BENCH_YEAR, first: 10, lang: 'zh' })),
          candidateKeys,
        );
      },
      options(runs.quick),
    );

    // Each run searches once unmeasured, records an order from one of the candidates to the buyer
    // through the product's command (which redoes the supplier's trade links), and times the search
    // after it. The embedded store catches its kept facts up on the write; Neo4j keeps none.
    let afterWriteRuns = 0;
    bench(
      afterOrder.label,
      async () => {
        const pair = await ready();
        const { nearFirmId, segmentCode } = search(pair);
        const pick = afterWriteRuns++;
        await afterOrder.run(
          pair.stores,
          async (store, measure) => {
            const ask = () => findSuppliers(store, { segmentCode, nearFirmId, year: BENCH_YEAR, first: 10, lang: 'zh' });
            const before = await ask();
            const maker = before[pick % before.length];
            if (!maker) throw new Error(`no candidates for ${nearFirmId} in ${segmentCode}`);
            // The same order (slot and amount) on both stores, so that later runs compare like with like.
            await recordBenchOrder(store, { supplierId: maker.firmId, buyerId: nearFirmId, segmentCode: maker.segmentCode, year: BENCH_YEAR }, pick);
            const after = await measure(ask);
            // A supplier of the buyer is no candidate: the search must already know the order.
            if (after.some((c) => c.firmId === maker.firmId)) throw new Error(`${maker.firmId} supplies ${nearFirmId} now, yet is still a candidate`);
            return after;
          },
          candidateKeys,
        );
      },
      options(runs.quick),
    );

    bench(
      rate.label,
      async () => {
        const pair = await ready();
        const districtCode = district(pair);
        await rate.run(pair.stores, (store, measure) => measure(() => localSupportRate(store, { year: BENCH_YEAR, districtCode })), rateKey);
      },
      options(runs.quick),
    );

    bench(
      cascade.label,
      async () => {
        const pair = await ready();
        const firmId = tier1(pair);
        await cascade.run(pair.stores, (store, measure) => measure(() => disruption(store, { firmId, year: BENCH_YEAR, tiers: 3 })), lossKeys);
      },
      options(runs.heavy),
    );

    bench(
      'report: side-by-side table, then close both stores',
      async () => {
        const { embedded, neo4j, loadAtStart } = await ready();
        const { counts } = embedded;
        const kept = (reused: boolean) => (reused ? ' (kept from an earlier run via BENCH_STORE_DIR: that run’s figures)' : '');
        const preamble = [
          `dataset: ${counts.firms} firms, ${counts.orders} orders, ${counts.capabilities} capabilities, ${counts.needs} needs; year asked: ${BENCH_YEAR}; ` +
            `same generator run on both (${embedded.datasetHash && neo4j.datasetHash ? `digest ${neo4j.datasetHash.slice(0, 12)}… on both` : 'counts and targets equal; no digest in a kept store'})`,
          `embedded load${kept(embedded.reused)}: generate ${seconds(embedded.generateMs)}, bulk load (fresh, batches of ${LOAD_BATCH}) ${seconds(embedded.loadMs)}, ` +
            `checkpoint on close ${seconds(embedded.checkpointMs)}; buffer pool ${benchBufferPool() / 2 ** 20} MiB, in this process`,
          `Neo4j load${kept(neo4j.reused)}: generate ${seconds(neo4j.generateMs)}, bulk load (fresh, batches of ${NEO4J_LOAD_BATCH}) ${seconds(neo4j.loadMs)}` +
            `${neo4j.startMs === null ? '' : `; server start ${seconds(neo4j.startMs)}`}`,
          `Neo4j: ${neo4j.where}; reached over Bolt on loopback`,
          'the embedded store keeps whole-store facts (makers, references, firm places) between requests and catches them up after a write; Neo4j, which other servers may write, reads them on every request',
          `each run asks both stores the same question, alternating which goes first; ${WARMUP} unmeasured warmup run per operation; Neo4j statement timeout ${Number(process.env.BENCH_NEO4J_TIMEOUT_MS ?? 120_000) / 1000} s`,
          `machine load average (1/5/15 min): ${loadAtStart} when measuring began, ${load()} now; two cores`,
          `region-wide gaps: ${regionGapCount}; ◀ marks operations where Neo4j's p50 is more than ${SLOW_RATIO}× the embedded store's`,
        ];
        try {
          console.log(
            renderSideBySide(`${size.firms} firms / ${size.orders} orders: embedded vs Neo4j`, preamble, [
              leaderGaps,
              regionGaps,
              regionShared,
              suppliers,
              afterOrder,
              rate,
              cascade,
            ]),
          );
        } finally {
          await Promise.all([embedded.close(), neo4j.close()]);
        }
      },
      { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0, throws: true },
    );
  });
}
