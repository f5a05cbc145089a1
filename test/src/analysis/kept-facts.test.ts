import { loadDataset, queries, refreshTradeLinks, type GraphStore } from '@yulian/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../../seed/src/synthetic/generate';
import { Prng } from '../../../seed/src/synthetic/prng';
import { MAX_PATCHED_FIRMS } from '../../../server/src/analysis/store-facts';
import { candidateFactsOf } from '../../../server/src/analysis/supplier-facts';
import { findSuppliers } from '../../../server/src/analysis/supply-service';
import { openTempStore, type TempStore } from '../harness';
import { applyWrite, changeFirm, WRITE_KINDS, type World } from './noted-writes';
import { countedView } from './store-view';
import { supplierSnapshot, type SupplierScope } from './supplier-snapshot';

/**
 * Kept facts catch up on the changes writers note (analysis/store-facts.ts). Whatever the writes,
 * a store whose facts caught up must answer exactly as a freshly loaded store state: the real
 * embedded store, random sequences of writes made as the commands make them, and after each few
 * commits every search and every kept fact compared with those of a new view of the same store.
 */

const YEARS = [2023, 2024, 2025];
let temp: TempStore;
let world: World;
let scope: SupplierScope;
/** Buyers with the most suppliers, leader or not: a change of their leader flag recounts many references. */
let busiest: { leader: string; other: string };

beforeAll(async () => {
  temp = await openTempStore({ seed: false });
  const data = generateDataset({ firms: 120, orders: 900, seed: 13 });
  await loadDataset(temp.store, data, new Date('2025-05-14T00:00:00Z'));
  const segments = await temp.store.read(queries.listSegments());
  const parents = new Set(segments.map((s) => s.parentCode));
  const firmIds = data.firms.map((f) => f.id);
  world = {
    firmIds,
    leafSegments: segments.filter((s) => !parents.has(s.code)).map((s) => s.code),
    districts: data.districts.map((d) => d.code),
    orderIds: data.orders.map((o) => o.id),
    years: YEARS,
  };
  const leaders = data.firms.filter((f) => f.isChainLeader).map((f) => f.id);
  const suppliers = new Map<string, Set<string>>();
  for (const o of data.orders) suppliers.set(o.buyerId, (suppliers.get(o.buyerId) ?? new Set()).add(o.supplierId));
  const byCount = [...suppliers].sort((a, b) => b[1].size - a[1].size).map(([id]) => id);
  busiest = { leader: byCount.find((id) => leaders.includes(id)) as string, other: byCount.find((id) => !leaders.includes(id)) as string };
  scope = { firmIds, segments: segments.map((s) => s.code), buyers: [...leaders.slice(0, 2), firmIds[7] as string, firmIds[40] as string], years: [...YEARS, null] };
});
afterAll(() => temp.close());

