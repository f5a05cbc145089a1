import { articleDataset, type SeedDataset } from '@yulian/seed';
import { loadDataset, queries, type GraphStore } from '@yulian/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../../seed/src/synthetic';
import { BulkLoadError, bulkLoadDataset, type BulkProgress } from '../../../server/src/seeding/bulk-load';
import { openTempStore, type TempStore } from '../harness';

const {
  allSupports,
  allTradeLinks,
  capabilitiesOfFirms,
  countNodes,
  districtsOfFirms,
  findFirms,
  goalsOfDistricts,
  listDistricts,
  listFeeds,
  listSegments,
  needsOfFirms,
  ordersByIds,
} = queries;

const NOW = new Date('2025-05-14T00:00:00Z');
const YEARS = [2023, 2024, 2025];

const byJson = (a: unknown, b: unknown) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);
const sorted = <T>(rows: T[]): T[] => [...rows].sort(byJson);

/**
 * Everything a store holds about a dataset, read back through the catalogue: nodes, edges and
 * their properties. Two stores with equal snapshots hold the same graph as far as the product can see.
 */
async function snapshot(store: GraphStore, data: SeedDataset) {
  const firmIds = data.firms.map((f) => f.id);
  const districtCodes = data.districts.map((d) => d.code);
  const links: Record<string, unknown> = {};
  for (const year of YEARS) links[year] = sorted(await store.read(allTradeLinks({ year })));
  links.all = sorted(await store.read(allTradeLinks({})));
  return {
    counts: sorted(await store.read(countNodes())),
    districts: await store.read(listDistricts()),
    segments: await store.read(listSegments()),
    feeds: await store.read(listFeeds()),
    firms: await store.read(findFirms({}, 0, 500)),
    firmDistricts: sorted(await store.read(districtsOfFirms(firmIds))),
    capabilities: await store.read(capabilitiesOfFirms(firmIds)),
    needs: await store.read(needsOfFirms(firmIds)),
    orders: sorted(await store.read(ordersByIds(data.orders.map((o) => o.id)))),
    links,
    supports: await store.read(allSupports()),
    goals: await store.read(goalsOfDistricts(districtCodes)),
  };
}

async function withStore<T>(work: (store: GraphStore) => Promise<T>): Promise<T> {
  const temp = await openTempStore({ seed: false });
  try {
    return await work(temp.store);
  } finally {
    await temp.close();
  }
}

/** The article dataset with one firm moved, one order re-pointed and one capability changed. */
function revised(data: SeedDataset): SeedDataset {
  return {
    ...data,
    firms: data.firms.map((f) => (f.id === 'aofang' ? { ...f, districtCode: '500118', certifications: [] } : f)),
    orders: data.orders.map((o) => (o.id === 'o-2024-aofang-anrui-st' ? { ...o, supplierId: 'syn-dazu-st', amountCny: 2_500_000.5 } : o)),
    capabilities: data.capabilities.map((c) => (c.firmId === 'aofang' && c.segmentCode === 'SURFACE_TREATMENT' ? { ...c, utilisation: 1 } : c)),
  };
}

