import { usernameSchema } from '@yulian/schema';
import { z } from 'zod';
import type { GraphStore } from '../store/port';
import { deleteExpiredSessions, userByUsername, type PublicUserRow } from '../store/queries';
import { publicUser } from './accounts';
import { DUMMY_HASH, verifyPassword } from './passwords';
import { SESSION_CHANGE, startSession } from './sessions';
import { signInThrottleFor, type SignInThrottle } from './sign-in-throttle';

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
  /** Defaults to the throttle of this store (one per running app). */
  throttle?: SignInThrottle;
}

export async function login(store: GraphStore, attempt: SignInAttempt, options: SignInOptions = {}): Promise<SignInOutcome> {
  const now = attempt.now ?? new Date();
  /** The time after the hash: the attempt's own unless a test set the clock. */
  const later = () => attempt.now?.getTime() ?? Date.now();
  const throttle = options.throttle ?? signInThrottleFor(store);

  // People type "Admin"; usernames are stored lower-case. Malformed input costs no hash, so it is
  // refused before the throttle, which keys on the username.
  const username = usernameSchema.safeParse(attempt.username.trim().toLowerCase());
  if (!username.success) return fail({ code: 'BAD_USER_INPUT', field: 'username', message: `username: ${firstIssue(username.error)}` });
  const password = signInPasswordSchema.safeParse(attempt.password);
  if (!password.success) return fail({ code: 'BAD_USER_INPUT', field: 'password', message: `password: ${firstIssue(password.error)}` });

  // Before the store is read or a hash spent: a pair that must wait costs nothing.
  const verdict = throttle.attempt(username.data, attempt.clientAddress, now.getTime());
  if (!verdict.allowed) {
    return fail({
      code: 'RATE_LIMITED',
      message: `too many failed sign-ins to this account from your address; try again in ${describeWait(verdict.retryAfterMs)}`,
      retryAfterSeconds: Math.ceil(verdict.retryAfterMs / 1000),
    });
  }

  const [user] = await store.read(userByUsername(username.data));
  // An unknown user costs the same hash as a real one, so the answer's timing does not tell either.
  if (!(await verifyPassword(password.data, user?.passwordHash ?? DUMMY_HASH)) || !user) {
    throttle.failed(verdict.ticket, later());
    return fail({ code: 'UNAUTHENTICATED', message: WRONG_CREDENTIALS });
  }

  // Said only to someone who knows the password: it tells them whom to ask, and nobody else anything.
  if (user.disabled) return fail({ code: 'UNAUTHENTICATED', message: 'this account is disabled; ask an administrator' });

  throttle.succeeded(verdict.ticket, now.getTime());
  const session = await startSession(store, user.id, now);
  await sweepExpiredSessions(store, now);
  return { ok: true, ...session, user: publicUser(user) };
}

/** Seconds while they matter, whole minutes beyond. The rule is public, so the wait is no secret. */
function describeWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return seconds === 1 ? 'a second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
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
