import { haversineKm } from '@yulian/schema';
import type { LogisticsCosts } from './logistics';
import { explainCandidate } from './reasons';
import type { Lang, SavingSource, SupplierCandidate } from './types';

/**
 * Supplier ranking. The score (0–100) is a weighted sum of five parts, each scaled to 0–1:
 *
 * | part | weight | scale |
 * | --- | --- | --- |
 * | distance to the buyer | 0.30 | 1 / (1 + km / 50): 0 km → 1, 50 km → 0.5, 150 km → 0.25 |
 * | spare capacity against the buyer's demand | 0.25 | spare ÷ demand, capped at 1; 1 with spare and no known demand; 0 none or not reported |
 * | yield rate | 0.25 | (yield − 0.6) ÷ 0.4, clamped: 60% → 0, 100% → 1; 0 when not reported |
 * | IATF 16949 certification | 0.10 | 1 or 0 |
 * | references: chain leaders already supplied | 0.10 | leaders ÷ 3, capped at 1 |
 *
 * What a firm has not reported scores as the poorest known value, never as an average: a firm
 * cannot rank higher by leaving its yield blank, and the reasons say "未填报". Firms with no spare
 * capacity sort after every firm that has some (or may have: not reported), whatever their score;
 * ties break on distance, then id. Firms outside the region and firms already supplying the buyer
 * the segment asked about (analysis/supply-service.ts, currentSuppliers) are never candidates.
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
  /** Firms that already supply the buyer this segment: no candidates. */
  excludeFirmIds: ReadonlySet<string>;
  /** Firms that supply the buyer other segments: candidates, with the tie said in their reasons. */
  suppliesBuyerOtherwise?: ReadonlySet<string>;
  maxDistanceKm?: number | null;
  minYieldRate?: number | null;
  certification?: string | null;
  /** The current outside supply this would replace, for the logistics saving estimate. */
  outsideSupply?: OutsideSupply | null;
  logistics: LogisticsCosts;
  lang: Lang;
  first: number;
}


/** The buyer's largest supply from outside the region in the segment: one trade link. */
export interface OutsideSupply {
  distanceKm: number;
  amountCny: number;
  /** The link the amount is: who may see a saving derived from it (auth/policy.ts). */
  from?: SavingSource;
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
    capacity: capacityPart(spare, demand),
    yield: c.yieldRate == null ? 0 : clamp01((c.yieldRate - 0.6) / 0.4),
    certification: c.certifications.includes(IATF) ? 1 : 0,
    references: Math.min(1, c.chainLeaderCustomers / 3),
  };
}

/**
 * A segment's makers as the ranking reads them on every search: the parts of the score that do not
 * depend on the buyer, and spare capacity, worked out once per kept list of facts (see
 * candidateFactsOf, which keeps one list per segment and year until the next write).
 */
interface PreparedFacts {
  spare: Float64Array;
  yieldPart: Float64Array;
  certificationPart: Float64Array;
  referencesPart: Float64Array;
}

const prepared = new WeakMap<readonly CandidateFacts[], PreparedFacts>();

function emptyPrepared(n: number): PreparedFacts {
  return { spare: new Float64Array(n), yieldPart: new Float64Array(n), certificationPart: new Float64Array(n), referencesPart: new Float64Array(n) };
}

function prepareAt(p: PreparedFacts, i: number, c: CandidateFacts): void {
  const parts = scoreParts(c, null, null);
  p.spare[i] = spareOf(c) ?? Number.NaN;
  p.yieldPart[i] = parts.yield;
  p.certificationPart[i] = parts.certification;
  p.referencesPart[i] = parts.references;
}

function prepare(facts: readonly CandidateFacts[]): PreparedFacts {
  const known = prepared.get(facts);
  if (known) return known;
  const p = emptyPrepared(facts.length);
  facts.forEach((c, i) => prepareAt(p, i, c));
  prepared.set(facts, p);
  return p;
}

/**
 * A kept list of facts with those `drop` picks left out and `added` put at the end, as a new list:
 * how a write's few touched makers are brought up to date in a segment's ten thousand. The prepared
 * numbers of the facts kept are carried over, so only the added ones are worked out. The order of
 * a list never changes a ranking (rankCandidates orders every candidate completely).
 */
export function spliceFacts(facts: readonly CandidateFacts[], drop: (c: CandidateFacts) => boolean, added: readonly CandidateFacts[]): CandidateFacts[] {
  const keptAt: number[] = [];
  facts.forEach((c, i) => {
    if (!drop(c)) keptAt.push(i);
  });
  const result = [...keptAt.map((i) => facts[i] as CandidateFacts), ...added];
  const before = prepared.get(facts);
  if (before) {
    const p = emptyPrepared(result.length);
    keptAt.forEach((from, to) => {
      p.spare[to] = before.spare[from] as number;
      p.yieldPart[to] = before.yieldPart[from] as number;
      p.certificationPart[to] = before.certificationPart[from] as number;
      p.referencesPart[to] = before.referencesPart[from] as number;
    });
    added.forEach((c, j) => prepareAt(p, keptAt.length + j, c));
    prepared.set(result, p);
  }
  return result;
}

