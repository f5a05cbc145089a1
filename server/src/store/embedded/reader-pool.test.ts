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

  it('runs exclusive work only once every read in progress is done, and starts none until it is', async () => {
    const pool = new ReaderPool(['a', 'b']);
    const events: string[] = [];
    const release: (() => void)[] = [];
    const slow = (name: string) =>
      pool.use(async () => {
        events.push(`${name} start`);
        await new Promise<void>((resolve) => release.push(resolve));
        events.push(`${name} end`);
      });
    const running = [slow('r1'), slow('r2')];
    await tick();
    let finishCheckpoint: () => void = () => undefined;
    const checkpoint = pool.exclusive(async () => {
      events.push('checkpoint start');
      await new Promise<void>((resolve) => (finishCheckpoint = resolve));
      events.push('checkpoint end');
    });
    const later = pool.use(async () => void events.push('r3'));
    await tick();
    release.shift()?.();
    await tick();
    expect(events).toEqual(['r1 start', 'r2 start', 'r1 end']);
    release.shift()?.();
    await tick();
    expect(events.at(-1)).toBe('checkpoint start');
    finishCheckpoint();
    await Promise.all([...running, checkpoint, later]);
    expect(events).toEqual(['r1 start', 'r2 start', 'r1 end', 'r2 end', 'checkpoint start', 'checkpoint end', 'r3']);
  });
});
