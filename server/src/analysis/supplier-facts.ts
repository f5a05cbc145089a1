import type { GraphStore } from '../store/port';
import { chainLeaderIds, chainLeaderReferences, leaderCustomersOfSupplier, type LeaderCustomerRow, type MakerRow } from '../store/queries';
import { locationNow } from './firm-directory';
import { keptMakerIndex, regionalMakers } from './makers';
import { spliceFacts, type CandidateFacts } from './ranking';
import { candidateFacts } from './ranking-inputs';
import { storeFact, type CatchUpRound } from './store-facts';

/**
 * The facts the supplier ranking reads on every search, kept per segment and year (store-facts.ts)
 * and caught up after a write with the rows of the firms it touched only.
 */

/** How many chain leaders each firm supplied in a year, and who the leaders were when counted. */
export interface LeaderReferences {
  /** Firm → distinct chain leaders it supplied; firms that supplied none are absent. */
  readonly counts: Map<string, number>;
  readonly leaders: ReadonlySet<string>;
}

/**
 * A firm's orders change its own count. A firm's own data changes no count, unless it became or
 * stopped being a chain leader: then every supplier of it counts differently, and the year is read
 * afresh (rare: an administrator's change).
 */
const REFERENCES_DEPEND_ON = ['Firm', 'Order'] as const;

/** How many chain leaders each firm supplied in the year (all years when null). */
export function leaderReferences(store: GraphStore, year: number | null): Promise<LeaderReferences> {
  return storeFact<LeaderReferences>(
    store,
    `chainLeaderReferences:${year ?? 'all'}`,
    async () => {
      // The leaders first: a leader changed between the two reads is then caught as a change of
      // leaders at the next catch-up, instead of hiding in counts newer than the list.
      const leaders = new Set((await store.read(chainLeaderIds())).map((r) => r.firmId));
      const rows = await store.read(chainLeaderReferences(year));
      return { counts: new Map(rows.map((r) => [r.firmId, r.leaders])), leaders };
    },
    { dependsOn: REFERENCES_DEPEND_ON, catchUp: (kept, round) => catchUpReferences(store, year, kept, round) },
  );
}

async function catchUpReferences(store: GraphStore, year: number | null, kept: LeaderReferences, round: CatchUpRound): Promise<LeaderReferences | null> {
  for (const id of round.changes.firmsOf(['Firm'])) {
    const now = await locationNow(store, round, id);
    if ((now?.isChainLeader ?? false) !== kept.leaders.has(id)) return null;
  }
  const suppliers = [...round.changes.firmsOf(['Order'])];
  const customers = await Promise.all(suppliers.map((id) => round.shared(`leaderCustomers:${id}`, () => store.read(leaderCustomersOfSupplier(id)))));
  // In place, once every read is done: a year's counts cover every firm that supplied a leader.
  suppliers.forEach((id, i) => {
    const count = leadersIn(customers[i] ?? [], year);
    if (count > 0) kept.counts.set(id, count);
    else kept.counts.delete(id);
  });
  return kept;
}

/** Distinct chain leaders among a supplier's customers in the year (all years when null). */
export function leadersIn(customers: readonly LeaderCustomerRow[], year: number | null): number {
  return new Set(customers.filter((c) => year === null || c.year === year).map((c) => c.leaderId)).size;
}

/** A segment's candidates for a year, with the references they were built from. */
interface KeptCandidates {
  readonly list: readonly CandidateFacts[];
  readonly references: LeaderReferences;
}

/** A maker's row, its firm, and its references in the year make its facts. */
const CANDIDATES_DEPEND_ON = ['Firm', 'Capability', 'Order'] as const;

/**
 * Each segment's regional makers as ranking facts for a year (their chain-leader references are the
 * year's): the same for every search until a write, so kept per segment and year meanwhile.
 */
export async function candidateFactsOf(
  store: GraphStore,
  segments: readonly string[],
  year: number | null,
): Promise<ReadonlyMap<string, readonly CandidateFacts[]>> {
  const makers = await regionalMakers(store, segments);
  if (![...makers.values()].some((rows) => rows.length > 0)) return new Map();
  const references = await leaderReferences(store, year);
  const facts = await Promise.all(
    [...makers].map(async ([segment, rows]) => {
      const kept = await storeFact<KeptCandidates>(store, `candidateFacts:${segment}|${year ?? 'all'}`, async () => build(rows, references), {
        dependsOn: CANDIDATES_DEPEND_ON,
        catchUp: (before, round) => catchUpCandidates(store, segment, year, before, round),
      });
      return [segment, kept.list] as const;
    }),
  );
  return new Map(facts);
}

function build(rows: readonly MakerRow[], references: LeaderReferences): KeptCandidates {
  return { list: rows.map((r) => candidateFacts(r, references.counts)), references };
}

/**
 * The touched firms' facts made again from the caught-up makers and references and put in place of
 * theirs; everything is made again when the references were read afresh.
 */
async function catchUpCandidates(store: GraphStore, segment: string, year: number | null, before: KeptCandidates, round: CatchUpRound): Promise<KeptCandidates> {
  const [index, references] = await Promise.all([keptMakerIndex(store), leaderReferences(store, year)]);
  const rows = index.forAsked(segment);
  if (references !== before.references) return build(rows, references);
  const firms = round.changes.firmsOf(CANDIDATES_DEPEND_ON);
  const added = rows.filter((r) => firms.has(r.firmId)).map((r) => candidateFacts(r, references.counts));
  return { list: spliceFacts(before.list, (c) => firms.has(c.firmId), added), references };
}
