import type { ChainGap } from './types';

export interface GapPurchase {
  buyerId: string;
  supplierId: string;
  supplierInRegion: boolean;
  segmentCode: string;
  amountCny: number;
}

export interface GapNeed {
  buyerId: string;
  segmentCode: string;
}

/**
 * Chain gaps (补链缺口): for each buyer and each segment it buys or needs, a gap is a segment whose
 * local share of the year's purchases is at most `maxLocalShare`, or a needed segment it bought
 * from nobody. Outside suppliers are listed largest first; `distanceKm` is filled by the caller.
 */
export function findGaps(
  purchases: readonly GapPurchase[],
  needs: readonly GapNeed[],
  { year, maxLocalShare, distanceKm }: { year: number; maxLocalShare: number; distanceKm: (buyerId: string, supplierId: string) => number },
): ChainGap[] {
  const groups = new Map<string, { buyerId: string; segmentCode: string; rows: GapPurchase[] }>();
  const key = (buyerId: string, segmentCode: string) => `${buyerId}\u0000${segmentCode}`;
  for (const p of purchases) {
    const k = key(p.buyerId, p.segmentCode);
    const group = groups.get(k) ?? { buyerId: p.buyerId, segmentCode: p.segmentCode, rows: [] };
    group.rows.push(p);
    groups.set(k, group);
  }
  for (const n of needs) {
    const k = key(n.buyerId, n.segmentCode);
    if (!groups.has(k)) groups.set(k, { buyerId: n.buyerId, segmentCode: n.segmentCode, rows: [] });
  }

  const gaps: ChainGap[] = [];
  for (const { buyerId, segmentCode, rows } of groups.values()) {
    const purchasedCny = rows.reduce((sum, r) => sum + r.amountCny, 0);
    const localCny = rows.filter((r) => r.supplierInRegion).reduce((sum, r) => sum + r.amountCny, 0);
    const unsupplied = purchasedCny === 0;
    const localShare = unsupplied ? 0 : localCny / purchasedCny;
    if (!unsupplied && localShare > maxLocalShare) continue;
    const outside = new Map<string, number>();
    for (const r of rows) if (!r.supplierInRegion) outside.set(r.supplierId, (outside.get(r.supplierId) ?? 0) + r.amountCny);
    gaps.push({
      leaderId: buyerId,
      segmentCode,
      year,
      purchasedCny,
      localCny,
      localShare,
      unsupplied,
      outsideSuppliers: [...outside]
        .map(([firmId, amountCny]) => ({ firmId, amountCny, distanceKm: distanceKm(buyerId, firmId) }))
        .sort((a, b) => b.amountCny - a.amountCny || a.firmId.localeCompare(b.firmId)),
    });
  }
  // Largest value bought from outside first: that is where closing the gap matters most.
  const outsideValue = (g: ChainGap) => g.purchasedCny - g.localCny;
  return gaps.sort(
    (a, b) =>
      outsideValue(b) - outsideValue(a) ||
      a.leaderId.localeCompare(b.leaderId) ||
      a.segmentCode.localeCompare(b.segmentCode),
  );
}
