import type { GraphStore, Transaction } from './port';
import {
  buildAllTradeLinks,
  buildTradeLinksOfSupplier,
  deleteAllTradeLinks,
  deleteTradeLinksOfSupplier,
  tradeLinkPresence,
} from './queries/trade-links';

/**
 * Above this many suppliers one pass over every order (3.4 s at a million orders) is cheaper than
 * redoing each supplier's links (about 50 ms each at that size).
 */
export const REBUILD_ABOVE_SUPPLIERS = 60;

/**
 * Redoes the TRADED links of the suppliers whose orders a transaction wrote, inside that
 * transaction, so the links never disagree with committed orders. Call it after the order writes.
 */
export async function refreshTradeLinks(tx: Transaction, supplierIds: Iterable<string | null | undefined>): Promise<void> {
  const ids = new Set<string>();
  for (const id of supplierIds) if (id) ids.add(id);
  if (ids.size > REBUILD_ABOVE_SUPPLIERS) return rebuildTradeLinks(tx);
  for (const id of ids) {
    await tx.run(deleteTradeLinksOfSupplier(id));
    await tx.run(buildTradeLinksOfSupplier(id));
  }
}

/** Every link dropped and built again from the orders: after bulk loads, large imports and restores. */
export async function rebuildTradeLinks(tx: Transaction): Promise<void> {
  await tx.run(deleteAllTradeLinks());
  await tx.run(buildAllTradeLinks());
}

/**
 * A store written before the links existed has orders and no links: build them once at start.
 * Answers whether it did.
 */
export async function ensureTradeLinks(store: GraphStore): Promise<boolean> {
  const [presence] = await store.read(tradeLinkPresence());
  if (!presence || presence.orders === 0 || presence.links > 0) return false;
  await store.write((tx) => rebuildTradeLinks(tx));
  return true;
}
