import { loadavg } from 'node:os';
import { bench, describe } from 'vitest';
import { disruption } from '../../../server/src/analysis/risk-service';
import { analyzeGaps, candidatesForGap, chainGaps, findSuppliers, localSupportRate } from '../../../server/src/analysis/supply-service';
import { BENCH_YEAR, benchBufferPool, benchSizes, LOAD_BATCH, loadSynthetic, type BenchSize, type LoadedStore } from './analysis-setup';
import { renderTable, Samples } from './analysis-report';
import { changeBenchCapability, recordBenchOrder } from './analysis-writes';

/**
 * The chain analyses on synthetic clusters of 10k firms / 100k orders and 100k firms / 1M orders
 * (BENCH_SIZES overrides, e.g. `BENCH_SIZES=10000:100000 pnpm bench`; BENCH_RUNS sets the runs of
 * the quick operations, 30 by default). Each size is generated, bulk-loaded into a fresh embedded
 * store, and the store reopened before anything is measured. Issue 4's budgets apply at
 * 100k / 1M on two cores; the table after each size prints p50 and p95 against them.
 *
 * Vitest runs no beforeAll/afterAll hooks in bench mode: the first call of a size loads it (a
 * warmup call, so it is not measured) and a last one-shot bench prints the table and closes it.
 * Generation and loading run in a child process, so the RSS figures here are those of a process
 * that only opens the store and answers queries (plus vitest itself).
 */

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
/** One unmeasured call per operation first: the first query of a shape prepares its statement. */
const WARMUP = 1;
const RSS_BUDGET_BYTES = 2 ** 30;

const options = (iterations: number) => ({ iterations, time: 0, warmupIterations: WARMUP, warmupTime: 0, throws: true });

/** Cycles through a list so that repeated runs ask about different firms, not one cached answer. */
function rotation<T>(items: (loaded: LoadedStore) => readonly T[], what: string): (loaded: LoadedStore) => T {
  let next = 0;
  return (loaded) => {
    const list = items(loaded);
    if (list.length === 0) throw new Error(`the dataset has no ${what} to ask about`);
    return list[next++ % list.length] as T;
  };
}

function once(size: BenchSize): () => Promise<LoadedStore> {
  let loading: Promise<LoadedStore> | undefined;
  return () => {
    loading ??= (async () => {
      console.log(`\nGenerating and bulk-loading ${size.firms} firms / ${size.orders} orders in a child process (load average ${load()}) …`);
      const loaded = await loadSynthetic(size, (line) => console.log(line));
      if (loaded.reused) return loaded;
      console.log(
        `generated in ${(loaded.generateMs / 1000).toFixed(1)} s; bulk-loaded (fresh mode) in ${(loaded.loadMs / 1000).toFixed(1)} s; ` +
          `checkpoint on close ${(loaded.checkpointMs / 1000).toFixed(1)} s; loader peak RSS ${Math.round(loaded.maxRssBytes / 2 ** 20)} MiB`,
      );
      return loaded;
    })();
    return loading;
  };
}

/** Other work on the machine skews every figure; the table says how busy it was. */
const load = () => loadavg().map((l) => l.toFixed(2)).join(' / ');

