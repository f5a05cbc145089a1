import { describe, expect, it } from 'vitest';
import { addressKey, AttemptLimiter, MAX_TRACKED_ADDRESSES, SIGN_IN_ATTEMPTS_PER_ADDRESS, SIGN_IN_WINDOW_MS } from './attempt-limiter';

const MINUTE = 60_000;

describe('AttemptLimiter', () => {
  it('defaults to 30 attempts per address per 10 minutes', () => {
    expect(new AttemptLimiter().limits).toEqual({ max: SIGN_IN_ATTEMPTS_PER_ADDRESS, windowMs: SIGN_IN_WINDOW_MS, maxKeys: MAX_TRACKED_ADDRESSES });
    expect([SIGN_IN_ATTEMPTS_PER_ADDRESS, SIGN_IN_WINDOW_MS]).toEqual([30, 10 * MINUTE]);
  });

  it('allows max attempts, refuses the next, and says how long to wait', () => {
    const limiter = new AttemptLimiter({ max: 3, windowMs: 10 * MINUTE });
    const t0 = 1_000_000;
    expect([0, 1, 2].map((i) => limiter.take('a', t0 + i * MINUTE).allowed)).toEqual([true, true, true]);
    expect(limiter.take('a', t0 + 3 * MINUTE)).toEqual({ allowed: false, retryAfterMs: 7 * MINUTE });
  });

  it('slides: each attempt leaves the window on its own, so an edge burst cannot double the limit', () => {
    const limiter = new AttemptLimiter({ max: 3, windowMs: 10 * MINUTE });
    limiter.take('a', 0);
    limiter.take('a', 9 * MINUTE);
    limiter.take('a', 9 * MINUTE + 1);
    // A fixed window starting at 10 minutes would allow three more here; the sliding one only one.
    expect(limiter.take('a', 10 * MINUTE + 1).allowed).toBe(true);
    expect(limiter.take('a', 10 * MINUTE + 2).allowed).toBe(false);
    expect(limiter.take('a', 19 * MINUTE + 2).allowed).toBe(true);
  });

  it('does not count refused attempts, so knocking on does not prolong the wait', () => {
    const limiter = new AttemptLimiter({ max: 2, windowMs: 10 * MINUTE });
    limiter.take('a', 0);
    limiter.take('a', 1);
    for (let t = 2; t < 10 * MINUTE; t += MINUTE) expect(limiter.take('a', t).allowed).toBe(false);
    expect(limiter.take('a', 10 * MINUTE + 1).allowed).toBe(true);
  });

  it('counts each key on its own', () => {
    const limiter = new AttemptLimiter({ max: 1, windowMs: MINUTE });
    expect(limiter.take('a', 0).allowed).toBe(true);
    expect(limiter.take('a', 1).allowed).toBe(false);
    expect(limiter.take('b', 2).allowed).toBe(true);
  });

  it('forgets keys once their last attempt has left the window', () => {
    const limiter = new AttemptLimiter({ max: 5, windowMs: MINUTE });
    for (let i = 0; i < 100; i++) limiter.take(`10.0.0.${i}`, i);
    expect(limiter.size).toBe(100);
    limiter.take('10.0.1.1', 2 * MINUTE);
    expect(limiter.size).toBe(1);
  });

  it('keeps at most maxKeys keys, dropping the least recently active', () => {
    const limiter = new AttemptLimiter({ max: 1, windowMs: 60 * MINUTE, maxKeys: 50 });
    for (let i = 0; i < 100; i++) limiter.take(`k${i}`, i);
    expect(limiter.size).toBe(50);
    // The newest 50 are still counted; the oldest were forgotten, which is the price of bounded memory.
    expect(limiter.take('k99', 100).allowed).toBe(false);
    expect(limiter.take('k50', 100).allowed).toBe(false);
    expect(limiter.take('k0', 100).allowed).toBe(true);
  });

  it('gives back a released attempt, so only failures use up the limit', () => {
    const limiter = new AttemptLimiter({ max: 2, windowMs: MINUTE });
    for (let t = 0; t < 100; t++) {
      expect(limiter.take('office', t).allowed).toBe(true);
      limiter.release('office', t);
    }
    expect(limiter.take('office', 100).allowed).toBe(true);
    expect(limiter.take('office', 101).allowed).toBe(true);
    expect(limiter.take('office', 102).allowed).toBe(false);
    limiter.release('nobody', 0);
    limiter.release('office', 12345);
    expect(limiter.take('office', 103).allowed).toBe(false);
  });

  it('clears', () => {
    const limiter = new AttemptLimiter({ max: 1, windowMs: MINUTE });
    limiter.take('a', 0);
    limiter.clear();
    expect(limiter.take('a', 1).allowed).toBe(true);
  });
});

describe('addressKey', () => {
  it.each([
    ['192.0.2.7', '192.0.2.7'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['::FFFF:192.0.2.7', '192.0.2.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['unknown', 'unknown'],
  ])('%s counts as %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });

  it('puts two addresses of one /64 under one key, and of two /64s under two', () => {
    expect(addressKey('2001:db8:a:b::1')).toBe(addressKey('2001:db8:a:b:ffff:ffff:ffff:ffff'));
    expect(addressKey('2001:db8:a:b::1')).not.toBe(addressKey('2001:db8:a:c::1'));
  });
});
