/**
 * Failed sign-ins counted per key, in memory, with the delay they earn. A score goes up by one per
 * failure and ebbs away at a steady rate, so there is no window edge to time a burst against and a
 * key nobody fails on any more is forgotten on its own. Memory is bounded: beyond `maxKeys` the
 * tenth that failed least recently is dropped.
 *
 * The upkeep runs in batches: iterating a Map from its front after deletions there costs a step per
 * deleted slot until the table is rebuilt, so doing it on every write made a flood of new keys
 * quadratic (200,000 failures took a minute; in batches, a fraction of a second).
 */

export interface Backoff {
  /** Failures that earn no delay: after this many the next attempt waits `baseMs`. */
  free: number;
  /** The first delay; each further failure doubles it … */
  baseMs: number;
  /** … up to this. A delay, never a lock: once it has passed, the next attempt is answered. */
  capMs: number;
  /** One failure is forgotten per this long. */
  forgetOneMs: number;
  /** Keys remembered at once. */
  maxKeys: number;
}

interface Entry {
  score: number;
  /** When the score was last set: its latest failure, or a failure given back. It ebbs from here. */
  at: number;
}

/** The share of maxKeys dropped at once when the bound is passed. */
const EVICT_SHARE = 0.1;

export class FailureScores {
  private readonly entries = new Map<string, Entry>();
  private writesSinceSweep = 0;
  /** Writes between two passes that drop the keys that have ebbed away. */
  private readonly sweepEvery: number;

  constructor(readonly backoff: Backoff) {
    this.sweepEvery = Math.max(64, Math.floor(backoff.maxKeys / 8));
  }

  /** The score of `key` at `now`, with what has ebbed away taken off; 0 for a key not remembered. */
  score(key: string, now: number): number {
    const entry = this.entries.get(key);
    if (!entry) return 0;
    const score = this.decayed(entry, now);
    if (score === 0) this.entries.delete(key);
    return score;
  }

  /** When the key's score was last set (for a key nothing is given back to: its latest failure). */
  lastAt(key: string): number | undefined {
    return this.entries.get(key)?.at;
  }

  /** The delay a score earns (a partly forgotten failure still counts). */
  delayMs(score: number): number {
    const { free, baseMs, capMs } = this.backoff;
    const failures = Math.ceil(score - 1e-9);
    if (failures < free) return 0;
    return Math.min(capMs, baseMs * 2 ** (failures - free));
  }

  /** Counts one failure at `now`; answers whether the key had no score before. */
  fail(key: string, now: number): boolean {
    const before = this.score(key, now);
    this.entries.delete(key);
    // Re-inserted at the end: the map stays ordered by latest write, least recent first.
    this.entries.set(key, { score: before + 1, at: now });
    this.sweep(now);
    return before === 0;
  }

  /** Moves the key's latest failure to `now` (the failure was counted when its attempt began). */
  touch(key: string, now: number): void {
    const entry = this.entries.get(key);
    if (entry) this.entries.set(key, { score: this.decayed(entry, now), at: now });
  }

  /** Takes one failure back (a provisional one that turned out to be a success). */
  giveBack(key: string, now: number): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    const score = Math.max(0, this.decayed(entry, now) - 1);
    // Set in place (the key keeps its position); the score ebbs from now on, as it stood now.
    if (score === 0) this.entries.delete(key);
    else this.entries.set(key, { score, at: now });
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  /** Forgets every key the predicate picks (an admin's reset; rare, so a scan is fine). */
  forgetWhere(pick: (key: string) => boolean): void {
    for (const key of this.entries.keys()) if (pick(key)) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }

  private decayed(entry: Entry, now: number): number {
    return Math.max(0, entry.score - Math.max(0, now - entry.at) / this.backoff.forgetOneMs);
  }

  /** Over the bound, the least recently failed tenth goes; now and then, every key that has ebbed away. */
  private sweep(now: number): void {
    const { maxKeys } = this.backoff;
    if (this.entries.size > maxKeys) {
      let drop = this.entries.size - Math.floor(maxKeys * (1 - EVICT_SHARE));
      for (const oldest of this.entries.keys()) {
        if (drop-- <= 0) break;
        this.entries.delete(oldest);
      }
    }
    if (++this.writesSinceSweep < this.sweepEvery) return;
    this.writesSinceSweep = 0;
    for (const [key, entry] of this.entries) if (this.decayed(entry, now) === 0) this.entries.delete(key);
  }
}
