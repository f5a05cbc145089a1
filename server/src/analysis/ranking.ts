import { haversineKm } from '@yulian/schema';
import type { LogisticsCosts } from './logistics';
import { explainCandidate } from './reasons';
import type { Lang, SupplierCandidate } from './types';

/**
 * Supplier ranking. The score (0–100) is a weighted sum of five parts, each scaled to 0–1:
 *
 * | part | weight | scale |
 * | --- | --- | --- |
 * | distance to the buyer | 0.30 | 1 / (1 + km / 50): 0 km → 1, 50 km → 0.5, 150 km → 0.25 |
 * | spare capacity against the buyer's demand | 0.25 | spare ÷ demand, capped at 1; 1 with spare and no known demand; 0.5 unknown; 0 none |
 * | yield rate | 0.25 | (yield − 0.6) ÷ 0.4, clamped: 60% → 0, 100% → 1; 0.25 when unknown |
 * | IATF 16949 certification | 0.10 | 1 or 0 |
 * | references: chain leaders already supplied | 0.10 | leaders ÷ 3, capped at 1 |
 *
 * Firms with no spare capacity sort after every firm that has some (or may have: unknown), whatever
 * their score; ties break on distance, then id. Firms outside the region and firms already
 * supplying the buyer are never candidates.
 */
export const RANKING_WEIGHTS = { distance: 0.3, capacity: 0.25, yield: 0.25, certification: 0.1, references: 0.1 } as const;

export const IATF = 'IATF 16949';

export interface CandidateFacts {
  firmId: string;
  segmentCode: string;
  inRegion: boolean;
  lat: number;
  lng: number;
  capacity: number | null;
  unit: string | null;
  utilisation: number | null;
  yieldRate: number | null;
  certifications: readonly string[];
  chainLeaderCustomers: number;
}

export interface BuyerFacts {
  firmId: string;
  lat: number;
  lng: number;
  /** Short names for the reasons. */
  nameZh: string;
  nameEn: string;
}

export interface RankingRequest {
  /** Whom the candidates would supply; null ranks without distance (its part counts 0.5 for all). */
  buyer: BuyerFacts | null;
  /** The buyer's yearly demand for the segment, in the candidates' unit; null when unknown. */
  demand: number | null;
  /** Firms that already supply the buyer. */
  excludeFirmIds: ReadonlySet<string>;
  maxDistanceKm?: number | null;
  minYieldRate?: number | null;
  certification?: string | null;
  /** The current outside supply this would replace, for the logistics saving estimate. */
  outsideSupply?: { distanceKm: number; amountCny: number } | null;
  logistics: LogisticsCosts;
  lang: Lang;
  first: number;
}