describe('kept facts after writes', () => {
  it('answer every supplier search and hold every fact exactly as a fresh read, over random sequences of noted writes', async () => {
    const kept = countedView(temp.store);
    await supplierSnapshot(kept.store, scope);
    const wholeReads = () => ['regionalMakersOf', 'allFirmLocations'].map((name) => kept.reads.get(name) ?? 0);
    const loadedOnce = wholeReads();
    const expectCaughtUp = async (what: string) => {
      expect(await supplierSnapshot(kept.store, scope), what).toEqual(await supplierSnapshot(countedView(temp.store).store, scope));
    };
    // Chosen, not left to chance: a firm that becomes, or stops being, a chain leader changes the
    // references of every firm supplying it.
    for (const firmId of [busiest.other, busiest.leader]) {
      await changeFirm(temp.store, world, firmId, 'leader', new Prng(0));
      await expectCaughtUp(`leader flag of ${firmId} flipped`);
    }
    for (const seed of [1, 2, 3]) {
      const rng = new Prng(seed);
      for (let step = 0; step < 12; step++) {
        // One to three commits between reads: a catch-up may have to cover several.
        const done: string[] = [];
        for (let i = rng.int(3); i >= 0; i--) done.push(await applyWrite(temp.store, world, rng.pick(WRITE_KINDS), rng));
        if (rng.chance(0.4)) {
          // A search catching up while the next write commits: what it reads may be newer than the
          // changes it patches, and the next catch-up must still come out right.
          const [, racing] = await Promise.all([supplierSnapshot(kept.store, scope), applyWrite(temp.store, world, rng.pick(WRITE_KINDS), rng)]);
          done.push(`${racing} (during a search)`);
        }
        await expectCaughtUp(`sequence ${seed}, step ${step}: ${done.join('; ')}`);
      }
    }
    // Every change was described and small, so nothing was read whole again: the facts were patched.
    expect(wholeReads()).toEqual(loadedOnce);
  });

  it('build a segment first asked after a write from counts read since', async () => {
    const kept = countedView(temp.store);
    const [asked, later] = scope.segments.filter((code) => world.leafSegments.includes(code)) as [string, string];
    await findSuppliers(kept.store, { segmentCode: asked, year: 2024, first: 10, lang: 'en' });
    // A maker of the segment not asked yet starts supplying a chain leader it did not supply.
    const [maker] = (await candidateFactsOf(countedView(temp.store).store, [later], 2024)).get(later) ?? [];
    if (!maker) throw new Error(`no maker of ${later}`);
    const supplied = new Set((await temp.store.read(queries.leaderCustomersOfSupplier(maker.firmId))).filter((c) => c.year === 2024).map((c) => c.leaderId));
    const leaders = (await temp.store.read(queries.chainLeaderIds())).map((r) => r.firmId).sort();
    const leader = leaders.find((id) => id !== maker.firmId && !supplied.has(id));
    if (!leader) throw new Error(`${maker.firmId} supplies every leader`);
    await temp.store.write(async (tx) => {
      await tx.run(queries.upsertOrder({ id: 'kf-first-asked', kind: 'SUPPLY', supplierId: maker.firmId, buyerId: leader, segmentCode: maker.segmentCode, year: 2024, amountCny: 1_000, quantity: null, unit: null, status: 'ACTIVE', synthetic: true, source: null, updatedAt: '2025-05-14T00:00:00.000Z' }));
      await refreshTradeLinks(tx, [maker.firmId]);
      tx.note({ entity: 'Order', firmIds: [maker.firmId, leader] });
    });
    const facts = async (store: GraphStore) => (await candidateFactsOf(store, [later], 2024)).get(later)?.find((c) => c.firmId === maker.firmId);
    expect((await facts(kept.store))?.chainLeaderCustomers).toBe(maker.chainLeaderCustomers + 1);
    expect(await facts(kept.store)).toEqual(await facts(countedView(temp.store).store));
  });

  it('drop everything after a write that notes nothing, and keep everything after a session write', async () => {
    const kept = countedView(temp.store);
    await supplierSnapshot(kept.store, scope);
    const before = new Map(kept.reads);

    // A sign-in notes a Session: nothing a supplier search keeps is read again.
    await applyWrite(temp.store, world, 'session', new Prng(9));
    await supplierSnapshot(kept.store, scope);
    for (const name of ['regionalMakersOf', 'allFirmLocations', 'chainLeaderReferences', 'chainLeaderIds', 'supplyOfBuyers', 'buyerNeeds']) {
      expect(kept.reads.get(name), name).toBe(before.get(name));
    }

    // The same capability change as a command would make, without its note: a changed firm's rows
    // could be anywhere, so everything is read afresh and the answers show the change.
    const firmId = world.firmIds[3] as string;
    const segmentCode = world.leafSegments[0] as string;
    await temp.store.write(async (tx) => {
      await tx.run(queries.setCapability({ firmId, segmentCode, capacity: 123_456, unit: 'sets', utilisation: 0.1, yieldRate: 0.99, source: null }));
    });
    const caughtUp = await supplierSnapshot(kept.store, scope);
    expect(kept.reads.get('regionalMakersOf')).toBe((before.get('regionalMakersOf') ?? 0) + 1);
    expect(kept.reads.get('allFirmLocations')).toBe((before.get('allFirmLocations') ?? 0) + 1);
    expect(caughtUp).toEqual(await supplierSnapshot(countedView(temp.store).store, scope));
    const made = caughtUp.perYear[0]?.candidates.find(([segment]) => segment === segmentCode)?.[1];
    // Only firms inside the region are candidates.
    expect(made?.find((c) => c.firmId === firmId)?.capacity).toBe((await inRegion(firmId)) ? 123_456 : undefined);
  });

  it('drop everything after a write touching more firms than patching them would pay for', async () => {
    const kept = countedView(temp.store);
    await supplierSnapshot(kept.store, scope);
    const before = new Map(kept.reads);
    // As an import writes: one note per row, here a capability for each of more than MAX_PATCHED_FIRMS firms.
    const firms = world.firmIds.slice(0, MAX_PATCHED_FIRMS + 1);
    await temp.store.write(async (tx) => {
      for (const firmId of firms) {
        await tx.run(queries.setCapability({ firmId, segmentCode: world.leafSegments[1] as string, capacity: 5_000, unit: 'sets', utilisation: 0.2, yieldRate: 0.95, source: null }));
        tx.note({ entity: 'Capability', firmIds: [firmId] });
      }
    });
    const caughtUp = await supplierSnapshot(kept.store, scope);
    expect(kept.reads.get('regionalMakersOf')).toBe((before.get('regionalMakersOf') ?? 0) + 1);
    expect(kept.reads.get('regionalMakerRowsOfFirm') ?? 0).toBe(before.get('regionalMakerRowsOfFirm') ?? 0);
    expect(caughtUp).toEqual(await supplierSnapshot(countedView(temp.store).store, scope));
  });
});

async function inRegion(firmId: string): Promise<boolean> {
  const [place] = await temp.store.read(queries.districtsOfFirms([firmId]));
  return place?.inRegion === true;
}
