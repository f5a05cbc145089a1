import { rmSync } from 'node:fs';
import { EmbeddedStore } from '@yulian/server';
import { afterAll, describe, expect, it } from 'vitest';
import { ScriptProcess } from '../crash/child-process';
import { openTempStore } from '../harness';

/**
 * An answered import survives a kill before the next checkpoint, with the write answered after it and
 * the trade links that count its orders. Its orders once went in through COPY inside the import's
 * transaction, which the engine (0.19.1) does not log: after such a kill the later writes replayed
 * and the orders were gone, while the links still counted them.
 */

const ROWS = 20_000;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('an answered import', () => {
  it('is all there after a kill before the next checkpoint, and the trade links agree with the orders', async () => {
    const temp = await openTempStore();
    dirs.push(temp.dir);
    await temp.store.close();
    let recorded!: () => void;
    const done = new Promise<void>((resolve) => (recorded = resolve));
    const lines: string[] = [];
    const child = new ScriptProcess('test/src/import/answered-import-child.ts', [temp.dir, String(ROWS)], (line) => {
      lines.push(line);
      if (line === 'recorded') recorded();
    });
    await Promise.race([done, child.exited]);
    child.kill('SIGKILL');
    const exit = await child.exited;
    expect(lines, exit.stderr.slice(0, 800)).toEqual(['committed', 'recorded']);

    const store = await EmbeddedStore.open({ dataDir: temp.dir, maxDbSizeBytes: 2 ** 33, log: () => undefined });
    try {
      const [orders] = await store.read<{ n: number; amount: number }>({
        name: 'answeredOrders',
        cypher: "MATCH (o:TradeOrder) WHERE o.id STARTS WITH 'answered-' RETURN count(o) AS n, sum(o.amountCny) AS amount",
        params: {},
      });
      expect(Number(orders?.n)).toBe(ROWS + 1);
      const [links] = await store.read<{ linked: number; counted: number }>({
        name: 'answeredLinks',
        cypher: `MATCH (:Firm {id: 'aofang'})-[t:TRADED {year: 2025, kind: 'SUPPLY', segment: 'SURFACE_TREATMENT'}]->(:Firm {id: 'anrui'})
          WITH sum(t.orders) AS counted
          MATCH (:Firm {id: 'aofang'})-[:SHIPS]->(o:TradeOrder {year: 2025, kind: 'SUPPLY'})-[:TO]->(:Firm {id: 'anrui'})
          MATCH (o)-[:OF]->(:Segment {code: 'SURFACE_TREATMENT'})
          RETURN count(o) AS linked, counted`,
        params: {},
      });
      expect(Number(links?.counted)).toBe(Number(links?.linked));
      expect(Number(links?.linked)).toBeGreaterThanOrEqual(ROWS + 1);
    } finally {
      await store.close();
    }
  }, 180_000);
});