/**
 * The first `request.first` candidates, best first. A common segment has ten thousand makers, so a
 * maker is scored from prepared numbers and compared with the last one kept before anything is
 * made for it; reasons are written only for the candidates returned. A firm making the segment
 * twice (two child segments) counts once, at its best.
 */
export function rankCandidates(facts: readonly CandidateFacts[], request: RankingRequest): SupplierCandidate[] {
  const { buyer, demand } = request;
  const { spare, yieldPart, certificationPart, referencesPart } = prepare(facts);
  const kept: Ranked[] = [];
  const first = request.first;
  for (let i = 0; i < facts.length; i++) {
    const c = facts[i] as CandidateFacts;
    if (!c.inRegion || c.firmId === buyer?.firmId || request.excludeFirmIds.has(c.firmId)) continue;
    if (request.minYieldRate != null && (c.yieldRate == null || c.yieldRate < request.minYieldRate)) continue;
    if (request.certification && !c.certifications.includes(request.certification)) continue;
    const exactKm = buyer ? haversineKm(buyer.lat, buyer.lng, c.lat, c.lng) : null;
    if (request.maxDistanceKm != null && exactKm !== null && exactKm > request.maxDistanceKm) continue;
    const spareHere = spare[i] as number;
    // The same sum, in the same order, as scoreParts' parts weighted: the same score to the last bit.
    const score =
      100 *
      (RANKING_WEIGHTS.distance * (exactKm === null ? 0.5 : 1 / (1 + exactKm / 50)) +
        RANKING_WEIGHTS.capacity * capacityPart(Number.isNaN(spareHere) ? null : spareHere, demand) +
        RANKING_WEIGHTS.yield * (yieldPart[i] as number) +
        RANKING_WEIGHTS.certification * (certificationPart[i] as number) +
        RANKING_WEIGHTS.references * (referencesPart[i] as number));
    const rounded = Math.round(score * 10) / 10;
    const distanceKm = exactKm === null ? null : Math.round(exactKm * 10) / 10;
    const hasSpare = spareHere !== 0;
    const last = kept.length === first ? kept[first - 1] : undefined;
    if (first <= 0 || (last && compareTo(last, hasSpare, rounded, distanceKm, c.firmId, c.segmentCode) <= 0)) continue;
    const ranked: Ranked = { facts: c, firmId: c.firmId, score: rounded, exactKm, distanceKm, spare: Number.isNaN(spareHere) ? null : spareHere, hasSpare };
    const same = kept.findIndex((k) => k.firmId === c.firmId);
    if (same >= 0) {
      if (compare(ranked, kept[same] as Ranked) >= 0) continue;
      kept.splice(same, 1);
    }
    insertInOrder(kept, ranked, first);
  }
  return kept.map((r) => describe(r, request));
}

function capacityPart(spare: number | null, demand: number | null): number {
  return spare === null || spare === 0 ? 0 : demand && demand > 0 ? Math.min(1, spare / demand) : 1;
}

/** Puts `item` in its place in the sorted `kept`, which holds at most `n`. */
function insertInOrder(kept: Ranked[], item: Ranked, n: number): void {
  let at = kept.length;
  while (at > 0 && compare(item, kept[at - 1] as Ranked) < 0) at -= 1;
  kept.splice(at, 0, item);
  if (kept.length > n) kept.pop();
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
    savingFrom: saving === null ? null : (outside?.from ?? null),
    reasons: explainCandidate(
      {
        buyer, distanceKm: r.exactKm, spare: r.spare, unit: c.unit, demand: request.demand, yieldRate: c.yieldRate,
        certifications: c.certifications, leaders: c.chainLeaderCustomers, suppliesBuyer: request.suppliesBuyerOtherwise?.has(c.firmId) ?? false,
      },
      request.lang,
    ),
  };
}

function compare(a: Ranked, b: Ranked): number {
  return compareTo(a, b.hasSpare, b.score, b.distanceKm, b.firmId, b.facts.segmentCode);
}

/**
 * Where `kept` stands against a candidate given by its parts: negative when `kept` comes first.
 * Firms with spare capacity (or perhaps some: unknown) first, then score, distance, id, and the
 * segment made last: a firm making two child segments of the one asked may tie with itself, and
 * which of the two it is shown for must not depend on the order its facts were kept in.
 */
function compareTo(kept: Ranked, hasSpare: boolean, score: number, distanceKm: number | null, firmId: string, segmentCode: string): number {
  return (
    Number(hasSpare) - Number(kept.hasSpare) ||
    score - kept.score ||
    (kept.distanceKm ?? 0) - (distanceKm ?? 0) ||
    kept.firmId.localeCompare(firmId) ||
    kept.facts.segmentCode.localeCompare(segmentCode)
  );
}