for (const size of benchSizes()) {
  const large = size.firms >= 100_000 && size.orders >= 1_000_000;
  // At 1M orders the supplier ranking takes seconds per call (see the note the table prints), so
  // the slow operations get fewer runs and the per-gap candidates stop after a sample of gaps.
  const runs = { quick: RUNS, medium: large ? 10 : RUNS, heavy: large ? 3 : 10 };
  const gapSample = Number(process.env.BENCH_GAP_SAMPLE ?? (large ? 10 : Infinity));

  describe(`chain analyses on ${size.firms.toLocaleString('en')} firms / ${size.orders.toLocaleString('en')} orders`, () => {
    const ready = once(size);
    let peakRss = 0;
    let regionGapCount = 0;
    const sampleRss = () => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    };

    const leaderGaps = new Samples('chainGaps, one busy leader', WARMUP, { stat: 'p95', maxMs: 50 });
    const regionGaps = new Samples('chainGaps, region-wide', WARMUP, { stat: 'p95', maxMs: 2000 });
    const regionPerGap = new Samples(
      Number.isFinite(gapSample) ? `region-wide gaps + candidatesForGap, first ${gapSample} gaps` : 'region-wide gaps + candidatesForGap per gap',
      WARMUP,
    );
    const regionShared = new Samples('region-wide gaps + candidates (GapAnalysis)', WARMUP);
    const suppliers = new Samples('findSuppliers near a busy leader, first 10', WARMUP, { stat: 'p95', maxMs: 30 });
    const afterOrder = new Samples('findSuppliers, first after a write: an order of a maker', WARMUP, { stat: 'p95', maxMs: 100 });
    const afterCapability = new Samples('findSuppliers, first after a write: a capability', WARMUP, { stat: 'p95', maxMs: 100 });
    const suppliersCold = new Samples('findSuppliers, first after a write that notes nothing', WARMUP);
    const rate = new Samples('localSupportRate of a western district', WARMUP);
    const cascade = new Samples('disruption, busy tier-1 supplier, 3 tiers', WARMUP);

    const leader = rotation((l) => l.targets.busyLeaders, 'chain leaders with orders');
    const search = rotation((l) => l.targets.supplierSearches, 'leader needs');
    const district = rotation((l) => l.targets.westernDistricts, 'western districts');
    const tier1 = rotation((l) => l.targets.busyTier1Suppliers, 'tier-1 suppliers');

    bench(
      leaderGaps.label,
      async () => {
        const loaded = await ready();
        const leaderId = leader(loaded);
        await leaderGaps.time(() => chainGaps(loaded.store, { year: BENCH_YEAR, leaderId }));
        sampleRss();
      },
      options(runs.quick),
    );

    bench(
      regionGaps.label,
      async () => {
        const loaded = await ready();
        const gaps = await regionGaps.time(() => chainGaps(loaded.store, { year: BENCH_YEAR }));
        regionGapCount = gaps.length;
        sampleRss();
      },
      options(runs.medium),
    );

    bench(
      regionPerGap.label,
      async () => {
        const loaded = await ready();
        await regionPerGap.time(async () => {
          const gaps = await chainGaps(loaded.store, { year: BENCH_YEAR });
          // As GraphQL resolves a list's fields: every gap's candidates at once.
          return Promise.all(gaps.slice(0, gapSample).map((gap) => candidatesForGap(loaded.store, gap, { first: 5, lang: 'zh' })));
        });
        sampleRss();
      },
      options(runs.heavy),
    );

    bench(
      regionShared.label,
      async () => {
        const loaded = await ready();
        await regionShared.time(async () => {
          const analysis = await analyzeGaps(loaded.store, { year: BENCH_YEAR });
          return Promise.all(analysis.gaps.map((gap) => analysis.candidates(gap, { first: 5, lang: 'zh' })));
        });
        sampleRss();
      },
      options(runs.heavy),
    );

    bench(
      suppliers.label,
      async () => {
        const loaded = await ready();
        const { nearFirmId, segmentCode } = search(loaded);
        await suppliers.time(() => findSuppliers(loaded.store, { segmentCode, nearFirmId, year: BENCH_YEAR, first: 10, lang: 'zh' }));
        sampleRss();
      },
      options(runs.medium),
    );

    // The facts the ranking keeps catch up on what a write noted (analysis/store-facts.ts): each
    // run searches once unmeasured, so the facts are kept, makes the write its command would make
    // (with its note), and times the search after it.
    let afterWriteRuns = 0;
    bench(
      afterOrder.label,
      async () => {
        const loaded = await ready();
        const { nearFirmId, segmentCode } = search(loaded);
        const ask = () => findSuppliers(loaded.store, { segmentCode, nearFirmId, year: BENCH_YEAR, first: 10, lang: 'zh' });
        const before = await ask();
        const maker = before[afterWriteRuns++ % before.length];
        if (!maker) throw new Error(`no candidates for ${nearFirmId} in ${segmentCode}`);
        await recordBenchOrder(loaded.store, { supplierId: maker.firmId, buyerId: nearFirmId, segmentCode: maker.segmentCode, year: BENCH_YEAR });
        const after = await afterOrder.time(ask);
        // A supplier of the buyer is no candidate: the search must already know the order.
        if (after.some((c) => c.firmId === maker.firmId)) throw new Error(`${maker.firmId} supplies ${nearFirmId} now, yet is still a candidate`);
        sampleRss();
      },
      options(runs.medium),
    );

    bench(
      afterCapability.label,
      async () => {
        const loaded = await ready();
        const { nearFirmId, segmentCode } = search(loaded);
        const ask = () => findSuppliers(loaded.store, { segmentCode, nearFirmId, year: BENCH_YEAR, first: 10, lang: 'zh' });
        const [top] = await ask();
        if (!top) throw new Error(`no candidates for ${nearFirmId} in ${segmentCode}`);
        await changeBenchCapability(loaded.store, top.firmId, top.segmentCode);
        await afterCapability.time(ask);
        sampleRss();
      },
      options(runs.medium),
    );

    // A write that notes nothing may have changed anything: every kept fact is read afresh.
    bench(
      suppliersCold.label,
      async () => {
        const loaded = await ready();
        const { nearFirmId, segmentCode } = search(loaded);
        await loaded.store.write(async () => undefined);
        await suppliersCold.time(() => findSuppliers(loaded.store, { segmentCode, nearFirmId, year: BENCH_YEAR, first: 10, lang: 'zh' }));
        sampleRss();
      },
      options(runs.heavy),
    );

    bench(
      rate.label,
      async () => {
        const loaded = await ready();
        const districtCode = district(loaded);
        await rate.time(() => localSupportRate(loaded.store, { year: BENCH_YEAR, districtCode }));
        sampleRss();
      },
      options(runs.quick),
    );

    bench(
      cascade.label,
      async () => {
        const loaded = await ready();
        const firmId = tier1(loaded);
        await cascade.time(() => disruption(loaded.store, { firmId, year: BENCH_YEAR, tiers: 3 }));
        sampleRss();
      },
      options(runs.heavy),
    );

    bench(
      'report: p50/p95 table, then close the store',
      async () => {
        const loaded = await ready();
        const { counts, targets } = loaded;
        const preamble = [
          `dataset: ${counts.firms} firms, ${counts.orders} orders, ${counts.capabilities} capabilities, ${counts.needs} needs; year asked: ${BENCH_YEAR}`,
          `load (child process${loaded.reused ? ', an earlier run: store reused via BENCH_STORE_DIR' : ''}): generate ${(loaded.generateMs / 1000).toFixed(1)} s, bulk load (fresh, batches of ${LOAD_BATCH}) ${(loaded.loadMs / 1000).toFixed(1)} s, ` +
            `checkpoint ${(loaded.checkpointMs / 1000).toFixed(1)} s, loader peak RSS ${Math.round(loaded.maxRssBytes / 2 ** 20)} MiB`,
          `this process: RSS ${Math.round(loaded.beforeOpenRssBytes / 2 ** 20)} MiB before opening the store (vitest and modules), ` +
            `${Math.round(loaded.openedRssBytes / 2 ** 20)} MiB with it just opened, before any query; buffer pool ${benchBufferPool() ? `${benchBufferPool() / 2 ** 20} MiB` : 'engine default (80% of RAM)'}`,
          `machine load average (1/5/15 min) now: ${load()}; two cores`,
          `asked about: leaders ${targets.busyLeaders.slice(0, 3).join(', ')}…; tier-1 suppliers ${targets.busyTier1Suppliers.slice(0, 3).join(', ')}…; region-wide gaps: ${regionGapCount}`,
        ];
        console.log(
          renderTable(
            `${size.firms} firms / ${size.orders} orders`,
            preamble,
            [leaderGaps, regionGaps, regionPerGap, regionShared, suppliers, afterOrder, afterCapability, suppliersCold, rate, cascade],
            { queryPhaseRssBytes: peakRss, lifetimeMaxRssBytes: process.resourceUsage().maxRSS * 1024, budgetBytes: RSS_BUDGET_BYTES },
            large,
          ),
        );
        await loaded.close();
      },
      { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0, throws: true },
    );
  });
}
