import { describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE, SignInThrottle, type ThrottleVerdict } from './sign-in-throttle';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const A = '203.0.113.1';
const B = '198.51.100.2';

/** Makes `times` attempts of the pair at `at`, each let through (and failed); answers the verdict of one more. */
function failMany(throttle: SignInThrottle, account: string, address: string, times: number, at: number): ThrottleVerdict {
  for (let i = 0; i < times; i++) expect(throttle.attempt(account, address, at).allowed, `attempt ${i + 1}`).toBe(true);
  return throttle.attempt(account, address, at);
}

const waitOf = (verdict: ThrottleVerdict) => (verdict.allowed ? 0 : verdict.retryAfterMs);

describe('SignInThrottle defaults', () => {
  it('are 5 free failures per pair, 30 accounts per address, 10 addresses per account; 1 s doubling to 15 min, or 1 min per account', () => {
    const { pair, address, account } = DEFAULT_THROTTLE;
    expect([pair.free, pair.baseMs, pair.capMs]).toEqual([5, SECOND, 15 * MINUTE]);
    expect([address.free, address.baseMs, address.capMs]).toEqual([30, SECOND, 15 * MINUTE]);
    expect([account.free, account.baseMs, account.capMs]).toEqual([10, SECOND, MINUTE]);
  });
});

describe('SignInThrottle per account and address', () => {
  it('lets 5 failures through, then makes the pair wait, doubling per failure up to 15 minutes', () => {
    // Failures ebb away too slowly here to blur the doubling (that has a test of its own).
    const throttle = new SignInThrottle({ pair: { forgetOneMs: 24 * 60 * MINUTE } });
    let now = 0;
    expect(waitOf(failMany(throttle, 'admin', A, 5, now))).toBe(SECOND);
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const refused = throttle.attempt('admin', A, now);
      expect(refused.allowed).toBe(false);
      waits.push(waitOf(refused));
      now += waitOf(refused);
      // Knocking before the wait is over changes nothing.
      expect(waitOf(throttle.attempt('admin', A, now - 1))).toBe(1);
      expect(throttle.attempt('admin', A, now).allowed).toBe(true);
    }
    expect(waits.map((w) => w / SECOND)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
  });

  it('holds up only the pair: the account from another address, and another account from the same address, go through', () => {
    const throttle = new SignInThrottle();
    expect(failMany(throttle, 'admin', A, 5, 0).allowed).toBe(false);
    expect(throttle.attempt('admin', B, 0).allowed).toBe(true);
    expect(throttle.attempt('anrui', A, 0).allowed).toBe(true);
  });

  it('forgets the pair on success and gives the provisional failure back', () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < 4; i++) throttle.attempt('admin', A, 0);
    const right = throttle.attempt('admin', A, 0);
    if (!right.allowed) throw new Error('the fifth attempt should pass');
    throttle.succeeded(right.ticket, 0);
    // The address keeps its one account and the account its one address: they ebb away.
    expect(throttle.size).toEqual({ pairs: 0, addresses: 1, accounts: 1 });
    // Five free failures again.
    expect(waitOf(failMany(throttle, 'admin', A, 5, 0))).toBe(SECOND);
  });

  it('counts the wait from when the failure was answered, not from when its hash began', () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < 5; i++) {
      const verdict = throttle.attempt('admin', A, i * SECOND);
      if (!verdict.allowed) throw new Error(`attempt ${i + 1} should pass`);
      throttle.failed(verdict.ticket, i * SECOND + 700);
    }
    expect(waitOf(throttle.attempt('admin', A, 5 * SECOND))).toBe(700);
  });

  it('counts an attempt before its password is checked, so concurrent attempts cannot all pass one check', () => {
    const throttle = new SignInThrottle();
    const verdicts = Array.from({ length: 50 }, () => throttle.attempt('admin', A, 0));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
  });

  it('lets a failure ebb away per 15 minutes, so a pair that stops trying starts afresh', () => {
    const throttle = new SignInThrottle();
    expect(failMany(throttle, 'admin', A, 5, 0).allowed).toBe(false);
    // One failure forgotten: one more try without waiting, then the wait again.
    expect(failMany(throttle, 'admin', A, 1, 15 * MINUTE).allowed).toBe(false);
    // All forgotten: five free tries.
    expect(throttle.size.pairs).toBe(1);
    expect(failMany(throttle, 'admin', A, 5, 15 * MINUTE + 6 * 15 * MINUTE).allowed).toBe(false);
  });

  it('lifts every delay on an account when an admin resets its password', () => {
    const throttle = new SignInThrottle();
    for (const [account, address] of [['admin', A], ['admin', B], ['admin-two', A]] as const) {
      expect(failMany(throttle, account, address, 5, 0).allowed).toBe(false);
    }
    throttle.forgetAccount('admin');
    expect(throttle.attempt('admin', A, 0).allowed).toBe(true);
    expect(throttle.attempt('admin', B, 0).allowed).toBe(true);
    expect(throttle.attempt('admin-two', A, 0).allowed).toBe(false);
  });
});

