import { GraphQLRequestError } from '../api/client';

/** Why a sign-in failed, in the terms the form explains to the person. */
export type SignInFailure =
  | { kind: 'wrong-credentials' }
  | { kind: 'locked' }
  /** `retryAfterSeconds` when the server said how long to wait. */
  | { kind: 'rate-limited'; retryAfterSeconds: number | null }
  | { kind: 'other' };

/**
 * Reads the `login` mutation's error codes. A malformed username or password (BAD_USER_INPUT, e.g.
 * a two-letter username) counts as wrong credentials: to the person it is one, and the server
 * answers unknown usernames the same way so that they cannot be probed.
 */
export function signInFailure(error: unknown): SignInFailure {
  if (!(error instanceof GraphQLRequestError)) return { kind: 'other' };
  for (const item of error.errors) {
    switch (item.extensions?.code) {
      case 'UNAUTHENTICATED':
      case 'BAD_USER_INPUT':
        return { kind: 'wrong-credentials' };
      case 'ACCOUNT_LOCKED':
        return { kind: 'locked' };
      case 'RATE_LIMITED': {
        const wait = item.extensions.retryAfterSeconds;
        return { kind: 'rate-limited', retryAfterSeconds: typeof wait === 'number' && wait > 0 ? wait : null };
      }
    }
  }
  return { kind: 'other' };
}