describe('bulk loading the article dataset', () => {
  let reference: TempStore;
  let expected: Awaited<ReturnType<typeof snapshot>>;
  const data = articleDataset;

  beforeAll(async () => {
    reference = await openTempStore({ seed: false });
    await loadDataset(reference.store, data, NOW);
    expected = await snapshot(reference.store, data);
  });
  afterAll(() => reference?.close());

  it('has something to compare', () => {
    expect(expected.firms).toHaveLength(data.firms.length);
    expect(expected.orders).toHaveLength(data.orders.length);
    expect(expected.capabilities).toHaveLength(data.capabilities.length);
    expect(expected.supports).toHaveLength(data.supports.length);
    expect(expected.goals).toHaveLength(data.goals.length);
  });

  // Batches of one and of three give single-row columns, all-empty certification lists and
  // all-null number columns: the encodings the embedded engine is fussiest about.
  it.each([
    ['merge', 10_000],
    ['merge', 1],
    ['merge', 3],
    ['fresh', 10_000],
    ['fresh', 1],
  ] as const)('writes exactly what loadDataset writes (%s mode, batches of %i)', async (mode, batchSize) => {
    await withStore(async (store) => {
      await bulkLoadDataset(store, data, { mode, batchSize, now: NOW });
      expect(await snapshot(store, data)).toEqual(expected);
    });
  });

  it('changes nothing when loaded again', async () => {
    await withStore(async (store) => {
      await bulkLoadDataset(store, data, { mode: 'fresh', now: NOW });
      await bulkLoadDataset(store, data, { now: NOW });
      await bulkLoadDataset(store, data, { batchSize: 4, now: NOW });
      expect(await snapshot(store, data)).toEqual(expected);
    });
  });

  it('updates in place as loadDataset does: a firm moves, an order changes supplier, a figure changes', async () => {
    const next = revised(data);
    await loadDataset(reference.store, next, NOW);
    try {
      const want = await snapshot(reference.store, next);
      expect(want.firmDistricts).toContainEqual(expect.objectContaining({ firmId: 'aofang', code: '500118' }));
      await withStore(async (store) => {
        await bulkLoadDataset(store, data, { now: NOW });
        await bulkLoadDataset(store, next, { batchSize: 5, now: NOW });
        expect(await snapshot(store, next)).toEqual(want);
      });
    } finally {
      await loadDataset(reference.store, data, NOW);
    }
  });

  it('reports progress per phase up to the totals', async () => {
    const seen: BulkProgress[] = [];
    await withStore((store) => bulkLoadDataset(store, data, { batchSize: 10, now: NOW, onProgress: (p) => seen.push(p) }));
    const last = (phase: BulkProgress['phase']) => seen.filter((p) => p.phase === phase).at(-1);
    expect(last('firms')).toEqual({ phase: 'firms', done: data.firms.length, total: data.firms.length });
    expect(last('orders')).toEqual({ phase: 'orders', done: data.orders.length, total: data.orders.length });
    expect(seen.filter((p) => p.phase === 'orders').length).toBe(Math.ceil(data.orders.length / 10));
  });

  it('refuses fresh mode on a store that holds firms', async () => {
    await expect(bulkLoadDataset(reference.store, data, { mode: 'fresh' })).rejects.toThrow(BulkLoadError);
  });

  it('rolls back a batch whose records point at nothing, and says what is missing', async () => {
    await withStore(async (store) => {
      const broken = { ...data, orders: [...data.orders, { ...(data.orders[0] as SeedDataset['orders'][number]), id: 'o-broken', supplierId: 'no-such-firm' }] };
      await expect(bulkLoadDataset(store, broken, { batchSize: 10_000, now: NOW })).rejects.toThrow(/SHIPS edges .*firm/);
      // The embedded engine returns no count row for an empty table, hence the default.
      const orders = (await store.read(countNodes())).find((c) => c.label === 'TradeOrder')?.total ?? 0;
      expect(orders).toBe(0);
      expect((await store.read(findFirms({}, 0, 500))).length).toBe(data.firms.length);
    });
  });
});

describe('bulk loading a synthetic dataset', () => {
  const data = generateDataset({ firms: 2000, orders: 20_000, seed: 11 });

  /** Trade-link sums per supplier, buyer, segment, kind and year, computed from the dataset. */
  function expectedLinks(year: number): Map<string, number> {
    const sums = new Map<string, number>();
    for (const o of data.orders) {
      if (o.year !== year || o.status === 'CANCELLED') continue;
      const key = `${o.supplierId}>${o.buyerId}>${o.segmentCode}>${o.kind}`;
      sums.set(key, (sums.get(key) ?? 0) + o.amountCny);
    }
    return sums;
  }

  async function checkLoaded(store: GraphStore): Promise<void> {
    const counts = Object.fromEntries((await store.read(countNodes())).map((c) => [c.label, c.total]));
    expect(counts).toEqual({ Firm: 2000, TradeOrder: 20_000, District: data.districts.length, Segment: data.segments.length });
    const firmIds = data.firms.map((f) => f.id);
    expect(await store.read(capabilitiesOfFirms(firmIds))).toHaveLength(data.capabilities.length);
    expect(await store.read(needsOfFirms(firmIds))).toHaveLength(data.needs.length);
    expect(await store.read(allSupports())).toHaveLength(data.supports.length);
    const located = await store.read(districtsOfFirms(firmIds));
    expect(new Map(located.map((r) => [r.firmId, r.code]))).toEqual(new Map(data.firms.map((f) => [f.id, f.districtCode])));
    for (const year of YEARS) {
      const rows = await store.read(allTradeLinks({ year }));
      const actual = new Map(rows.map((r) => [`${r.supplierId}>${r.buyerId}>${r.segmentCode}>${r.kind}`, r.amountCny]));
      const want = expectedLinks(year);
      expect(actual.size).toBe(want.size);
      for (const [key, amount] of want) expect(actual.get(key), key).toBeCloseTo(amount, 2);
    }
    // Every property of a spread of orders, exactly.
    const sample = data.orders.filter((_, i) => i % 997 === 0);
    const rows = await store.read(ordersByIds(sample.map((o) => o.id)));
    expect(sorted(rows)).toEqual(sorted(sample.map((o) => ({ ...o }))));
  }

  it('loads in fresh mode with every count, edge and amount in place', { timeout: 180_000 }, async () => {
    await withStore(async (store) => {
      await bulkLoadDataset(store, data, { mode: 'fresh', batchSize: 5000, now: NOW });
      await checkLoaded(store);
    });
  });

  it('loads in merge mode, twice, to the same graph', { timeout: 300_000 }, async () => {
    await withStore(async (store) => {
      await bulkLoadDataset(store, data, { batchSize: 5000, now: NOW });
      await checkLoaded(store);
      await bulkLoadDataset(store, data, { batchSize: 7000, now: NOW });
      await checkLoaded(store);
    });
  });
});
