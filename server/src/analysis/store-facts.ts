import type { ChangedEntity } from '../store/changes';
import type { GraphStore } from '../store/port';
import { ALL_ENTITIES, summarizeChanges, type ChangeSummary } from './change-summary';

/**
 * Whole-store facts the supplier ranking needs on every request (every maker of a segment, the
 * chain-leader references of a year, where each firm is), kept between requests: a common segment
 * has makers by the ten thousand in a large cluster, and reading them costs far more than a search
 * may take, so reading all of them again after every write made the first search after it slow.
 *
 * So a kept fact catches up instead of starting afresh: on the first read after commits, the
 * changes the writers noted since the fact's state (GraphStore.changesSince) are gathered, and each
 * fact they touch is either dropped (read afresh when next asked) or patched when next asked
 * (re-reading only the touched firms' rows). A fact whose kinds of change did not happen is kept as
 * it is. Every
 * fact is dropped when a commit in between described nothing (it may have changed anything), when
 * the log forgot it, or when so many firms changed that patching them would cost more than reading
 * everything again. A store that cannot count its writers' commits (Neo4j, shared by several
 * servers) is asked every time.
 */

/** One catching-up of every kept fact of a store, over the same changes. */
export interface CatchUpRound {
  readonly changes: ChangeSummary;
  /**
   * One read per key within the round: several facts want the same rows of a touched firm (the
   * references of each kept year, the directory), and the store is asked once.
   */
  shared<T>(key: string, read: () => Promise<T>): Promise<T>;
}

export interface Keeping<T> {
  /** The kinds of change that can make the fact untrue; changes of other kinds leave it kept. */
  readonly dependsOn: readonly ChangedEntity[];
  /**
   * Brings the fact up to date with the round's changes, or answers null to have it read afresh.
   * It may change `value` in place once its reads are done (a reader holding it then sees a
   * newer state, never an older one). Without it, a change it depends on drops the fact.
   */
  readonly catchUp?: (value: T, round: CatchUpRound) => Promise<T | null>;
}

/**
 * Above this many touched firms everything is dropped instead: patching costs a few store reads per
 * touched firm, and a large import's thousands of firms are read faster all at once.
 */
export const MAX_PATCHED_FIRMS = 64;

const DEPENDS_ON_EVERYTHING: Keeping<unknown> = { dependsOn: ALL_ENTITIES };

interface Entry {
  value: Promise<unknown>;
  readonly keeping: Keeping<unknown>;
  readonly load: () => Promise<unknown>;
  /**
   * Rounds not yet applied: a fact catches up when it is next asked, so a write costs the first
   * search after it only the facts that search reads, not every fact kept.
   */
  readonly pending: CatchUpRound[];
  /** Touched firms over the pending rounds: past MAX_PATCHED_FIRMS the fact is read afresh instead. */
  pendingFirms: number;
}

interface StoreCache {
  generation: number;
  readonly entries: Map<string, Entry>;
}

const caches = new WeakMap<GraphStore, StoreCache>();

function cacheOf(store: GraphStore): StoreCache | null {
  const generation = store.committedWrites;
  if (generation === undefined) return null;
  let cache = caches.get(store);
  if (!cache) {
    cache = { generation, entries: new Map() };
    caches.set(store, cache);
  } else if (cache.generation !== generation) {
    const changes = store.changesSince?.(cache.generation) ?? null;
    cache.generation = generation;
    if (!changes) cache.entries.clear();
    else queueRound(cache, summarizeChanges(changes));
  }
  return cache;
}

function queueRound(cache: StoreCache, changes: ChangeSummary): void {
  if (changes.firmCount > MAX_PATCHED_FIRMS) {
    cache.entries.clear();
    return;
  }
  const reads = new Map<string, Promise<unknown>>();
  const round: CatchUpRound = {
    changes,
    shared<T>(key: string, read: () => Promise<T>): Promise<T> {
      let found = reads.get(key);
      if (!found) reads.set(key, (found = read()));
      return found as Promise<T>;
    },
  };
  for (const [key, entry] of cache.entries) {
    if (!changes.touches(entry.keeping.dependsOn)) continue;
    // A round that names no firm still counts one, so that rounds never asked for cannot pile up.
    entry.pendingFirms += Math.max(1, changes.firmCount);
    if (!entry.keeping.catchUp || entry.pendingFirms > MAX_PATCHED_FIRMS) cache.entries.delete(key);
    else entry.pending.push(round);
  }
}