describe('SignInThrottle per address (spraying)', () => {
  const throttle = () => new SignInThrottle({ address: { free: 10 } });

  it('makes a spraying address wait on the accounts it failed on, from their first failure', () => {
    const t = throttle();
    for (let i = 0; i < 10; i++) expect(t.attempt(`user${i}`, A, 0).allowed).toBe(true);
    // Ten accounts failed on: a second guess at any of them waits 1 s, though its pair has failed once.
    expect(waitOf(t.attempt('user0', A, 0))).toBe(SECOND);
    for (let i = 10; i < 15; i++) t.attempt(`user${i}`, A, 0);
    expect(waitOf(t.attempt('user0', A, 0))).toBe(32 * SECOND);
    // From another address that pair is nothing special.
    expect(t.attempt('user0', B, 0).allowed).toBe(true);
  });

  it('still checks an account the address has not failed on', () => {
    const t = throttle();
    for (let i = 0; i < 200; i++) t.attempt(`user${i}`, A, 0);
    expect(t.attempt('colleague', A, 0).allowed).toBe(true);
  });

  it('lets an office behind one address sign in all day: successes give their failure back', () => {
    const t = throttle();
    for (let i = 0; i < 500; i++) {
      const verdict = t.attempt(`person${i % 50}`, A, i * SECOND);
      if (!verdict.allowed) throw new Error(`sign-in ${i} was held up`);
      t.succeeded(verdict.ticket, i * SECOND);
    }
    expect(t.size).toEqual({ pairs: 0, addresses: 0, accounts: 0 });
  });
});

describe('SignInThrottle per account across addresses', () => {
  const address = (i: number) => `10.0.${Math.floor(i / 250)}.${i % 250}`;

  it('slows a distributed attack by at most a minute and never holds up a fresh address', () => {
    const t = new SignInThrottle();
    const through = Array.from({ length: 1000 }, (_, i) => t.attempt('admin', address(i), 0)).filter((v) => v.allowed);
    expect(through).toHaveLength(1000);
    // Each bot has failed once: it now waits the account's delay, at most a minute …
    expect(waitOf(t.attempt('admin', address(0), 0))).toBe(MINUTE);
    expect(t.attempt('admin', address(0), MINUTE).allowed).toBe(true);
    // … while the owner, from anywhere else, is checked at once.
    expect(t.attempt('admin', B, 0).allowed).toBe(true);
  });

  it('counts addresses, not failures: one address hammering an account slows neither the account elsewhere nor the address', () => {
    const t = new SignInThrottle();
    let now = 0;
    for (let i = 0; i < 200; i++) {
      const verdict = t.attempt('admin', A, now);
      if (!verdict.allowed) now += verdict.retryAfterMs;
    }
    // One more address failing once: its pair, with one failure, is not held up by the account.
    t.attempt('admin', B, now);
    expect(t.attempt('admin', B, now).allowed).toBe(true);
    // Nor is the hammering address on another account it failed on once.
    t.attempt('anrui', A, now);
    expect(t.attempt('anrui', A, now).allowed).toBe(true);
  });
});

describe('SignInThrottle memory', () => {
  it('stays bounded however many addresses and usernames fail', () => {
    const t = new SignInThrottle({ pair: { maxKeys: 1000 }, address: { maxKeys: 100 }, account: { maxKeys: 500 } });
    const most = { pairs: 0, addresses: 0, accounts: 0 };
    for (let i = 0; i < 20_000; i++) {
      t.attempt(`user${i % 3000}`, address(i), i);
      for (const level of ['pairs', 'addresses', 'accounts'] as const) most[level] = Math.max(most[level], t.size[level]);
    }
    expect(most).toEqual({ pairs: 1000, addresses: 100, accounts: 500 });
  });

  function address(i: number): string {
    return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  }
});
