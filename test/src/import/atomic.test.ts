import { EmbeddedStore, type Viewer } from '@yulian/server';
import { afterAll, describe, expect, it } from 'vitest';
import { commitPlan, ImportConflictError } from '../../../server/src/import/commit';
import type { Plan } from '../../../server/src/import/plan';
import { ScriptProcess, seededRandom } from '../crash/child-process';
import { openTempStore, type TempStore } from '../harness';
import { fullDump } from './helpers';

/**
 * All or nothing: new orders go in through batched statements inside the import's transaction, so a
 * statement failing after others succeeded, or the process being killed while they run, must leave
 * no order of the import behind.
 */

const admin: Viewer = { userId: 'atomic', username: 'atomic', displayName: null, role: 'ADMIN', districtCode: null, firmId: null, sessionId: 'atomic' };
const stores: TempStore[] = [];
afterAll(async () => {
  for (const s of stores) await s.close().catch(() => undefined);
});

const order = (id: string, buyerId: string) => ({
  id, kind: 'SUPPLY' as const, supplierId: 'aofang', buyerId, segmentCode: 'SURFACE_TREATMENT', year: 2025, amountCny: 1,
  quantity: null, unit: null, status: 'ACTIVE' as const, synthetic: false, source: null,
});

describe('an import commits whole or not at all', () => {
  it('a firm or an order id that changed since the check stops the commit before any order is written', async () => {
    const temp = await openTempStore();
    stores.push(temp);
    const before = await fullDump(temp.store);
    // Plans as the dry-run check would have made them had the store looked different a moment before:
    // a buyer deleted since, an order id taken since. The re-check in commit.ts names the record.
    const plan = (last: ReturnType<typeof order>): Plan<'orders'> => ({
      kind: 'orders',
      errors: [],
      rows: Array.from({ length: 5_000 }, (_, i) => ({ row: i + 2, action: 'create' as const, record: i === 4_999 ? last : order(`atomic-${i}`, 'anrui') })),
    });
    const options = { viewer: admin, batchSize: 1_000, fileName: 'atomic.csv' };
    await expect(commitPlan(temp.store, plan(order('atomic-x', 'ghost-firm')), options)).rejects.toThrow(ImportConflictError);
    await expect(commitPlan(temp.store, plan(order('o-2024-aofang-anrui-st', 'anrui')), options)).rejects.toThrow(/o-2024-aofang-anrui-st was created/);
    expect(await fullDump(temp.store)).toEqual(before);
    // The store still writes and closes cleanly.
    await commitPlan(temp.store, plan(order('atomic-last', 'anrui')), options);
    await temp.store.close();
    const reopened = await EmbeddedStore.open({ dataDir: temp.dir, maxDbSizeBytes: 2 ** 33, log: () => undefined });
    const [row] = await reopened.read<{ n: number }>({ name: 'atomicCount', cypher: "MATCH (o:TradeOrder) WHERE o.id STARTS WITH 'atomic-' RETURN count(o) AS n", params: {} });
    expect(Number(row?.n)).toBe(5_000);
    await reopened.close();
  });

  it('a process killed while the import writes leaves all of it or none, and the store opens', async () => {
    const random = seededRandom(20251126);
    const rows = 200_000;
    for (let run = 0; run < 3; run++) {
      const temp = await openTempStore();
      stores.push(temp);
      const dir = temp.dir;
      await temp.store.close();
      let committed = false;
      let wrote = false;
      let writing!: () => void;
      const started = new Promise<void>((resolve) => (writing = resolve));
      const child = new ScriptProcess('test/src/import/import-child.ts', [dir, String(rows)], (line) => {
        if (line === 'writing') {
          wrote = true;
          writing();
        }
        if (line === 'committed') committed = true;
      });
      await Promise.race([started, child.exited]);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 1_500)));
      child.kill('SIGKILL');
      const exit = await child.exited;
      // The kill must land in a started import, not after a child that never got that far.
      expect(wrote, exit.stderr.slice(0, 500)).toBe(true);
      const reopened = await EmbeddedStore.open({ dataDir: dir, maxDbSizeBytes: 2 ** 33, log: () => undefined });
      try {
        const [row] = await reopened.read<{ n: number }>({ name: 'killCount', cypher: "MATCH (o:TradeOrder) WHERE o.id STARTS WITH 'kill-' RETURN count(o) AS n", params: {} });
        const n = Number(row?.n ?? -1);
        expect([0, rows], `run ${run}: ${exit.stderr.slice(0, 500)}`).toContain(n);
        if (committed) expect(n).toBe(rows);
      } finally {
        await reopened.close();
      }
      // The TempStore's close() would close the store again: only the folder is left to remove.
      stores.pop();
      const { rmSync } = await import('node:fs');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