/** The entry's value with its pending rounds applied, oldest first. */
function caughtUp(cache: StoreCache, key: string, entry: Entry): Promise<unknown> {
  const patch = entry.keeping.catchUp;
  if (!patch || entry.pending.length === 0) return entry.value;
  const rounds = entry.pending.splice(0);
  entry.pendingFirms = 0;
  // Chained on the kept promise, so a load still in flight is patched once it lands.
  let value = entry.value;
  for (const round of rounds) value = value.then(async (v) => (await patch(v, round)) ?? entry.load());
  entry.value = value;
  forgetIfFailed(cache, key, entry, value);
  return value;
}

/** A failed load or catch-up is not kept: the next call reads afresh. */
function forgetIfFailed(cache: StoreCache, key: string, entry: Entry, value: Promise<unknown>): void {
  value.catch(() => {
    if (cache.entries.get(key) === entry && entry.value === value) cache.entries.delete(key);
  });
}

/** The fact under `key`, loaded once and then kept up to date as `keeping` says; a failed load is not kept. */
export function storeFact<T>(store: GraphStore, key: string, load: () => Promise<T>, keeping?: Keeping<T>): Promise<T> {
  const cache = cacheOf(store);
  if (!cache) return load();
  const hit = cache.entries.get(key);
  if (hit) return caughtUp(cache, key, hit) as Promise<T>;
  // Kept under the generation read before loading: a write committed meanwhile moves the count on,
  // and the next call then catches up on it (the rows of the firms it touched are read again).
  const value = load();
  const entry: Entry = { value, load, keeping: (keeping as Keeping<unknown> | undefined) ?? DEPENDS_ON_EVERYTHING, pending: [], pendingFirms: 0 };
  cache.entries.set(key, entry);
  forgetIfFailed(cache, key, entry, value);
  return value;
}

export interface RecentKeeping {
  /** The kinds of change that can make a fact of the family untrue. */
  readonly dependsOn: readonly ChangedEntity[];
  /**
   * The firms this key's fact is about, when only their changes (of `dependsOn`, which must then be
   * kinds that name firms) can make it untrue; absent, any such change drops it.
   */
  readonly firmIds?: readonly string[];
}

interface Recent {
  readonly value: Promise<unknown>;
  readonly firmIds?: readonly string[];
}

/**
 * A fact of a family of which only the `limit` most recently asked are kept, for families a store
 * state may be asked thousands of (one per buyer, one per map filter). Kept like `storeFact`, except
 * that catching up drops only the keys whose firms changed; a failed load is not kept. Every key of
 * a family must be given the same `dependsOn`.
 */
export async function recentStoreFact<T>(store: GraphStore, family: string, key: string, limit: number, load: () => Promise<T>, keeping: RecentKeeping): Promise<T> {
  const recent = await storeFact(store, family, async () => new Map<string, Recent>(), {
    dependsOn: keeping.dependsOn,
    async catchUp(kept, round) {
      const firms = round.changes.firmsOf(keeping.dependsOn);
      for (const [k, fact] of kept) if (!fact.firmIds || fact.firmIds.some((id) => firms.has(id))) kept.delete(k);
      return kept;
    },
  });
  const kept = recent.get(key);
  if (kept) {
    // Most recently asked last, so that the first key is the one to drop.
    recent.delete(key);
    recent.set(key, kept);
    return kept.value as Promise<T>;
  }
  const value = load();
  const fact: Recent = { value, firmIds: keeping.firmIds };
  recent.set(key, fact);
  if (recent.size > limit) recent.delete(recent.keys().next().value as string);
  value.catch(() => {
    if (recent.get(key) === fact) recent.delete(key);
  });
  return value;
}
