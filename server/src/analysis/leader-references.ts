import type { GraphStore } from '../store/port';
import { chainLeaderIds, chainLeaderReferences, leaderCustomersOfSupplier, type LeaderCustomerRow } from '../store/queries';
import { locationNow } from './firm-directory';
import { storeFact, type CatchUpRound } from './store-facts';

/**
 * How many chain leaders each firm supplied in a year: the references part of a supplier's score,
 * kept per year (store-facts.ts). An order changes the count of the firms it names, but a search
 * needs the counts of the makers it ranks only: a touched firm's count is marked unsure and read
 * again when a search first needs it (an order's buyer, usually no maker of the segment searched,
 * is then never read).
 */
export interface LeaderReferences {
  /** Firm → distinct chain leaders it supplied; firms that supplied none are absent. */
  readonly counts: Map<string, number>;
  /** Who the leaders were when counted. */
  readonly leaders: ReadonlySet<string>;
  /** Firms whose count may be out of date, each with the mark it got, so a read that a newer mark overtook does not clear it. */
  readonly unsure: Map<string, number>;
}

/**
 * A firm's orders change its own count. A firm's own data changes no count, unless it became or
 * stopped being a chain leader: then every supplier of it counts differently, and the year is read
 * afresh (rare: an administrator's change).
 */
const REFERENCES_DEPEND_ON = ['Firm', 'Order'] as const;

let marks = 0;

/** The kept counts of the year (all years when null); those of `unsure` firms are to be settled before use. */
export function leaderReferences(store: GraphStore, year: number | null): Promise<LeaderReferences> {
  return storeFact<LeaderReferences>(
    store,
    `chainLeaderReferences:${year ?? 'all'}`,
    async () => {
      // The leaders first: a leader changed between the two reads is then caught as a change of
      // leaders at the next catch-up, instead of hiding in counts newer than the list.
      const leaders = new Set((await store.read(chainLeaderIds())).map((r) => r.firmId));
      const rows = await store.read(chainLeaderReferences(year));
      return { counts: new Map(rows.map((r) => [r.firmId, r.leaders])), leaders, unsure: new Map() };
    },
    { dependsOn: REFERENCES_DEPEND_ON, catchUp: (kept, round) => catchUpReferences(store, kept, round) },
  );
}

async function catchUpReferences(store: GraphStore, kept: LeaderReferences, round: CatchUpRound): Promise<LeaderReferences | null> {
  for (const id of round.changes.firmsOf(['Firm'])) {
    const now = await locationNow(store, round, id);
    if ((now?.isChainLeader ?? false) !== kept.leaders.has(id)) return null;
  }
  for (const id of round.changes.firmsOf(['Order'])) kept.unsure.set(id, ++marks);
  return kept;
}

/**
 * Reads again the counts of those of `firmIds` that are unsure. `shared` lets the years kept share
 * one read of a firm within a catch-up round.
 */
export async function settleReferences(
  store: GraphStore,
  year: number | null,
  references: LeaderReferences,
  firmIds: Iterable<string>,
  shared: CatchUpRound['shared'] = (_key, read) => read(),
): Promise<void> {
  const unsure = [...new Set(firmIds)].flatMap((id) => {
    const mark = references.unsure.get(id);
    return mark === undefined ? [] : [{ id, mark }];
  });
  if (!unsure.length) return;
  const customers = await Promise.all(unsure.map(({ id }) => shared(`leaderCustomers:${id}`, () => store.read(leaderCustomersOfSupplier(id)))));
  // In place, once every read is done: a year's counts cover every firm that supplied a leader.
  unsure.forEach(({ id, mark }, i) => {
    const count = leadersIn(customers[i] ?? [], year);
    if (count > 0) references.counts.set(id, count);
    else references.counts.delete(id);
    if (references.unsure.get(id) === mark) references.unsure.delete(id);
  });
}

/** Distinct chain leaders among a supplier's customers in the year (all years when null). */
export function leadersIn(customers: readonly LeaderCustomerRow[], year: number | null): number {
  return new Set(customers.filter((c) => year === null || c.year === year).map((c) => c.leaderId)).size;
}
