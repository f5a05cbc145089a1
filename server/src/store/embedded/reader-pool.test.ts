import { describe, expect, it } from 'vitest';
import { ReaderPool } from './reader-pool';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('ReaderPool', () => {
  it('never gives one connection to two reads at once, and serves waiting reads in order', async () => {
    const pool = new ReaderPool(['a', 'b']);
    const busy = new Set<string>();
    const started: number[] = [];
    const release: (() => void)[] = [];
    const reads = Array.from({ length: 5 }, (_, i) =>
      pool.use(async (conn) => {
        expect(busy.has(conn)).toBe(false);
        busy.add(conn);
        started.push(i);
        await new Promise<void>((resolve) => release.push(resolve));
        busy.delete(conn);
        return i;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    while (started.length < 5 || release.length > 0) {
      release.shift()?.();
      await tick();
    }
    expect(await Promise.all(reads)).toEqual([0, 1, 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it('gives the connection back when a read fails', async () => {
    const pool = new ReaderPool(['only']);
    await expect(pool.use(async () => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
    expect(await pool.use(async (conn) => conn)).toBe('only');
  });
});
