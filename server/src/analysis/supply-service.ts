import { haversineKm } from '@yulian/schema';
import type { GraphStore } from '../store/port';
import {
  buyerNeeds,
  purchases,
  supplyOfBuyers,
  type BuyerSupplyRow,
  type FirmLocationRow,
  type LeaderNeedRow,
  type PurchaseRow,
  type PurchaseScope,
} from '../store/queries';
import { locateFirms } from './firm-directory';
import { findGaps } from './gaps';
import { recentStoreFact } from './store-facts';
import { candidateFactsOf } from './supplier-facts';
import { DEFAULT_LOGISTICS, type LogisticsCosts } from './logistics';
import { rankCandidates, type BuyerFacts, type CandidateFacts, type OutsideSupply } from './ranking';
import { localSupportRate as computeRate } from './supporting-rate';
import type { ChainGap, Lang, LocalSupportRate, SupplierCandidate } from './types';
import { groupBy } from '../group-by';
import { supplies } from '../store/queries/supplies';


export interface RateScope {
  year: number;
  leaderId?: string | null;
  districtCode?: string | null;
  segmentCode?: string | null;
}

/** 本地配套率 of one buyer, of a district's chain leaders, or of all chain leaders, optionally for one segment. */
export async function localSupportRate(store: GraphStore, scope: RateScope): Promise<LocalSupportRate> {
  return (await localSupportRateWithPurchases(store, scope)).rate;
}

/** The rate with the purchases it sums, which the API needs to tell what a viewer may see of it. */
export async function localSupportRateWithPurchases(store: GraphStore, scope: RateScope): Promise<{ rate: LocalSupportRate; purchases: PurchaseRow[] }> {
  const { rows: purchases } = await purchaseRows(store, { year: scope.year, buyerId: scope.leaderId, districtCode: scope.districtCode, segmentCode: scope.segmentCode });
  return { rate: computeRate(purchases), purchases };
}

/**
 * The purchases in scope with both firms' districts and whether the supplier lies inside the region,
 * and the firms it located: a caller needing places of the same firms takes them from there (on
 * Neo4j, where places are not kept between requests, a region-wide lookup is thousands of rows).
 */
async function purchaseRows(store: GraphStore, scope: PurchaseScope): Promise<{ rows: PurchaseRow[]; firms: Map<string, FirmLocationRow> }> {
  const links = (await store.read(purchases(scope))).filter(supplies);
  const firms = await locateFirms(store, links.flatMap((l) => [l.buyerId, l.supplierId]));
  const rows = links.flatMap((link) => {
    const buyer = firms.get(link.buyerId);
    const supplier = firms.get(link.supplierId);
    return buyer && supplier
      ? [{ ...link, buyerDistrict: buyer.districtCode, supplierDistrict: supplier.districtCode, supplierInRegion: supplier.inRegion }]
      : [];
  });
  return { rows, firms };
}

export interface GapScope {
  year: number;
  leaderId?: string | null;
  districtCode?: string | null;
  maxLocalShare?: number;
}

export interface CandidateOptions {
  first: number;
  maxDistanceKm?: number | null;
  lang: Lang;
  logistics?: LogisticsCosts;
}

/**
 * The gaps of a scope together with what finding their candidates needs, fetched once: the
 * candidates of every gap in a region-wide list cost four store queries in all, not four per gap.
 */
export class GapAnalysis {
  private candidateFacts?: Promise<ReadonlyMap<string, readonly CandidateFacts[]>>;
  private buyerFacts?: Promise<Map<string, BuyerFacts>>;

  constructor(
    private readonly store: GraphStore,
    readonly year: number,
    readonly gaps: ChainGap[],
    /** The purchases the gaps sum (the API tells from them what a viewer may see of a gap). */
    readonly purchaseRows: PurchaseRow[],
    private readonly needs: LeaderNeedRow[],
    private readonly locations: Map<string, FirmLocationRow>,
  ) {}

  async candidates(gap: ChainGap, options: CandidateOptions): Promise<SupplierCandidate[]> {
    const [candidates, buyers] = await Promise.all([this.loadCandidates(), this.loadBuyers()]);
    const { excluded, related } = currentSuppliers(this.purchaseRows.filter((p) => p.buyerId === gap.leaderId), gap.segmentCode);
    const need = this.needs.find((n) => n.buyerId === gap.leaderId && n.segmentCode === gap.segmentCode);
    const outside = gap.outsideSuppliers[0];
    const outsideOrders = outside
      ? this.purchaseRows.reduce((n, p) => (p.buyerId === gap.leaderId && p.segmentCode === gap.segmentCode && p.supplierId === outside.firmId ? n + p.liveOrders : n), 0)
      : 0;
    return rankCandidates(
      candidates.get(gap.segmentCode) ?? [],
      {
        buyer: buyers.get(gap.leaderId) ?? null,
        demand: need?.annualDemand ?? null,
        excludeFirmIds: excluded,
        suppliesBuyerOtherwise: related,
        maxDistanceKm: options.maxDistanceKm,
        outsideSupply: outside
          ? { distanceKm: outside.distanceKm, amountCny: outside.amountCny, from: { supplierId: outside.firmId, buyerId: gap.leaderId, orders: outsideOrders } }
          : null,
        logistics: options.logistics ?? DEFAULT_LOGISTICS,
        lang: options.lang,
        first: options.first,
      },
    );
  }

