import { SYSTEM_VIEWER } from '../../../server/src/commands/context';
import { setCapability } from '../../../server/src/commands/firm-segments';
import { recordOrder } from '../../../server/src/commands/orders';
import type { GraphStore } from '../../../server/src/store/port';
import { capabilitiesOfFirms } from '../../../server/src/store/queries';

/**
 * The writes the analysis benchmark makes before timing the first search after a write, through
 * the commands every entry point calls (as the product's own account): each redoes the derived
 * trade links and notes what changed (store/changes.ts) in its transaction.
 *
 * Both are idempotent over runs: a kept store (BENCH_STORE_DIR) holds at most `ORDER_SLOTS` extra
 * orders, and a capability moves between two utilisations, so a rerun measures the same store.
 */

const ORDER_SLOTS = 4;
let orderRuns = 0;

/**
 * A supply order from a maker of the segment to the buyer, in a slot an earlier run may hold.
 * `run` picks slot and amount; a benchmark writing to two stores passes the same to both, so that
 * they keep holding the same data.
 */
export async function recordBenchOrder(
  store: GraphStore,
  order: { supplierId: string; buyerId: string; segmentCode: string; year: number },
  run = orderRuns++,
): Promise<void> {
  const id = `bench-after-write-${run % ORDER_SLOTS}`;
  // The amount differs each run, so the command never skips the write as unchanged.
  const fields = { id, kind: 'SUPPLY' as const, ...order, amountCny: 1_000_000 + run, quantity: null, unit: null, status: 'ACTIVE' as const };
  await store.write((tx) => recordOrder({ tx, viewer: SYSTEM_VIEWER, now: new Date() }, fields));
}

/** One of a firm's capabilities with its utilisation moved between two values. */
export async function changeBenchCapability(store: GraphStore, firmId: string, segmentCode: string): Promise<void> {
  const [capability] = (await store.read(capabilitiesOfFirms([firmId]))).filter((c) => c.segmentCode === segmentCode);
  if (!capability) throw new Error(`${firmId} does not make ${segmentCode}`);
  const fields = {
    firmId, segmentCode, capacity: capability.capacity, unit: capability.unit,
    utilisation: capability.utilisation === 0.55 ? 0.65 : 0.55, yieldRate: capability.yieldRate,
  };
  await store.write((tx) => setCapability({ tx, viewer: SYSTEM_VIEWER, now: new Date() }, fields));
}
