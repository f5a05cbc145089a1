import type { GraphStore } from '../../../server/src/store/port';
import { capabilitiesOfFirms, ordersByIds, setCapability, upsertOrder } from '../../../server/src/store/queries';
import { refreshTradeLinks } from '../../../server/src/store/trade-links';

/**
 * The writes the analysis benchmark makes before timing the first search after a write, each as
 * its command makes it: the same queries, the derived trade links redone, and the same note of
 * what changed (store/changes.ts), in one transaction.
 *
 * Both are idempotent over runs: a kept store (BENCH_STORE_DIR) holds at most `ORDER_SLOTS` extra
 * orders, and a capability moves between two utilisations, so a rerun measures the same store.
 */

const ORDER_SLOTS = 4;
let orderRuns = 0;

/** A supply order from a maker of the segment to the buyer, in a slot an earlier run may hold. */
export async function recordBenchOrder(store: GraphStore, order: { supplierId: string; buyerId: string; segmentCode: string; year: number }): Promise<void> {
  const id = `bench-after-write-${orderRuns++ % ORDER_SLOTS}`;
  await store.write(async (tx) => {
    const [former] = await tx.run(ordersByIds([id]));
    await tx.run(
      upsertOrder({
        id,
        kind: 'SUPPLY',
        ...order,
        amountCny: 1_000_000,
        quantity: null,
        unit: null,
        status: 'ACTIVE',
        synthetic: true,
        source: 'bench',
        updatedAt: '2025-05-14T00:00:00.000Z',
      }),
    );
    // The slot's former supplier loses the order: its links are redone and it is noted too.
    await refreshTradeLinks(tx, [order.supplierId, former?.supplierId]);
    tx.note({ entity: 'Order', firmIds: [order.supplierId, order.buyerId, ...(former ? [former.supplierId, former.buyerId] : [])] });
  });
}

/** One of a firm's capabilities with its utilisation moved between two values. */
export async function changeBenchCapability(store: GraphStore, firmId: string, segmentCode: string): Promise<void> {
  const [capability] = (await store.read(capabilitiesOfFirms([firmId]))).filter((c) => c.segmentCode === segmentCode);
  if (!capability) throw new Error(`${firmId} does not make ${segmentCode}`);
  await store.write(async (tx) => {
    await tx.run(setCapability({ ...capability, utilisation: capability.utilisation === 0.55 ? 0.65 : 0.55, source: 'bench' }));
    tx.note({ entity: 'Capability', firmIds: [firmId] });
  });
}
