import { articleDataset, type SeedDataset } from '@yulian/seed';
import { loadDataset, queries, refreshTradeLinks, type GraphStore } from '@yulian/server';
import { catalogueExamples } from '@yulian/server/examples';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firmWrite } from '../harness';

const {
  allTradeLinks,
  capabilitiesOfFirms,
  countFirms,
  countNodes,
  deleteOrder,
  findFirms,
  listDistricts,
  ordersByIds,
  registeredQueryNames,
  tradeLinksOfFirms,
  upsertFirm,
  upsertOrder,
} = queries;

/** Node counts by label, in a stable order (UNION ALL does not promise one). */
async function nodeCounts(store: GraphStore): Promise<Record<string, number>> {
  const rows = await store.read(countNodes());
  return Object.fromEntries(rows.map((r) => [r.label, r.total]).sort());
}

/** Thrown inside a write to roll it back on purpose. */
const ROLLBACK = new Error('rollback on purpose');

export interface StoreUnderTest {
  store: GraphStore;
  close(): Promise<void>;
}

/**
 * The behaviour every store adapter must show, on the article's dataset. Expected values are
 * computed here from the dataset itself, never copied from a store's answer.
 */
export function describeStoreContract(name: string, openEmpty: () => Promise<StoreUnderTest>): void {
  describe(`store contract: ${name}`, () => {
    let subject: StoreUnderTest;
    let store: GraphStore;
    const data: SeedDataset = articleDataset;

    beforeAll(async () => {
      subject = await openEmpty();
      store = subject.store;
      await loadDataset(store, data);
    });
    afterAll(() => subject?.close());

    // Hundreds of statements, each in a transaction of its own: minutes on a busy machine over Bolt.
    it('runs every catalogue query', { timeout: 300_000 }, async () => {
      const examples = catalogueExamples();
      expect(new Set(examples.map((q) => q.name))).toEqual(new Set(registeredQueryNames()));
      const before = await nodeCounts(store);
      for (const query of examples) {
        // Inside a write that is rolled back: reads and writes alike run, and the seed stays as it was.
        await expect(
          store.write(async (tx) => {
            await tx.run(query);
            throw ROLLBACK;
          }),
          `query ${query.name}`,
        ).rejects.toBe(ROLLBACK);
      }
      expect(await nodeCounts(store)).toEqual(before);
    });

    it('loads the dataset idempotently', async () => {
      const before = await nodeCounts(store);
      await loadDataset(store, data);
      const after = await nodeCounts(store);
      expect(after).toEqual(before);
      const count = (label: string) => after[label];
      expect(count('Firm')).toBe(data.firms.length);
      expect(count('District')).toBe(data.districts.length);
      expect(count('Segment')).toBe(data.segments.length);
      expect(count('TradeOrder')).toBe(data.orders.length);
    });

    it('lists every district with its facts', async () => {
      const rows = await store.read(listDistricts());
      expect(rows).toHaveLength(data.districts.length);
      for (const d of data.districts) expect(rows).toContainEqual(d);
    });

    it('filters firms as the dataset says', async () => {
      const inRegionCodes = new Set(data.districts.filter((d) => d.inRegion).map((d) => d.code));
      const expected = data.firms
        .filter((f) => inRegionCodes.has(f.districtCode) && f.isChainLeader)
        .map((f) => f.id)
        .sort();
      const rows = await store.read(findFirms({ inRegion: true, chainLeader: true }, 0, 100));
      expect(rows.map((r) => r.id)).toEqual(expected);
      const [count] = await store.read(countFirms({ inRegion: true, chainLeader: true }));
      expect(count?.total).toBe(expected.length);

      const paged = await store.read(findFirms({}, 2, 3));
      expect(paged.map((r) => r.id)).toEqual(data.firms.map((f) => f.id).sort().slice(2, 5));
    });

    it('returns capabilities with their figures', async () => {
      const ids = ['aofang', 'yian'];
      const rows = await store.read(capabilitiesOfFirms(ids));
      const expected = data.capabilities
        .filter((c) => ids.includes(c.firmId))
        .map(({ firmId, segmentCode, capacity, unit, utilisation, yieldRate }) => ({ firmId, segmentCode, capacity, unit, utilisation, yieldRate }));
      expect(rows).toHaveLength(expected.length);
      for (const e of expected) expect(rows).toContainEqual(e);
    });

    it('sums trade links per partner, segment, year and kind', async () => {
      for (const year of [2023, 2024, 2025]) {
        const expected = new Map<string, number>();
        for (const o of data.orders.filter((o) => o.year === year && o.status !== 'CANCELLED')) {
          const key = `${o.supplierId}>${o.buyerId}>${o.segmentCode}>${o.kind}`;
          expected.set(key, (expected.get(key) ?? 0) + o.amountCny);
        }
        const rows = await store.read(allTradeLinks({ year }));
        const actual = new Map(rows.map((r) => [`${r.supplierId}>${r.buyerId}>${r.segmentCode}>${r.kind}`, r.amountCny]));
        expect(actual).toEqual(expected);
      }
      const jianya = await store.read(tradeLinksOfFirms(['jianya'], 'buyer', { year: 2024, kind: 'SUPPLY' }));
      expect(jianya.every((r) => r.buyerId === 'jianya' && r.year === 2024 && r.kind === 'SUPPLY')).toBe(true);
      expect(jianya.find((r) => r.supplierId === 'yian')?.amountCny).toBe(25_000_000);
    });

    it('redraws an order’s edges when it is replaced, and deletes it', async () => {
      const base = data.orders.find((o) => o.supplierId === 'aofang' && o.buyerId === 'anrui');
      if (!base) throw new Error('dataset lacks the Aofang → Anrui order');
      const order = { ...base, id: 'contract-order', updatedAt: '2025-01-01T00:00:00Z' };
      await store.write((tx) => tx.run(upsertOrder(order)));
      await store.write((tx) => tx.run(upsertOrder({ ...order, supplierId: 'yian', amountCny: 7 })));
      const [row] = await store.read(ordersByIds(['contract-order']));
      expect(row).toMatchObject({ supplierId: 'yian', buyerId: 'anrui', amountCny: 7 });
      const links = await store.read(tradeLinksOfFirms(['aofang'], 'supplier', { year: base.year }));
      expect(links.reduce((s, l) => s + l.orderCount, 0)).toBe(
        data.orders.filter((o) => o.supplierId === 'aofang' && o.year === base.year && o.status !== 'CANCELLED').length,
      );
      const deleted = await store.write((tx) => tx.run(deleteOrder('contract-order')));
      expect(deleted).toEqual([{ id: 'contract-order' }]);
      expect(await store.read(ordersByIds(['contract-order']))).toEqual([]);
    });

    it('commits a write transaction whole or not at all', async () => {
      const before = await nodeCounts(store);
      const firm = firmWrite({ id: 'contract-firm', nameZh: '契约测试', nameEn: 'Contract test', districtCode: '500117' });
      await expect(
        store.write(async (tx) => {
          await tx.run(upsertFirm(firm));
          await tx.run({ name: 'broken', cypher: 'RETURN noSuchFunction(1) AS x', params: {} });
        }),
      ).rejects.toThrow();
      expect(await nodeCounts(store)).toEqual(before);

      // A statement that fails while running (not while being planned) ends the transaction too:
      // the firm written before it must be gone, and the caller sees the statement's own error.
      await expect(
        store.write(async (tx) => {
          await tx.run(upsertFirm(firm));
          await tx.run({ name: 'duplicate', cypher: "CREATE (f:Firm {id: 'aofang', nameZh: 'x'}) RETURN f.id AS id", params: {} });
        }),
      ).rejects.toMatchObject({ name: 'StoreError', queryName: 'duplicate' });
      expect(await nodeCounts(store)).toEqual(before);
    });

    it('serialises concurrent writes and serves reads meanwhile', async () => {
      const writes = Array.from({ length: 20 }, (_, i) =>
        store.write(async (tx) => {
          await tx.run(
            upsertOrder({
              id: `concurrent-${i}`, kind: 'SUPPLY', supplierId: 'yian', buyerId: 'jianya', segmentCode: 'BRAKE_DRUM',
              year: 2030, amountCny: 1000 + i, quantity: null, unit: null, status: 'ACTIVE', synthetic: true, source: null,
              updatedAt: '2025-01-01T00:00:00Z',
            }),
          );
          await refreshTradeLinks(tx, ['yian']);
        }),
      );
      const reads = Array.from({ length: 10 }, () => store.read(listDistricts()));
      await Promise.all([...writes, ...reads]);
      const links = await store.read(allTradeLinks({ year: 2030 }));
      expect(links).toEqual([
        expect.objectContaining({ supplierId: 'yian', buyerId: 'jianya', orderCount: 20, amountCny: 20 * 1000 + 190 }),
      ]);
      await store.write(async (tx) => {
        for (let i = 0; i < 20; i++) await tx.run(deleteOrder(`concurrent-${i}`));
        await refreshTradeLinks(tx, ['yian']);
      });
    });

    it('answers ping', async () => {
      expect(await store.ping()).toBe(true);
    });
  });
}
