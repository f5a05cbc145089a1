import { queries, type GraphStore, type Query } from '@yulian/server';
import { SYSTEM_VIEWER, type CommandContext } from '../../../server/src/commands/context';
import { removeNeed, setCapability, setNeed } from '../../../server/src/commands/firm-segments';
import { upsertFirm } from '../../../server/src/commands/firms';
import { deleteOrder, recordOrder, type OrderFields } from '../../../server/src/commands/orders';
import type { Prng } from '../../../seed/src/synthetic/prng';

/**
 * Random writes made by the commands every entry point calls (server/src/commands/), as the
 * product's own account: each decides, writes, redoes the derived trade links and notes what
 * changed (store/changes.ts). The kept-facts test applies them in random sequences, so a command
 * that forgets to note a change fails it.
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

/** No command removes a capability yet; this write notes its change as a command would. */
const removeCapabilityQuery = (firmId: string, segmentCode: string): Query => ({
  name: 'test:removeCapability',
  cypher: 'MATCH (f:Firm {id: $firmId})-[m:MAKES]->(s:Segment {code: $segmentCode}) DELETE m',
  params: { firmId, segmentCode },
});

/** One command in its own write transaction, as a GraphQL mutation runs it. */
function command(store: GraphStore, work: (ctx: CommandContext) => Promise<unknown>): Promise<unknown> {
  return store.write((tx) => work({ tx, viewer: SYSTEM_VIEWER, now: new Date(STAMP) }));
}

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
      const fields = await randomOrder(store, rng, world, { id, supplierId: firm, buyerId: buyer, segmentCode: segment });
      await command(store, (ctx) => recordOrder(ctx, fields));
      world.orderIds.push(id);
      return `order ${id} ${firm} → ${buyer} ${segment}`;
    }
    case 'reassignOrder': {
      const id = rng.pick(world.orderIds);
      const buyer = rng.pick(world.firmIds.filter((other) => other !== firm));
      const fields = await randomOrder(store, rng, world, { id, supplierId: firm, buyerId: buyer, segmentCode: segment });
      await command(store, (ctx) => recordOrder(ctx, fields));
      return `order ${id} now ${firm} → ${buyer} ${segment}`;
    }
    case 'deleteOrder': {
      const id = rng.pick(world.orderIds);
      await command(store, (ctx) => deleteOrder(ctx, id));
      world.orderIds.splice(world.orderIds.indexOf(id), 1);
      return `order ${id} deleted`;
    }
    case 'capability': {
      const fields = {
        firmId: firm,
        segmentCode: segment,
        capacity: rng.chance(0.2) ? null : Math.round(rng.uniform(0, 500_000)),
        unit: rng.pick(['sets', 'pieces', null]),
        utilisation: rng.chance(0.2) ? null : rng.pick([0, 0.5, 0.8, 1]),
        yieldRate: rng.chance(0.3) ? null : rng.pick([0.6, 0.9, 0.97]),
      };
      await command(store, (ctx) => setCapability(ctx, fields));
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
      const annualDemand = rng.chance(0.2) ? null : Math.round(rng.uniform(1, 400_000));
      await command(store, (ctx) => setNeed(ctx, { firmId: firm, segmentCode: segment, annualDemand, unit: 'sets' }));
      return `need ${firm} ${segment}`;
    }
    case 'removeNeed': {
      const [need] = await store.read(queries.needsOfFirms([firm]));
      if (!need) return `no need of ${firm} to remove`;
      await command(store, (ctx) => removeNeed(ctx, { firmId: firm, segmentCode: need.segmentCode }));
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
    const fields = {
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
    };
    await command(store, (ctx) => upsertFirm(ctx, { fields }));
    return `firm ${firm}: ${change}`;
}

/** A random order; a scrap return only to a recycler, the rule recordOrder enforces. */
async function randomOrder(store: GraphStore, rng: Prng, world: World, parties: { id: string; supplierId: string; buyerId: string; segmentCode: string }): Promise<OrderFields> {
  const [buyer] = await store.read(queries.firmsByIds([parties.buyerId]));
  return {
    ...parties,
    kind: buyer?.isRecycler === true && rng.chance(0.5) ? 'SCRAP_RETURN' : 'SUPPLY',
    year: rng.pick(world.years),
    amountCny: Math.round(rng.uniform(10_000, 5_000_000)),
    quantity: null,
    unit: null,
    status: rng.chance(0.2) ? 'CANCELLED' : 'ACTIVE',
  };
}