  private loadCandidates(): Promise<ReadonlyMap<string, readonly CandidateFacts[]>> {
    this.candidateFacts ??= candidateFactsOf(this.store, [...new Set(this.gaps.map((g) => g.segmentCode))], this.year);
    return this.candidateFacts;
  }

  private loadBuyers(): Promise<Map<string, BuyerFacts>> {
    this.buyerFacts ??= buyerFactsOf(this.store, [...new Set(this.gaps.map((g) => g.leaderId))], this.locations);
    return this.buyerFacts;
  }
}

/** Chain gaps of one leader, a district's leaders, or every chain leader in a year. */
export async function analyzeGaps(store: GraphStore, scope: GapScope): Promise<GapAnalysis> {
  const [{ rows, firms }, needs] = await Promise.all([
    purchaseRows(store, { year: scope.year, buyerId: scope.leaderId, districtCode: scope.districtCode }),
    store.read(buyerNeeds({ buyerId: scope.leaderId, districtCode: scope.districtCode })),
  ]);
  const outsidePairs = rows.filter((r) => !r.supplierInRegion);
  const ids = new Set([...rows.map((r) => r.buyerId), ...needs.map((n) => n.buyerId), ...outsidePairs.map((r) => r.supplierId)]);
  const locations = new Map(firms);
  for (const [id, place] of await locateFirms(store, [...ids].filter((id) => !firms.has(id)))) locations.set(id, place);
  const distanceKm = (a: string, b: string) => {
    const from = locations.get(a);
    const to = locations.get(b);
    return from && to ? Math.round(haversineKm(from.lat, from.lng, to.lat, to.lng) * 10) / 10 : 0;
  };
  const gaps = findGaps(rows, needs, { year: scope.year, maxLocalShare: scope.maxLocalShare ?? 0.5, distanceKm });
  return new GapAnalysis(store, scope.year, gaps, rows, needs, locations);
}

export async function chainGaps(store: GraphStore, scope: GapScope): Promise<ChainGap[]> {
  return (await analyzeGaps(store, scope)).gaps;
}

/** Candidates for one gap on its own; a list of gaps should use `GapAnalysis.candidates`. */
export async function candidatesForGap(store: GraphStore, gap: ChainGap, options: CandidateOptions): Promise<SupplierCandidate[]> {
  const analysis = await analyzeGaps(store, { year: gap.year, leaderId: gap.leaderId, maxLocalShare: 1 });
  const same = analysis.gaps.find((g) => g.segmentCode === gap.segmentCode) ?? gap;
  return analysis.candidates(same, options);
}

export interface SupplierSearch {
  segmentCode: string;
  /** Rank by distance to this firm and leave out its current suppliers. */
  nearFirmId?: string | null;
  /** The year whose orders decide who already supplies and who has references; all years when null. */
  year?: number | null;
  maxDistanceKm?: number | null;
  minYieldRate?: number | null;
  certification?: string | null;
  first: number;
  lang: Lang;
  logistics?: LogisticsCosts;
  /**
   * False ranks as if the buyer had stated no demand: for a viewer who may not see it, since the
   * score's capacity part and the reasons would give it away.
   */
  withDemand?: boolean;
}

/** Regional firms able to make a segment, ranked for a buyer (or on their own merits without one). */
export async function findSuppliers(store: GraphStore, search: SupplierSearch): Promise<SupplierCandidate[]> {
  const [result] = await findSuppliersMany(store, [search]);
  return result ?? [];
}

/**
 * Many supplier searches at once (a disruption's alternatives, a page of candidates): the store is
 * asked once per kind of fact for all of them, not once per search.
 */
export async function findSuppliersMany(store: GraphStore, searches: readonly SupplierSearch[]): Promise<SupplierCandidate[][]> {
  if (!searches.length) return [];
  const segments = unique(searches.map((s) => s.segmentCode));
  const buyers = unique(searches.flatMap((s) => (s.nearFirmId ? [s.nearFirmId] : [])));
  const years = unique(searches.map((s) => s.year ?? null));
  const [buyerFacts, needs] = await Promise.all([buyerFactsOf(store, buyers), needsOf(store, buyers)]);
  const perYear = new Map(
    await Promise.all(
      years.map(async (year) => {
        const [candidates, supply] = await Promise.all([
          candidateFactsOf(store, segments, year),
          buyers.length ? supplyOf(store, buyers, year) : Promise.resolve([]),
        ]);
        const outside = year !== null && supply.length ? await largestOutsideSupplies(store, buyers, supply) : new Map();
        return [year, { candidates, suppliers: groupBy(supply, (r) => r.buyerId), outside }] as const;
      }),
    ),
  );
  return searches.map((search) => {
    const facts = perYear.get(search.year ?? null);
    const near = search.nearFirmId ?? null;
    const { excluded, related } = currentSuppliers((near ? facts?.suppliers.get(near) : undefined) ?? [], search.segmentCode);
    return rankCandidates(
      facts?.candidates.get(search.segmentCode) ?? [],
      {
        buyer: near ? (buyerFacts.get(near) ?? null) : null,
        demand: near && search.withDemand !== false ? (needs.find((n) => n.buyerId === near && n.segmentCode === search.segmentCode)?.annualDemand ?? null) : null,
        excludeFirmIds: excluded,
        suppliesBuyerOtherwise: related,
        maxDistanceKm: search.maxDistanceKm,
        minYieldRate: search.minYieldRate,
        certification: search.certification,
        outsideSupply: near ? (facts?.outside.get(`${near}|${search.segmentCode}`) ?? null) : null,
        logistics: search.logistics ?? DEFAULT_LOGISTICS,
        lang: search.lang,
        first: search.first,
      },
    );
  });
}

