import type { SingleSourceRisk } from './types';

/** Supply bought by one buyer from one supplier for one segment in the year. */
export interface SupplyLink {
  buyerId: string;
  supplierId: string;
  segmentCode: string;
  amountCny: number;
}

/**
 * Buyer-segment pairs that one supplier alone serves: if that firm stops, the buyer has nobody else
 * already delivering the segment. The rows should be supply orders that are not cancelled (the
 * query sees to it). Largest exposure first.
 */
export function singleSourceRisks(links: readonly SupplyLink[]): SingleSourceRisk[] {
  const pairs = new Map<string, { buyerId: string; segmentCode: string; suppliers: Map<string, number> }>();
  for (const l of links) {
    const key = `${l.buyerId}\u0000${l.segmentCode}`;
    let pair = pairs.get(key);
    if (!pair) pairs.set(key, (pair = { buyerId: l.buyerId, segmentCode: l.segmentCode, suppliers: new Map() }));
    pair.suppliers.set(l.supplierId, (pair.suppliers.get(l.supplierId) ?? 0) + l.amountCny);
  }
  const risks: SingleSourceRisk[] = [];
  for (const { buyerId, segmentCode, suppliers } of pairs.values()) {
    const [only, ...others] = [...suppliers];
    if (!only || others.length) continue;
    risks.push({ buyerId, segmentCode, supplierId: only[0], amountCny: only[1] });
  }
  return risks.sort(
    (a, b) => b.amountCny - a.amountCny || a.buyerId.localeCompare(b.buyerId) || a.segmentCode.localeCompare(b.segmentCode),
  );
}
