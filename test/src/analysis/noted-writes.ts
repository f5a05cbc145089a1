import { refreshTradeLinks, type GraphStore, type Query } from '@yulian/server';
import { queries } from '@yulian/server';
import type { Prng } from '../../../seed/src/synthetic/prng';

/**
 * Random writes as the commands make them (server/src/commands/): the same catalogue queries, the
 * derived trade links redone, and the note of what changed (store/changes.ts), all in one
 * transaction. The kept-facts test applies them in random sequences.
 */

export interface World {
  firmIds: readonly string[];
  /** Segments a firm can make or need: those without children. */
  leafSegments: readonly string[];
  districts: readonly string[];
  /** Orders that exist now; writes keep it current. */
  orderIds: string[];
  years: readonly number[];
}

export type WriteKind = 'order' | 'reassignOrder' | 'deleteOrder' | 'capability' | 'removeCapability' | 'firm' | 'need' | 'removeNeed' | 'session';

export const WRITE_KINDS: readonly WriteKind[] = ['order', 'reassignOrder', 'deleteOrder', 'capability', 'removeCapability', 'firm', 'need', 'removeNeed', 'session'];

/** Not in the catalogue yet (the commands layer brings removeCapability); the test needs it now. */
const removeCapabilityQuery = (firmId: string, segmentCode: string): Query => ({
  name: 'test:removeCapability',
  cypher: 'MATCH (f:Firm {id: $firmId})-[m:MAKES]->(s:Segment {code: $segmentCode}) DELETE m',
  params: { firmId, segmentCode },
});

let serial = 0;
const STAMP = '2025-05-14T00:00:00.000Z';

/** Applies one write of `kind`; answers what it did, for a failure's message. */
export async function applyWrite(store: GraphStore, world: World, kind: WriteKind, rng: Prng): Promise<string> {
  const firm = rng.pick(world.firmIds);
  const segment = rng.pick(world.leafSegments);
  switch (kind) {
    case 'order': {
      const buyer = rng.pick(world.firmIds.filter((id) => id !== firm));
      const id = `kf-${serial++}`;
      await store.write(async (tx) => {
        await tx.run(queries.upsertOrder(randomOrder(rng, world, { id, supplierId: firm, buyerId: buyer, segmentCode: segment })));
        await refreshTradeLinks(tx, [firm]);
        tx.note({ entity: 'Order', firmIds: [firm, buyer] });
      });
      world.orderIds.push(id);
      return `order ${id} ${firm} → ${buyer} ${segment}`;
    }
    case 'reassignOrder': {
      const id = rng.pick(world.orderIds);
      const buyer = rng.pick(world.firmIds.filter((other) => other !== firm));
      await store.write(async (tx) => {
        const [former] = await tx.run(queries.ordersByIds([id]));
        if (!former) throw new Error(`order ${id} is gone`);
        await tx.run(queries.upsertOrder(randomOrder(rng, world, { id, supplierId: firm, buyerId: buyer, segmentCode: segment })));
        await refreshTradeLinks(tx, [firm, former.supplierId]);
        tx.note({ entity: 'Order', firmIds: [firm, buyer, former.supplierId, former.buyerId] });
      });
      return `order ${id} now ${firm} → ${buyer} ${segment}`;
    }
    case 'deleteOrder': {
      const id = rng.pick(world.orderIds);
      await store.write(async (tx) => {
        const [former] = await tx.run(queries.ordersByIds([id]));
        if (!former) throw new Error(`order ${id} is gone`);
        await tx.run(queries.deleteOrder(id));
        await refreshTradeLinks(tx, [former.supplierId]);
        tx.note({ entity: 'Order', firmIds: [former.supplierId, former.buyerId] });
      });
      world.orderIds.splice(world.orderIds.indexOf(id), 1);
      return `order ${id} deleted`;
    }
    case 'capability': {
      await store.write(async (tx) => {
        await tx.run(
          queries.setCapability({
            firmId: firm,
            segmentCode: segment,
            capacity: rng.chance(0.2) ? null : Math.round(rng.uniform(0, 500_000)),
            unit: rng.pick(['sets', 'pieces', null]),
            utilisation: rng.chance(0.2) ? null : rng.pick([0, 0.5, 0.8, 1]),
            yieldRate: rng.chance(0.3) ? null : rng.pick([0.6, 0.9, 0.97]),
            source: null,
          }),
        );
        tx.note({ entity: 'Capability', firmIds: [firm] });
      });
      return `capability ${firm} ${segment}`;
    }
    case 'removeCapability': {
      const [made] = await store.read(queries.capabilitiesOfFirms([firm]));
      if (!made) return `no capability of ${firm} to remove`;
      await store.write(async (tx) => {
        await tx.run(removeCapabilityQuery(firm, made.segmentCode));
        tx.note({ entity: 'Capability', firmIds: [firm] });
      });
      return `capability ${firm} ${made.segmentCode} removed`;
    }
    case 'firm':
      return changeFirm(store, world, firm, rng.pick(FIRM_CHANGES), rng);
    case 'need': {
      await store.write(async (tx) => {
        await tx.run(queries.setNeed({ firmId: firm, segmentCode: segment, annualDemand: rng.chance(0.2) ? null : Math.round(rng.uniform(1, 400_000)), unit: 'sets', source: null }));
        tx.note({ entity: 'Need', firmIds: [firm] });
      });
      return `need ${firm} ${segment}`;
    }
    case 'removeNeed': {
      const [need] = await store.read(queries.needsOfFirms([firm]));
      if (!need) return `no need of ${firm} to remove`;
      await store.write(async (tx) => {
        await tx.run(queries.removeNeed(firm, need.segmentCode));
        tx.note({ entity: 'Need', firmIds: [firm] });
      });
      return `need ${firm} ${need.segmentCode} removed`;
    }
    case 'session': {
      // A sign-in writes only its session and audit rows: nothing a supplier search reads.
      await store.write(async (tx) => {
        tx.note({ entity: 'Session', firmIds: [] });
      });
      return 'session';
    }
  }
}