/**
 * Of a buyer's suppliers, those that supply it `segmentCode` are no candidates for it (they are
 * its supply already); those that supply it something else are, and the tie counts in their favour.
 */
function currentSuppliers(links: readonly { supplierId: string; segmentCode: string; liveOrders: number }[], segmentCode: string) {
  const excluded = new Set<string>();
  const related = new Set<string>();
  for (const link of links) {
    if (!supplies(link)) continue;
    (link.segmentCode === segmentCode ? excluded : related).add(link.supplierId);
  }
  for (const id of excluded) related.delete(id);
  return { excluded, related };
}

/**
 * Each buyer's biggest supplier outside the region per segment in the year, with its distance;
 * keyed `buyer|segment`. Ties go to the first supplier id, as they did when the links came sorted.
 */
async function largestOutsideSupplies(
  store: GraphStore,
  buyerIds: readonly string[],
  supply: readonly BuyerSupplyRow[],
): Promise<Map<string, OutsideSupply>> {
  const links = supply
    .filter(supplies)
    .sort((a, b) => b.liveAmountCny - a.liveAmountCny || (a.supplierId < b.supplierId ? -1 : a.supplierId > b.supplierId ? 1 : 0));
  if (!links.length) return new Map();
  const ids = unique([...buyerIds, ...links.map((l) => l.supplierId)]);
  const locations = await locateFirms(store, ids);
  const largest = new Map<string, OutsideSupply>();
  for (const link of links) {
    const home = locations.get(link.buyerId);
    const there = locations.get(link.supplierId);
    if (!home || !there || there.inRegion) continue;
    const key = `${link.buyerId}|${link.segmentCode}`;
    if ((largest.get(key)?.amountCny ?? -1) >= link.liveAmountCny) continue;
    largest.set(key, {
      distanceKm: haversineKm(home.lat, home.lng, there.lat, there.lng),
      amountCny: link.liveAmountCny,
      from: { supplierId: link.supplierId, buyerId: link.buyerId, orders: link.liveOrders },
    });
  }
  return largest;
}

/**
 * Buyers' facts kept for the most recent buyers asked, until a write touches that buyer: a buyer
 * searching segment after segment, or narrowing a search, asks the same again (reading them costs
 * more than ranking ten thousand makers). An order changes the supply of its buyer, a need the needs
 * of its firm; the commands note both (store/changes.ts).
 */
const KEPT_BUYERS = 256;

/** Who supplies the buyers in the year (a disruption's buyers are read, and kept, together). */
function supplyOf(store: GraphStore, buyerIds: readonly string[], year: number | null): Promise<BuyerSupplyRow[]> {
  return recentStoreFact(store, 'buyerSupply', `${year ?? 'all'}|${buyerIds.join(',')}`, KEPT_BUYERS, () => store.read(supplyOfBuyers(buyerIds, year)), {
    dependsOn: ['Order'],
    firmIds: buyerIds,
  });
}

/** What the buyers need, each read from its own key: an id list costs the engine a scan of every firm. */
async function needsOf(store: GraphStore, buyerIds: readonly string[]): Promise<LeaderNeedRow[]> {
  const needs = await Promise.all(
    buyerIds.map((buyerId) =>
      recentStoreFact(store, 'buyerNeeds', buyerId, KEPT_BUYERS, () => store.read(buyerNeeds({ buyerId })), { dependsOn: ['Need'], firmIds: [buyerId] }),
    ),
  );
  return needs.flat();
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** Where buyers are and what to call them in the reasons. */
async function buyerFactsOf(
  store: GraphStore,
  ids: string[],
  known: ReadonlyMap<string, FirmLocationRow> = new Map(),
): Promise<Map<string, BuyerFacts>> {
  if (!ids.length) return new Map();
  const missing = ids.filter((id) => !known.has(id));
  const locations = new Map([...known, ...(await locateFirms(store, missing))]);
  const facts = new Map<string, BuyerFacts>();
  for (const id of ids) {
    const at = locations.get(id);
    if (at) facts.set(id, { firmId: id, lat: at.lat, lng: at.lng, nameZh: at.nameZh, nameEn: at.nameEn });
  }
  return facts;
}

