import { describe, expect, it } from 'vitest';
import { GraphQLRequestError } from '../api/client';
import { signInFailure } from './signInFailure';

const refused = (code: string, extra: Record<string, unknown> = {}) =>
  new GraphQLRequestError([{ message: 'refused', path: ['login'], extensions: { code, ...extra } }]);

describe('signInFailure', () => {
  it('reads wrong credentials, and a malformed username as such', () => {
    expect(signInFailure(refused('UNAUTHENTICATED'))).toEqual({ kind: 'wrong-credentials' });
    expect(signInFailure(refused('BAD_USER_INPUT', { field: 'username' }))).toEqual({ kind: 'wrong-credentials' });
  });

  it('reads a locked account', () => {
    expect(signInFailure(refused('ACCOUNT_LOCKED'))).toEqual({ kind: 'locked' });
  });

  it('reads too many attempts, with the wait when the server gives one', () => {
    expect(signInFailure(refused('RATE_LIMITED', { retryAfterSeconds: 125 }))).toEqual({ kind: 'rate-limited', retryAfterSeconds: 125 });
    expect(signInFailure(refused('RATE_LIMITED'))).toEqual({ kind: 'rate-limited', retryAfterSeconds: null });
    expect(signInFailure(refused('RATE_LIMITED', { retryAfterSeconds: 'soon' }))).toEqual({ kind: 'rate-limited', retryAfterSeconds: null });
  });

  it('calls everything else other: unknown codes, HTTP and network failures', () => {
    expect(signInFailure(refused('INTERNAL_SERVER_ERROR'))).toEqual({ kind: 'other' });
    expect(signInFailure(new GraphQLRequestError([{ message: 'no code' }]))).toEqual({ kind: 'other' });
    expect(signInFailure(new Error('The API answered HTTP 502'))).toEqual({ kind: 'other' });
    expect(signInFailure(new TypeError('Failed to fetch'))).toEqual({ kind: 'other' });
  });
});
