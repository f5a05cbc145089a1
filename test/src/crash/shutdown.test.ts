import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { articleDataset } from '@yulian/seed';
import { EmbeddedStore, loadDataset, queries } from '@yulian/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlAs, tokenFor } from '../roles';
import { ScriptProcess, type Exit } from './child-process';

/**
 * The real server (server/src/main.ts) gets SIGTERM while order mutations are in flight. It must exit
 * 0 having checkpointed and closed the store, and the store must reopen, without recovery, with every
 * order whose mutation was answered, each with its audit event (both are one transaction).
 */

const TEST_DB_BYTES = 2 ** 33;
const ORDERS = 60;
/** SIGTERM goes out once this many mutations were answered; the rest are in flight. */
const ANSWERED_BEFORE_SIGTERM = 10;

const RECORD = `mutation Record($input: OrderInput!) { recordOrder(input: $input) { id } }`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

let dir: string;
let token: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'yulian-sigterm-'));
  const store = await EmbeddedStore.open({ dataDir: dir, maxDbSizeBytes: TEST_DB_BYTES });
  await store.ensureSchema();
  await loadDataset(store, articleDataset);
  token = await tokenFor(store, { role: 'ADMIN' });
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SIGTERM to the server', () => {
  it('finishes the writes in flight, checkpoints, closes and exits 0', async () => {
    const port = await freePort();
    let output = '';
    let serving: () => void = () => undefined;
    const listening = new Promise<void>((resolve) => (serving = resolve));
    const server = new ScriptProcess(
      'server/src/main.ts',
      [],
      (line) => {
        output += `${line}\n`;
        if (line.includes('Yulian is serving')) serving();
      },
      { PORT: String(port), HOST: '127.0.0.1', YULIAN_DATA_DIR: dir, YULIAN_SEED: 'off', NODE_ENV: 'production', YULIAN_RATE_LIMIT_PER_MINUTE: '100000', YULIAN_RATE_LIMIT_PER_USER_PER_MINUTE: '100000' },
    );
    const exited: Promise<Exit> = server.exited;
    await Promise.race([listening, exited.then((e) => Promise.reject(new Error(`the server stopped before serving: ${e.stderr}`)))]);

    const url = `http://127.0.0.1:${port}`;
    let answered = 0;
    let signalled = false;
    const ids = Array.from({ length: ORDERS }, (_, i) => `o-sigterm-${i}`);
    const results = await Promise.all(
      ids.map(async (id, i) => {
        const input = { id, kind: 'SUPPLY', supplierId: 'aofang', buyerId: 'anrui', segmentCode: 'SURFACE_TREATMENT', year: 2025, amountCny: 1000 + i };
        try {
          const res = await gqlAs<{ recordOrder: { id: string } }>(url, token, RECORD, { input });
          const ok = res.data?.recordOrder?.id === id;
          if (ok && ++answered === ANSWERED_BEFORE_SIGTERM && !signalled) {
            signalled = true;
            server.kill('SIGTERM');
          }
          return { id, ok };
        } catch {
          // The server stopped before answering: the write may or may not be in.
          return { id, ok: false };
        }
      }),
    );
    if (!signalled) server.kill('SIGTERM');
    const exit = await exited;
    expect(exit, exit.stderr).toMatchObject({ code: 0, signal: null });
    expect(output).toContain('SIGTERM: finishing in-flight requests and closing the store');
    // Checkpointed at close: the log is gone, and the next open has nothing to replay or recover.
    expect(() => statSync(path.join(dir, 'yulian.lbug.wal'))).toThrow();

    const acknowledged = results.filter((r) => r.ok).map((r) => r.id);
    expect(acknowledged.length).toBeGreaterThanOrEqual(ANSWERED_BEFORE_SIGTERM);
    const logged: string[] = [];
    const store = await EmbeddedStore.open({ dataDir: dir, maxDbSizeBytes: TEST_DB_BYTES, log: (m) => logged.push(m) });
    try {
      expect(logged).toEqual([]);
      const present = new Set((await store.read(queries.ordersByIds(ids))).map((o) => o.id));
      expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
      // Every order that made it in, answered or not, came with its audit event: no write was cut in half.
      for (const id of present) {
        const [count] = await store.read(queries.countAuditEvents(id));
        expect(count?.total, `audit events of ${id}`).toBe(1);
      }
      console.log(`SIGTERM test: ${acknowledged.length} of ${ORDERS} mutations answered, ${present.size} orders in the store after the restart`);
    } finally {
      await store.close();
    }
  }, 120_000);
});
