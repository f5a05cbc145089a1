/**
 * Per-user rate limit of /api/import: each upload may hold a few hundred megabytes and seconds of
 * CPU, so a signed-in user sends at most `perMinute` of them in any 60 seconds (dry runs and
 * commits alike). Counted by user, not by address: users behind one office NAT do not share it,
 * and one user cannot spread over addresses. Kept apart from /graphql's limits (guards.ts).
 */

const WINDOW_MS = 60_000;
/** Users with no upload in the window are forgotten at most this often. */
const SWEEP_EVERY_MS = 60_000;

export class ImportRateLimiter {
  private readonly recent = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one upload by the user: 0 when allowed, else the seconds until one is. */
  take(userId: string): number {
    const now = this.now();
    this.sweep(now);
    const times = (this.recent.get(userId) ?? []).filter((t) => t > now - WINDOW_MS);
    if (times.length >= this.perMinute) {
      this.recent.set(userId, times);
      return Math.max(1, Math.ceil(((times[0] ?? now) + WINDOW_MS - now) / 1000));
    }
    times.push(now);
    this.recent.set(userId, times);
    return 0;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const [user, times] of this.recent) if (times.every((t) => t <= now - WINDOW_MS)) this.recent.delete(user);
  }
}
