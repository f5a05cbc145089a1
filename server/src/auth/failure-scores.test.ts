import { describe, expect, it } from 'vitest';
import { FailureScores, type Backoff } from './failure-scores';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const backoff: Backoff = { free: 3, baseMs: SECOND, capMs: 10 * SECOND, forgetOneMs: MINUTE, maxKeys: 100 };

describe('FailureScores', () => {
  it('earns no delay for the free failures, then doubles from the base up to the cap', () => {
    const scores = new FailureScores(backoff);
    expect([0, 1, 2, 3, 4, 5, 6, 7, 40, 5000].map((n) => scores.delayMs(n))).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
    // A partly forgotten failure still counts whole.
    expect(scores.delayMs(2.5)).toBe(1000);
  });

  it('counts failures and says whether a key was new', () => {
    const scores = new FailureScores(backoff);
    expect(scores.fail('a', 0)).toBe(true);
    expect(scores.fail('a', 0)).toBe(false);
    expect(scores.score('a', 0)).toBe(2);
    expect(scores.lastAt('a')).toBe(0);
    expect(scores.score('b', 0)).toBe(0);
  });

  it('lets one failure ebb away per forgetOneMs, and forgets a key that has none left', () => {
    const scores = new FailureScores(backoff);
    for (let i = 0; i < 3; i++) scores.fail('a', 0);
    expect(scores.score('a', MINUTE)).toBe(2);
    expect(scores.score('a', 2.5 * MINUTE)).toBeCloseTo(0.5);
    expect(scores.score('a', 3 * MINUTE)).toBe(0);
    expect(scores.size).toBe(0);
    // A new failure adds to what is left, not to the old count.
    for (let i = 0; i < 3; i++) scores.fail('b', 0);
    scores.fail('b', 2 * MINUTE);
    expect(scores.score('b', 2 * MINUTE)).toBe(2);
  });

  it('gives a failure back without letting the score go below zero or ebb twice', () => {
    const scores = new FailureScores(backoff);
    scores.fail('a', 0);
    scores.fail('a', 0);
    scores.giveBack('a', MINUTE / 2);
    expect(scores.score('a', MINUTE / 2)).toBeCloseTo(0.5);
    expect(scores.score('a', MINUTE)).toBe(0);
    scores.giveBack('a', MINUTE);
    scores.giveBack('nobody', 0);
    expect(scores.size).toBe(0);
  });

  it('keeps at most maxKeys keys, dropping the least recently failed tenth when there are more', () => {
    const scores = new FailureScores({ ...backoff, maxKeys: 50, forgetOneMs: 24 * 60 * MINUTE });
    for (let i = 0; i < 51; i++) scores.fail(`k${i}`, i);
    // The 51st key passed the bound: the six oldest went, leaving 45.
    expect(scores.size).toBe(45);
    expect(['k0', 'k5', 'k6', 'k50'].map((k) => scores.score(k, 51) > 0)).toEqual([false, false, true, true]);
    // A failure moves a key to the back: k6, failing again, outlives the younger k7.
    scores.fail('k6', 52);
    for (let i = 0; i < 6; i++) scores.fail(`new${i}`, 53);
    expect(scores.size).toBe(45);
    expect(scores.score('k6', 54)).toBeCloseTo(2);
    expect(scores.score('k7', 54)).toBe(0);
    let most = 0;
    for (let i = 0; i < 10_000; i++) {
      scores.fail(`flood${i}`, 100 + i);
      most = Math.max(most, scores.size);
    }
    expect(most).toBe(50);
  });

  it('drops keys that have ebbed away as new failures come in', () => {
    // 1,000 keys allowed: a pass over them runs every 125 writes.
    const scores = new FailureScores({ ...backoff, maxKeys: 1000 });
    for (let i = 0; i < 40; i++) scores.fail(`old${i}`, 0);
    for (let i = 0; i < 84; i++) scores.fail(`new${i}`, 2 * MINUTE);
    expect(scores.size).toBe(124);
    scores.fail('new84', 2 * MINUTE);
    expect(scores.size).toBe(85);
  });

  it('forgets chosen keys and clears', () => {
    const scores = new FailureScores(backoff);
    for (const key of ['admin 1.2.3.4', 'admin 5.6.7.8', 'anrui 1.2.3.4']) scores.fail(key, 0);
    scores.forgetWhere((key) => key.startsWith('admin '));
    expect(scores.size).toBe(1);
    scores.forget('anrui 1.2.3.4');
    expect(scores.size).toBe(0);
    scores.fail('x', 0);
    scores.clear();
    expect(scores.size).toBe(0);
  });
});
