import { usernameSchema } from '@yulian/schema';
import { z } from 'zod';
import type { StoreChange } from '../store/changes';
import type { GraphStore } from '../store/port';
import { clearFailedLogins, deleteExpiredSessions, recordFailedLogin, userByUsername, type PublicUserRow } from '../store/queries';
import { addressKey, AttemptLimiter } from './attempt-limiter';
import { publicUser } from './accounts';
import { DUMMY_HASH, verifyPassword } from './passwords';
import { SESSION_CHANGE, startSession } from './sessions';

/** Counting or clearing failed sign-ins changes a user, never a firm's facts. */
const USER_CHANGE: StoreChange = { entity: 'User', firmIds: [] };

/**
 * After this many failed sign-ins in a row the account is locked. High enough that a person
 * fumbling a password never meets it; low enough that guessing one account gets nowhere: with the
 * lock below, at most 20 guesses per 15 minutes (under 2,000 a day) from any number of addresses.
 */
export const MAX_FAILED_SIGN_INS = 20;
/** How long a locked account refuses every sign-in, the right password included. */
export const LOCK_DURATION_MS = 15 * 60 * 1000;

export interface LockoutPolicy {
  maxFailures: number;
  lockMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: MAX_FAILED_SIGN_INS, lockMs: LOCK_DURATION_MS };

/** The same words for an unknown user and a wrong password, so the answer does not tell which usernames exist. */
export const WRONG_CREDENTIALS = 'wrong username or password';

/**
 * No minimum length at sign-in: an account whose password predates the current rule, or a typo,
 * gets the wrong-credentials answer like any other wrong password. The maximum keeps megabyte
 * "passwords" away from the hash.
 */
const signInPasswordSchema = z.string().max(256, { message: 'must be at most 256 characters' });

export type SignInFailure =
  | { code: 'UNAUTHENTICATED'; message: string }
  | { code: 'ACCOUNT_LOCKED'; message: string }
  | { code: 'RATE_LIMITED'; message: string; retryAfterSeconds: number }
  | { code: 'BAD_USER_INPUT'; message: string; field: 'username' | 'password' };

export type SignInOutcome =
  | { ok: true; token: string; expiresAt: string; user: PublicUserRow }
  | { ok: false; failure: SignInFailure };

export interface SignInAttempt {
  username: string;
  password: string;
  clientAddress: string;
  now?: Date;
}

export interface SignInOptions {
  /** Defaults to the limiter of this store (one per running app). */
  limiter?: AttemptLimiter;
  lockout?: LockoutPolicy;
}

/** One limiter per store, so each app (and each test server) counts its own clients. */
const limiters = new WeakMap<GraphStore, AttemptLimiter>();

export function signInLimiterFor(store: GraphStore): AttemptLimiter {
  let limiter = limiters.get(store);
  if (!limiter) {
    limiter = new AttemptLimiter();
    limiters.set(store, limiter);
  }
  return limiter;
}

export async function login(store: GraphStore, attempt: SignInAttempt, options: SignInOptions = {}): Promise<SignInOutcome> {
  const now = attempt.now ?? new Date();
  const lockout = options.lockout ?? DEFAULT_LOCKOUT;
  const limiter = options.limiter ?? signInLimiterFor(store);

  // First, before any parsing or hashing: the limit is what keeps a flood from costing a hash each.
  const address = addressKey(attempt.clientAddress);
  const verdict = limiter.take(address, now.getTime());
  if (!verdict.allowed) {
    const retryAfterSeconds = Math.ceil(verdict.retryAfterMs / 1000);
    return fail({
      code: 'RATE_LIMITED',
      message: `too many sign-in attempts from your address; try again in ${describeWait(verdict.retryAfterMs)}`,
      retryAfterSeconds,
    });
  }

  // People type "Admin"; usernames are stored lower-case.
  const username = usernameSchema.safeParse(attempt.username.trim().toLowerCase());
  if (!username.success) return fail({ code: 'BAD_USER_INPUT', field: 'username', message: `username: ${firstIssue(username.error)}` });
  const password = signInPasswordSchema.safeParse(attempt.password);
  if (!password.success) return fail({ code: 'BAD_USER_INPUT', field: 'password', message: `password: ${firstIssue(password.error)}` });

  const [user] = await store.read(userByUsername(username.data));
  if (!user) {
    // Same work as for a real account, so the answer's timing does not tell either.
    await verifyPassword(password.data, DUMMY_HASH);
    return fail({ code: 'UNAUTHENTICATED', message: WRONG_CREDENTIALS });
  }

  if (user.lockedUntil && user.lockedUntil > now.toISOString()) {
    return fail({ code: 'ACCOUNT_LOCKED', message: lockedMessage(lockout, Date.parse(user.lockedUntil) - now.getTime()) });
  }

  if (!(await verifyPassword(password.data, user.passwordHash))) {
    const lockUntil = new Date(now.getTime() + lockout.lockMs).toISOString();
    const [counted] = await store.write((tx) => {
      tx.note(USER_CHANGE);
      return tx.run(recordFailedLogin(user.id, lockout.maxFailures, lockUntil));
    });
    if (counted && counted.failures >= lockout.maxFailures) {
      return fail({ code: 'ACCOUNT_LOCKED', message: `${WRONG_CREDENTIALS}; ${lockedMessage(lockout, lockout.lockMs)}` });
    }
    return fail({ code: 'UNAUTHENTICATED', message: WRONG_CREDENTIALS });
  }

  // Said only to someone who knows the password: it tells them whom to ask, and nobody else anything.
  if (user.disabled) return fail({ code: 'UNAUTHENTICATED', message: 'this account is disabled; ask an administrator' });

  limiter.release(address, now.getTime());
  if (user.failedLogins || user.lockedUntil) {
    await store.write((tx) => {
      tx.note(USER_CHANGE);
      return tx.run(clearFailedLogins(user.id));
    });
  }
  const session = await startSession(store, user.id, now);
  await sweepExpiredSessions(store, now);
  return { ok: true, ...session, user: publicUser(user) };
}

/**
 * The lock is stated in whole minutes, not as a timestamp. The rule is public (it is in this
 * source), so the end of a lock is no secret from whoever caused it; telling the person locked out
 * roughly how long to wait spares them retrying, and each retry would be refused anyway.
 */
function lockedMessage(lockout: LockoutPolicy, remainingMs: number): string {
  return `after ${lockout.maxFailures} failed sign-ins in a row this account is locked for a while; try again in ${describeWait(remainingMs)}, or ask an administrator to reset the password`;
}

function describeWait(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return minutes === 1 ? 'a minute' : `${minutes} minutes`;
}

function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'is invalid';
}

function fail(failure: SignInFailure): SignInOutcome {
  return { ok: false, failure };
}

const SWEEP_INTERVAL_MS = 60 * 60 * 1000;
const lastSweep = new WeakMap<GraphStore, number>();

/** Expired sessions are refused on use already; this only keeps them from piling up, at most once an hour. */
async function sweepExpiredSessions(store: GraphStore, now: Date): Promise<void> {
  const last = lastSweep.get(store);
  if (last !== undefined && now.getTime() - last < SWEEP_INTERVAL_MS) return;
  lastSweep.set(store, now.getTime());
  await store.write((tx) => {
    tx.note(SESSION_CHANGE);
    return tx.run(deleteExpiredSessions(now.toISOString()));
  });
}
