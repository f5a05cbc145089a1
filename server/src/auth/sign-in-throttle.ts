import type { GraphStore } from '../store/port';
import { addressKey } from './address-key';
import { FailureScores, type Backoff } from './failure-scores';

/**
 * Growing delays after failed sign-ins, never a lock: whoever knows the password gets in, at the
 * latest once a delay has passed, and at once from an address that has not failed on the account.
 *
 * Failures are counted three ways:
 * - per account and address (the pair): the guesser's own pace. 5 failures are free, then each
 *   further one doubles the wait, from 1 second to at most 15 minutes. Only this pair waits; the
 *   account's owner, signing in from anywhere else, is not held up.
 * - per address, across accounts, each account counted once: password spraying. Past 30 accounts
 *   the address's pairs that have failed wait 1 second, doubling per account up to 15 minutes, even
 *   after a single failure. The accounts it has not failed on are still checked at once, so a
 *   colleague behind the same office address who types the password right gets in. The price: a
 *   sprayer gets one guess per account at full speed (its pace then bounded only by the
 *   per-address request limit), and a colleague who mistyped once while someone sprays from the
 *   same address waits like the sprayer.
 * - per account, across addresses, each address counted once: a distributed attack. Past 10
 *   addresses, the account's pairs that have failed wait 1 second, doubling, at most a minute.
 *   Fresh addresses are still checked at once: a botnet gets one guess per address, and the owner
 *   is never locked out.
 *
 * A pair waits the longest of the three delays, counted from its own latest failure, so nobody's
 * wait is prolonged by what others keep doing after it. A success forgets the pair.
 */

export interface ThrottlePolicy {
  pair: Backoff;
  address: Backoff;
  account: Backoff;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  // A failure ebbs away per 15 minutes, the longest delay: a guesser knocking once per delay stays at it.
  pair: { free: 5, baseMs: SECOND, capMs: 15 * MINUTE, forgetOneMs: 15 * MINUTE, maxKeys: 50_000 },
  // 30 accounts an hour ebb away: an office's typos do not add up to a delay.
  address: { free: 30, baseMs: SECOND, capMs: 15 * MINUTE, forgetOneMs: 2 * MINUTE, maxKeys: 10_000 },
  account: { free: 10, baseMs: SECOND, capMs: MINUTE, forgetOneMs: 6 * MINUTE, maxKeys: 10_000 },
};

export type ThrottleOverrides = { [Level in keyof ThrottlePolicy]?: Partial<Backoff> };

/** An attempt let through and counted as failed until `succeeded` says otherwise. */
export interface ThrottleTicket {
  readonly account: string;
  readonly address: string;
  /** Whether it was the pair's first failure, counted for the address and the account too. */
  readonly firstOfPair: boolean;
}

export type ThrottleVerdict = { allowed: true; ticket: ThrottleTicket } | { allowed: false; retryAfterMs: number };

export class SignInThrottle {
  readonly policy: ThrottlePolicy;
  private readonly pairs: FailureScores;
  private readonly addresses: FailureScores;
  private readonly accounts: FailureScores;

  constructor(overrides: ThrottleOverrides = {}) {
    this.policy = {
      pair: { ...DEFAULT_THROTTLE.pair, ...overrides.pair },
      address: { ...DEFAULT_THROTTLE.address, ...overrides.address },
      account: { ...DEFAULT_THROTTLE.account, ...overrides.account },
    };
    this.pairs = new FailureScores(this.policy.pair);
    this.addresses = new FailureScores(this.policy.address);
    this.accounts = new FailureScores(this.policy.account);
  }

  /**
   * Before a password is checked (and a hash spent on it): lets the attempt through, counted as a
   * failure, or says how long this pair must still wait. Counting first means concurrent attempts
   * cannot all pass one check. `account` is the username as typed (normalised), existing or not,
   * so the answer does not tell which usernames exist.
   */
  attempt(account: string, clientAddress: string, now: number): ThrottleVerdict {
    const address = addressKey(clientAddress);
    const pair = pairKey(account, address);
    const pairScore = this.pairs.score(pair, now);
    if (pairScore > 0) {
      const wait = Math.max(
        this.pairs.delayMs(pairScore),
        this.addresses.delayMs(this.addresses.score(address, now)),
        this.accounts.delayMs(this.accounts.score(account, now)),
      );
      const until = (this.pairs.lastAt(pair) ?? now) + wait;
      if (wait > 0 && until > now) return { allowed: false, retryAfterMs: until - now };
    }
    const firstOfPair = this.pairs.fail(pair, now);
    // An address counts accounts, and an account addresses, not failures: one address hammering
    // one account is the pair's business.
    if (firstOfPair) {
      this.addresses.fail(address, now);
      this.accounts.fail(account, now);
    }
    return { allowed: true, ticket: { account, address, firstOfPair } };
  }

  /**
   * The password was wrong: the pair's wait counts from now, when the answer goes out, rather than
   * from the start of the attempt, so the time the hash took does not eat into it.
   */
  failed(ticket: ThrottleTicket, now: number): void {
    this.pairs.touch(pairKey(ticket.account, ticket.address), now);
  }

  /** The password was right: the pair starts afresh and the provisional failure is taken back. */
  succeeded(ticket: ThrottleTicket, now: number): void {
    this.pairs.forget(pairKey(ticket.account, ticket.address));
    if (ticket.firstOfPair) {
      this.addresses.giveBack(ticket.address, now);
      this.accounts.giveBack(ticket.account, now);
    }
  }

  /** An admin gave the account a new password: every delay on it is lifted. */
  forgetAccount(account: string): void {
    const prefix = pairKey(account, '');
    this.pairs.forgetWhere((key) => key.startsWith(prefix));
    this.accounts.forget(account);
  }

  /** Keys remembered, per level (bounded by each level's maxKeys). */
  get size(): { pairs: number; addresses: number; accounts: number } {
    return { pairs: this.pairs.size, addresses: this.addresses.size, accounts: this.accounts.size };
  }

  clear(): void {
    this.pairs.clear();
    this.addresses.clear();
    this.accounts.clear();
  }
}

/** Usernames hold no spaces, so the first space ends the account. */
function pairKey(account: string, address: string): string {
  return `${account} ${address}`;
}

/** One throttle per store, so each app (and each test server) counts its own clients. */
const throttles = new WeakMap<GraphStore, SignInThrottle>();

export function signInThrottleFor(store: GraphStore): SignInThrottle {
  let throttle = throttles.get(store);
  if (!throttle) {
    throttle = new SignInThrottle();
    throttles.set(store, throttle);
  }
  return throttle;
}

/** A new app starts counting afresh, with its own policy (tests use small numbers). */
export function installSignInThrottle(store: GraphStore, overrides: ThrottleOverrides = {}): SignInThrottle {
  const throttle = new SignInThrottle(overrides);
  throttles.set(store, throttle);
  return throttle;
}