export function spareOf(c: Pick<CandidateFacts, 'capacity' | 'utilisation'>): number | null {
  if (c.capacity == null || c.utilisation == null) return null;
  return Math.max(0, c.capacity * (1 - c.utilisation));
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

export function scoreParts(c: CandidateFacts, distanceKm: number | null, demand: number | null) {
  const spare = spareOf(c);
  return {
    distance: distanceKm === null ? 0.5 : 1 / (1 + distanceKm / 50),
    capacity: spare === null ? 0.5 : spare === 0 ? 0 : demand && demand > 0 ? Math.min(1, spare / demand) : 1,
    yield: c.yieldRate == null ? 0.25 : clamp01((c.yieldRate - 0.6) / 0.4),
    certification: c.certifications.includes(IATF) ? 1 : 0,
    references: Math.min(1, c.chainLeaderCustomers / 3),
  };
}

export function rankCandidates(facts: readonly CandidateFacts[], request: RankingRequest): SupplierCandidate[] {
  const { buyer } = request;
  // One row per firm: a firm making the segment twice (two child segments) counts once, at its best.
  // Reasons are written only for the candidates returned: a common segment has ten thousand makers.
  const best = new Map<string, Ranked>();
  for (const c of facts) {
    if (!c.inRegion || c.firmId === buyer?.firmId || request.excludeFirmIds.has(c.firmId)) continue;
    if (request.minYieldRate != null && (c.yieldRate == null || c.yieldRate < request.minYieldRate)) continue;
    if (request.certification && !c.certifications.includes(request.certification)) continue;
    const distanceKm = buyer ? haversineKm(buyer.lat, buyer.lng, c.lat, c.lng) : null;
    if (request.maxDistanceKm != null && distanceKm !== null && distanceKm > request.maxDistanceKm) continue;
    const parts = scoreParts(c, distanceKm, request.demand);
    const score =
      100 *
      (RANKING_WEIGHTS.distance * parts.distance +
        RANKING_WEIGHTS.capacity * parts.capacity +
        RANKING_WEIGHTS.yield * parts.yield +
        RANKING_WEIGHTS.certification * parts.certification +
        RANKING_WEIGHTS.references * parts.references);
    const spare = spareOf(c);
    const ranked: Ranked = {
      facts: c,
      firmId: c.firmId,
      score: Math.round(score * 10) / 10,
      exactKm: distanceKm,
      distanceKm: distanceKm === null ? null : Math.round(distanceKm * 10) / 10,
      spare,
      hasSpare: spare !== 0,
    };
    const previous = best.get(c.firmId);
    if (!previous || compare(ranked, previous) < 0) best.set(c.firmId, ranked);
  }
  return firstInOrder(best.values(), request.first, compare).map((r) => describe(r, request));
}

/**
 * The `n` first items in `order`, sorted, without sorting them all: most of ten thousand makers
 * lose to the n-th best found so far with one comparison.
 */
export function firstInOrder<T>(items: Iterable<T>, n: number, order: (a: T, b: T) => number): T[] {
  const kept: T[] = [];
  if (n <= 0) return kept;
  for (const item of items) {
    if (kept.length === n && order(item, kept[n - 1] as T) >= 0) continue;
    let at = kept.length === n ? n - 1 : kept.length;
    while (at > 0 && order(item, kept[at - 1] as T) < 0) {
      kept[at] = kept[at - 1] as T;
      at -= 1;
    }
    kept[at] = item;
  }
  return kept;
}

/** What ranking needs of a candidate before it is known to be among those returned. */
interface Ranked {
  facts: CandidateFacts;
  firmId: string;
  score: number;
  exactKm: number | null;
  distanceKm: number | null;
  spare: number | null;
  hasSpare: boolean;
}

function describe(r: Ranked, request: RankingRequest): SupplierCandidate {
  const { buyer, logistics } = request;
  const c = r.facts;
  const outside = request.outsideSupply;
  const saving =
    outside && r.exactKm !== null && logistics.cnyPerTonne > 0
      ? Math.max(0, outside.distanceKm - r.exactKm) * (outside.amountCny / logistics.cnyPerTonne) * logistics.cnyPerTonneKm
      : null;
  return {
    firmId: c.firmId,
    buyerId: buyer?.firmId ?? null,
    segmentCode: c.segmentCode,
    score: r.score,
    distanceKm: r.distanceKm,
    spareCapacity: r.spare === null ? null : Math.round(r.spare),
    unit: c.unit,
    yieldRate: c.yieldRate,
    certifications: [...c.certifications],
    chainLeaderCustomers: c.chainLeaderCustomers,
    estimatedLogisticsSavingCny: saving === null ? null : Math.round(saving),
    reasons: explainCandidate(
      { buyer, distanceKm: r.exactKm, spare: r.spare, unit: c.unit, demand: request.demand, yieldRate: c.yieldRate, certifications: c.certifications, leaders: c.chainLeaderCustomers },
      request.lang,
    ),
  };
}

function compare(a: Ranked, b: Ranked): number {
  return (
    Number(b.hasSpare) - Number(a.hasSpare) ||
    b.score - a.score ||
    (a.distanceKm ?? 0) - (b.distanceKm ?? 0) ||
    a.firmId.localeCompare(b.firmId)
  );
}
