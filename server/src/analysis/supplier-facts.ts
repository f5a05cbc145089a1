import type { GraphStore } from '../store/port';
import type { MakerRow } from '../store/queries';
import { leaderReferences, settleReferences, type LeaderReferences } from './leader-references';
import { keptMakerIndex, regionalMakers } from './makers';
import { spliceFacts, type CandidateFacts } from './ranking';
import { candidateFacts } from './ranking-inputs';
import { storeFact, type CatchUpRound } from './store-facts';

/**
 * The facts the supplier ranking reads on every search, kept per segment and year (store-facts.ts)
 * and caught up after a write with the rows of the firms it touched only.
 */

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
      const kept = await storeFact<KeptCandidates>(store, `candidateFacts:${segment}|${year ?? 'all'}`, () => build(store, year, rows, references), {
        dependsOn: CANDIDATES_DEPEND_ON,
        catchUp: (before, round) => catchUpCandidates(store, segment, year, before, round),
      });
      return [segment, kept.list] as const;
    }),
  );
  return new Map(facts);
}

async function build(store: GraphStore, year: number | null, rows: readonly MakerRow[], references: LeaderReferences): Promise<KeptCandidates> {
  await settleReferences(store, year, references, rows.map((r) => r.firmId));
  return { list: rows.map((r) => candidateFacts(r, references.counts)), references };
}

/**
 * The touched firms' facts made again from the caught-up makers and references and put in place of
 * theirs; everything is made again when the references were read afresh.
 */
async function catchUpCandidates(store: GraphStore, segment: string, year: number | null, before: KeptCandidates, round: CatchUpRound): Promise<KeptCandidates> {
  const [index, references] = await Promise.all([keptMakerIndex(store), leaderReferences(store, year)]);
  const rows = index.forAsked(segment);
  if (references !== before.references) return build(store, year, rows, references);
  const firms = round.changes.firmsOf(CANDIDATES_DEPEND_ON);
  const touched = rows.filter((r) => firms.has(r.firmId));
  await settleReferences(store, year, references, touched.map((r) => r.firmId), round.shared);
  const added = touched.map((r) => candidateFacts(r, references.counts));
  return { list: spliceFacts(before.list, (c) => firms.has(c.firmId), added), references };
}
