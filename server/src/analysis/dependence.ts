import type { Dependence } from './types';

/** A firm's yearly sales to one customer for one segment (one trade link). */
export interface SaleLink {
  supplierId: string;
  buyerId: string;
  kind: string;
  amountCny: number;
}

/**
 * How much of a firm's sales each customer takes: supply orders only, since a scrap return is
 * material handed back to a recycler, not a sale the firm depends on. Shares add up to 1 over the
 * customers listed; a firm that sold nothing in the year has no dependence at all (empty list).
 */
export function dependenceOf(firmId: string, links: readonly SaleLink[]): Dependence[] {
  const byCustomer = new Map<string, number>();
  let total = 0;
  for (const l of links) {
    if (l.supplierId !== firmId || l.kind !== 'SUPPLY' || l.buyerId === firmId) continue;
    byCustomer.set(l.buyerId, (byCustomer.get(l.buyerId) ?? 0) + l.amountCny);
    total += l.amountCny;
  }
  if (total <= 0) return [];
  return [...byCustomer]
    .map(([customerId, amountCny]) => ({ customerId, amountCny, share: amountCny / total }))
    .sort((a, b) => b.amountCny - a.amountCny || a.customerId.localeCompare(b.customerId));
}
