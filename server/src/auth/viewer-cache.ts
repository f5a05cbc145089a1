import type { GraphStore } from '../store/port';
import type { Viewer } from './viewer';

/**
 * The viewers of recent session tokens, kept between requests so that a request does not read its
 * session and user from the store every time (one of the few reads every request makes).
 *
 * Kept only where the store counts its commits (the embedded store is its only writer) and trusted
 * only while no commit since it was read may have touched a session or a user: a commit that
 * describes its changes without one keeps the entry; one that names a Session or User, or does not
 * describe itself, drops every entry. Signing out or disabling a user therefore takes effect at the
 * next request, as it did without the cache. Expiry is checked against the clock on every use.
 */

interface Entry {
  viewer: Viewer;
  expiresAt: string;
}

/** Sessions remembered at once; beyond this the oldest is forgotten (a re-read costs one query). */
const MAX_ENTRIES = 10_000;

export class ViewerCache {
  private readonly entries = new Map<string, Entry>();
  private generation: number;

  constructor(private readonly store: GraphStore) {
    this.generation = store.committedWrites ?? 0;
  }

  /** The kept viewer of a session id, if it is still certain; undefined means "read the store". */
  get(sessionId: string, now: Date): Viewer | undefined {
    if (!this.current()) return undefined;
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (entry.expiresAt <= now.toISOString()) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry.viewer;
  }

  /** Keeps a viewer read at `generation` (the store's commit count before the read began). */
  set(sessionId: string, entry: Entry, generation: number | undefined): void {
    if (generation === undefined || !this.current() || generation !== this.generation) return;
    this.entries.delete(sessionId);
    this.entries.set(sessionId, entry);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** Catches up with the commits since the entries were read; answers whether they still hold. */
  private current(): boolean {
    const committed = this.store.committedWrites;
    if (committed === undefined) return false;
    if (committed === this.generation) return true;
    const changes = this.store.changesSince?.(this.generation) ?? null;
    if (changes === null || changes.some((c) => c.entity === 'Session' || c.entity === 'User')) this.entries.clear();
    this.generation = committed;
    return true;
  }
}

const caches = new WeakMap<GraphStore, ViewerCache>();

/** One cache per store, like the sign-in limiter: each app (and each test server) keeps its own. */
export function viewerCacheFor(store: GraphStore): ViewerCache {
  let cache = caches.get(store);
  if (!cache) {
    cache = new ViewerCache(store);
    caches.set(store, cache);
  }
  return cache;
}
