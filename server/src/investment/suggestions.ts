import type { ChainGap } from '../analysis/types';

/**
 * First leads for a district's target list: firms outside the region that already supply the
 * district's chain leaders in gap segments. They know the product and the customer, so inviting
 * them to build nearby is the obvious first call. Ranked by the value the leaders bought from them
 * in the gap segments (largest first), which is what localising them would bring into the region.
 */
export interface TargetSuggestion {
  firmId: string;
  segmentCode: string;
  /** Value the district's chain leaders bought from this firm in this segment in the year. */
  amountCny: number;
  /** The chain leaders it supplies there, sorted. */
  leaderIds: string[];
  /** Distance to the nearest of those leaders. */
  distanceKm: number;
}

export function suggestTargets(gaps: readonly ChainGap[]): TargetSuggestion[] {
  const byPair = new Map<string, TargetSuggestion>();
  for (const gap of gaps) {
    for (const outside of gap.outsideSuppliers) {
      const key = `${outside.firmId}\u0000${gap.segmentCode}`;
      const s = byPair.get(key) ?? { firmId: outside.firmId, segmentCode: gap.segmentCode, amountCny: 0, leaderIds: [], distanceKm: Infinity };
      s.amountCny += outside.amountCny;
      if (!s.leaderIds.includes(gap.leaderId)) s.leaderIds.push(gap.leaderId);
      s.distanceKm = Math.min(s.distanceKm, outside.distanceKm);
      byPair.set(key, s);
    }
  }
  return [...byPair.values()]
    .map((s) => ({ ...s, leaderIds: [...s.leaderIds].sort() }))
    .sort((a, b) => b.amountCny - a.amountCny || a.firmId.localeCompare(b.firmId) || a.segmentCode.localeCompare(b.segmentCode));
}
