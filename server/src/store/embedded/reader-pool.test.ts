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

  it('serves waiting reads made for a write before the others', async () => {
    const pool = new ReaderPool(['only']);
    const order: string[] = [];
    let release: () => void = () => undefined;
    const first = pool.use(() => new Promise<void>((resolve) => (release = resolve)));
    const reads = [
      pool.use(async () => void order.push('page 1')),
      pool.use(async () => void order.push('page 2')),
      pool.use(async () => void order.push('write 1'), true),
      pool.use(async () => void order.push('write 2'), true),
    ];
    await tick();
    release();
    await Promise.all([first, ...reads]);
    expect(order).toEqual(['write 1', 'write 2', 'page 1', 'page 2']);
  });

  it('gives the connection back when a read fails', async () => {
    const pool = new ReaderPool(['only']);
    await expect(pool.use(async () => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
    expect(await pool.use(async (conn) => conn)).toBe('only');
  });
});
