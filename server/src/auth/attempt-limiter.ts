import { isIPv6 } from 'node:net';

/**
 * Sign-in attempts per client address, in memory. Each sign-in costs a 32 MiB scrypt hash, so
 * this bounds both password guessing across many accounts and the CPU and memory one client can
 * make the server spend. Successful sign-ins are given back (see release), so in effect it counts
 * failures. The per-account lock (login.ts) covers guessing one account from many
 * addresses.
 */

/** At most this many sign-in attempts (in effect: failed ones) per address … */
export const SIGN_IN_ATTEMPTS_PER_ADDRESS = 30;
/** … in any window of this length (sliding, not fixed, so a burst at a window's edge cannot double it). */
export const SIGN_IN_WINDOW_MS = 10 * 60 * 1000;
/**
 * Addresses remembered at once. Beyond this the least recently active one is forgotten: memory
 * stays bounded (at most 10,000 × 30 timestamps) whatever a flood of addresses does.
 */
export const MAX_TRACKED_ADDRESSES = 10_000;

export type AttemptVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface AttemptLimits {
  max: number;
  windowMs: number;
  maxKeys: number;
}

export class AttemptLimiter {
  /** Times of the allowed attempts within the window, per key; ordered by each key's latest attempt, oldest first. */
  private readonly attempts = new Map<string, number[]>();
  readonly limits: AttemptLimits;

  constructor(limits: Partial<AttemptLimits> = {}) {
    this.limits = {
      max: limits.max ?? SIGN_IN_ATTEMPTS_PER_ADDRESS,
      windowMs: limits.windowMs ?? SIGN_IN_WINDOW_MS,
      maxKeys: limits.maxKeys ?? MAX_TRACKED_ADDRESSES,
    };
  }

  /**
   * Counts one attempt for `key`, unless the key has used up its window: then the attempt is
   * refused and not counted, so a client that keeps knocking is let in again once its window
   * has passed rather than never.
   */
  take(key: string, now: number): AttemptVerdict {
    const { max, windowMs, maxKeys } = this.limits;
    this.forgetIdle(now);
    const recent = (this.attempts.get(key) ?? []).filter((t) => t > now - windowMs);
    if (recent.length >= max) {
      this.attempts.set(key, recent);
      return { allowed: false, retryAfterMs: Math.max(1, (recent[0] ?? now) + windowMs - now) };
    }
    recent.push(now);
    // Re-inserting moves the key to the end: the map stays ordered by latest attempt.
    this.attempts.delete(key);
    this.attempts.set(key, recent);
    for (const oldest of this.attempts.keys()) {
      if (this.attempts.size <= maxKeys) break;
      this.attempts.delete(oldest);
    }
    return { allowed: true };
  }

  /**
   * Takes back an attempt counted at `at`. Sign-in calls this after a success, so the limit bounds
   * failures: thirty colleagues behind one office address can all sign in at nine o'clock, while a
   * guesser still gets thirty tries. The attempt was counted first so that the hash it cost was
   * bounded before anyone knew whether it would succeed.
   */
  release(key: string, at: number): void {
    const times = this.attempts.get(key);
    const index = times?.lastIndexOf(at) ?? -1;
    if (times && index >= 0) times.splice(index, 1);
  }

  /** How many keys are remembered. */
  get size(): number {
    return this.attempts.size;
  }

  clear(): void {
    this.attempts.clear();
  }

  /** Drops keys whose latest attempt has left the window; they sit at the front of the map. */
  private forgetIdle(now: number): void {
    for (const [key, times] of this.attempts) {
      const latest = times.at(-1);
      if (latest !== undefined && latest > now - this.limits.windowMs) break;
      this.attempts.delete(key);
    }
  }
}

/**
 * The key an address is counted under. IPv4 addresses stand for themselves (also when written as
 * IPv4-mapped IPv6); an IPv6 address counts as its /64, since one subscriber usually holds a whole
 * /64 and could otherwise take a fresh address for every attempt.
 */
export function addressKey(address: string): string {
  const plain = address.trim().toLowerCase().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(plain);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(plain)) return plain;
  return `${expandIPv6(plain).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, without leading zeros. */
function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  // An embedded IPv4 tail (::1.2.3.4) takes two groups; only the first four groups matter here.
  const rightCount = right.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  const zeros = Array.from({ length: Math.max(0, 8 - left.length - rightCount) }, () => '0');
  return [...left, ...zeros, ...right].map((g) => (g.includes('.') ? g : g.replace(/^0+(?=.)/, '')));
}
