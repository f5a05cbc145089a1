import type { GraphStore } from '../store/port';

/**
 * Whole-store facts the supplier ranking needs on every request (every maker of a segment, the
 * chain-leader references of a year, where each firm is), kept between requests for as long as the
 * store has committed no write. At 100k firms one segment has some ten thousand makers: reading
 * them costs 200 ms, far over the 30 ms a search may take, while writes are rare next to searches.
 * Any commit drops everything, so a fact is never older than the last write; a store that cannot
 * count its writers' commits (Neo4j, shared by several servers) is asked every time.
 */

interface Entry {
  readonly value: Promise<unknown>;
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
    cache.generation = generation;
    cache.entries.clear();
  }
  return cache;
}

/** The fact under `key`, loaded once per store state; a failed load is not kept. */
export function storeFact<T>(store: GraphStore, key: string, load: () => Promise<T>): Promise<T> {
  const cache = cacheOf(store);
  if (!cache) return load();
  const hit = cache.entries.get(key);
  if (hit) return hit.value as Promise<T>;
  // Kept under the generation read before loading: a write committed meanwhile moves the count on,
  // and the next call then drops this answer with the rest.
  const value = load();
  const entry: Entry = { value };
  cache.entries.set(key, entry);
  value.catch(() => {
    if (cache.entries.get(key) === entry) cache.entries.delete(key);
  });
  return value;
}

/**
 * A fact of a family of which only the `limit` most recently asked are kept, for families a store
 * state may be asked thousands of (one per buyer, one per map filter). Kept and dropped like
 * `storeFact`; a failed load is not kept.
 */
export async function recentStoreFact<T>(store: GraphStore, family: string, key: string, limit: number, load: () => Promise<T>): Promise<T> {
  const recent = await storeFact(store, family, async () => new Map<string, Promise<unknown>>());
  const kept = recent.get(key);
  if (kept) {
    // Most recently asked last, so that the first key is the one to drop.
    recent.delete(key);
    recent.set(key, kept);
    return kept as Promise<T>;
  }
  const value = load();
  recent.set(key, value);
  if (recent.size > limit) recent.delete(recent.keys().next().value as string);
  value.catch(() => {
    if (recent.get(key) === value) recent.delete(key);
  });
  return value;
}
