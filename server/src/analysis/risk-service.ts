import type { GraphStore } from '../store/port';
import { listFeeds, singleSourcePairs, tradeLinksOfFirms, yearTradeEdges } from '../store/queries';
import { dependenceOf as computeDependence } from './dependence';
import { feedsRule, startDisruption, stepDisruption, type TierLoss } from './disruption';
import { findMaterialLoops } from './loops';
import { singleSourceRisks as computeSingleSource } from './single-source';
import { findSuppliersMany, type SupplierSearch } from './supply-service';
import type { Dependence, DisruptionLoss, Lang, MaterialLoop, SingleSourceRisk } from './types';

/** Closed material cycles of two to four firms in a year (see loops.ts for the rules). */
export async function materialLoops(store: GraphStore, { year }: { year: number }): Promise<MaterialLoop[]> {
  return findMaterialLoops(await store.read(yearTradeEdges(year)));
}

/** Share of a firm's supply sales going to each customer in a year, largest first. */
export async function dependenceOf(store: GraphStore, { firmId, year }: { firmId: string; year: number }): Promise<Dependence[]> {
  return computeDependence(firmId, await store.read(tradeLinksOfFirms([firmId], 'supplier', { year, kind: 'SUPPLY' })));
}

/** Buyer-segment pairs served by exactly one supplier in a year, optionally for buyers in one district. */
export async function singleSourceRisks(
  store: GraphStore,
  scope: { year: number; districtCode?: string | null },
): Promise<SingleSourceRisk[]> {
  return computeSingleSource(await store.read(singleSourcePairs(scope)));
}

export interface DisruptionRequest {
  firmId: string;
  year: number;
  /** How many tiers downstream to follow; 3 by default. */
  tiers?: number;
  /** Language of the alternatives' reasons. */
  lang?: Lang;
  /** Ranked local alternatives for tier-1 losses (true by default); off where they are found later, or not needed. */
  alternatives?: boolean;
  /** Freight assumptions for the alternatives' logistics saving; the configured defaults otherwise. */
  logistics?: SupplierSearch['logistics'];
}

/** Alternatives offered for each tier-1 loss. */
const ALTERNATIVES_PER_LOSS = 5;

/**
 * If the firm stops, who loses which supply at which tier (see disruption.ts for the rules). The
 * cascade is fetched a tier at a time: only the onward flows of the firms just reached are read.
 * Tier-1 losses come with ranked local alternatives (see alternativesFor).
 */
export async function disruption(store: GraphStore, request: DisruptionRequest): Promise<DisruptionLoss[]> {
  const { firmId, year, tiers = 3, lang = 'zh', alternatives = true, logistics } = request;
  const affects = feedsRule(await store.read(listFeeds()));
  const losses: TierLoss[] = [];
  let state = startDisruption(firmId);
  while (state.tier < tiers && state.frontier.size) {
    const flows = await store.read(tradeLinksOfFirms([...state.frontier.keys()], 'supplier', { year, kind: 'SUPPLY' }));
    const step = stepDisruption(state, flows, affects);
    losses.push(...step.losses);
    state = step.next;
  }
  if (!alternatives) return losses.map((loss) => ({ ...loss, alternatives: [] }));
  const searches = losses.map((loss) => alternativeSearch(loss, { year, lang, logistics }));
  const found = await findSuppliersMany(store, searches.filter((s): s is SupplierSearch => s !== null));
  let next = 0;
  return losses.map((loss, i) => ({ ...loss, alternatives: searches[i] ? (found[next++] ?? []) : [] }));
}

/**
 * The search for local firms able to replace a lost supply: for tier 1 only, since deeper tiers
 * lose supply because their supplier's input is missing and the fix is upstream.
 */
export function alternativeSearch(
  loss: Pick<TierLoss, 'tier' | 'buyerId' | 'segmentCode'>,
  options: { year: number; lang: Lang; logistics?: SupplierSearch['logistics'] },
): SupplierSearch | null {
  if (loss.tier !== 1) return null;
  return { segmentCode: loss.segmentCode, nearFirmId: loss.buyerId, first: ALTERNATIVES_PER_LOSS, ...options };
}
