import type { SeedDataset } from '@yulian/seed';
import { acceptedOrThrow } from '../commands/batch';
import { readerOf, SYSTEM_VIEWER, type CommandContext } from '../commands/context';
import { decideCapabilities, decideNeeds, writeCapabilities, writeNeeds } from '../commands/firm-segments';
import { decideFirms, writeFirms } from '../commands/firms';
import { decideOrders, writeOrders } from '../commands/orders';
import { setGoal } from '../commands/goals';
import { decideSupports, writeSupports } from '../commands/supports';
import type { GraphStore, Transaction } from '../store/port';
import { countNodes, linkSegmentFeeds, linkSegmentParents, upsertDistricts, upsertSegments } from '../store/queries';
import { loadIntroductions } from './load-introductions';
import { loadTargets } from './load-targets';

export interface LoadSummary {
  districts: number;
  segments: number;
  firms: number;
  orders: number;
}

/**
 * Writes a dataset in one transaction: either all of it is in, or nothing changed. Every write is
 * a MERGE by key and the commands skip records that are already as given, so loading the same
 * dataset twice leaves the store as it was, its audit log included.
 */
export async function loadDataset(store: GraphStore, data: SeedDataset, now = new Date()): Promise<LoadSummary> {
  await store.write(async (tx) => {
    // Reference data: the map of districts and segments, which no user command changes.
    await runIfAny(tx, data.districts, upsertDistricts);
    await runIfAny(tx, data.segments, upsertSegments);
    await runIfAny(
      tx,
      data.segments.flatMap((s) => (s.parent ? [{ from: s.code, to: s.parent }] : [])),
      linkSegmentParents,
    );
    await runIfAny(tx, data.feeds, linkSegmentFeeds);
    tx.note({ entity: 'Reference', firmIds: [] });
    // The chain itself goes through the commands, as the system: the same rules, audit and derived data as any write.
    const ctx: CommandContext = { tx, viewer: SYSTEM_VIEWER, now };
    const reader = readerOf(tx);
    const firms = await decideFirms(reader, SYSTEM_VIEWER, data.firms.map(({ synthetic, source, ...f }) => ({ fields: { ...f, creditCode: null }, provenance: { synthetic, source } })));
    await writeFirms(ctx, acceptedOrThrow(firms, 'firms'), SEED_ACTION);
    const capabilities = await decideCapabilities(reader, SYSTEM_VIEWER, data.capabilities.map(({ source, ...c }) => ({ fields: c, provenance: { synthetic: false, source } })));
    await writeCapabilities(ctx, acceptedOrThrow(capabilities, 'capabilities'), SEED_ACTION);
    const needs = await decideNeeds(reader, SYSTEM_VIEWER, data.needs.map(({ source, ...n }) => ({ fields: n, provenance: { synthetic: false, source } })));
    await writeNeeds(ctx, acceptedOrThrow(needs, 'needs'), SEED_ACTION);
    const orders = await decideOrders(reader, SYSTEM_VIEWER, data.orders.map(({ synthetic, source, ...o }) => ({ fields: o, provenance: { synthetic, source } })));
    await writeOrders(ctx, acceptedOrThrow(orders, 'orders'), SEED_ACTION);
    const supports = await decideSupports(reader, SYSTEM_VIEWER, data.supports.map(({ synthetic, source, ...s }) => ({ fields: s, provenance: { synthetic, source } })));
    await writeSupports(ctx, acceptedOrThrow(supports, 'supports'), SEED_ACTION);
    for (const { id: _id, ...goal } of data.goals) await setGoal(ctx, goal);
    // Seeded targets carry their whole history (days, actors, notes), which no form or file row
    // expresses; they are written as given, and only where the store does not hold them yet.
    await loadTargets(tx, data.targets);
    await loadIntroductions(tx, data.introductions);
  });
  return {
    districts: data.districts.length,
    segments: data.segments.length,
    firms: data.firms.length,
    orders: data.orders.length,
  };
}

/** The audit log's action for what seeding wrote. */
const SEED_ACTION = 'seed';

async function runIfAny<T>(
  tx: Transaction,
  rows: T[],
  build: (rows: T[]) => Parameters<Transaction['run']>[0],
): Promise<void> {
  // The embedded engine rejects UNWIND over an empty list.
  if (rows.length > 0) await tx.run(build(rows));
}

/** True when the store holds no firms, districts or segments yet. */
export async function isEmpty(store: GraphStore): Promise<boolean> {
  const counts = await store.read(countNodes());
  return counts.every((c) => c.total === 0);
}