export const FIRM_CHANGES = ['place', 'district', 'yield', 'certification', 'leader'] as const;

/** An upsertFirm of a firm as it is but for one change ('leader' flips whether it is a chain leader). */
export async function changeFirm(store: GraphStore, world: World, firm: string, change: (typeof FIRM_CHANGES)[number], rng: Prng): Promise<string> {
  const [row] = await store.read(queries.firmsByIds([firm]));
  const [place] = await store.read(queries.districtsOfFirms([firm]));
  if (!row || !place) throw new Error(`firm ${firm} is gone`);
    const certifications = row.certifications ?? [];
    await store.write(async (tx) => {
      await tx.run(
        queries.upsertFirm({
          id: row.id,
          nameZh: row.nameZh,
          nameEn: row.nameEn,
          shortNameZh: row.shortNameZh,
          shortNameEn: row.shortNameEn,
          creditCode: row.creditCode,
          districtCode: change === 'district' ? rng.pick(world.districts) : place.code,
          isChainLeader: change === 'leader' ? !row.isChainLeader : row.isChainLeader,
          isOem: row.isOem,
          isRecycler: row.isRecycler,
          outputCny: row.outputCny,
          outputYear: row.outputYear,
          yieldRate: change === 'yield' ? rng.pick([null, 0.7, 0.95, 0.99]) : row.yieldRate,
          certifications:
            change === 'certification' ? (certifications.includes('IATF 16949') ? certifications.filter((c) => c !== 'IATF 16949') : [...certifications, 'IATF 16949']) : certifications,
          lat: change === 'place' ? (rng.chance(0.3) ? null : rng.uniform(29, 31)) : row.lat,
          lng: change === 'place' ? (rng.chance(0.3) ? null : rng.uniform(105, 108)) : row.lng,
          notes: row.notes,
          synthetic: row.synthetic,
          source: row.source,
          updatedAt: STAMP,
        }),
      );
      tx.note({ entity: 'Firm', firmIds: [firm] });
    });
    return `firm ${firm}: ${change}`;
}

function randomOrder(rng: Prng, world: World, parties: { id: string; supplierId: string; buyerId: string; segmentCode: string }): queries.OrderWrite {
  return {
    ...parties,
    kind: rng.chance(0.9) ? 'SUPPLY' : 'SCRAP_RETURN',
    year: rng.pick(world.years),
    amountCny: Math.round(rng.uniform(10_000, 5_000_000)),
    quantity: null,
    unit: null,
    status: rng.chance(0.2) ? 'CANCELLED' : 'ACTIVE',
    synthetic: true,
    source: null,
    updatedAt: STAMP,
  };
}
