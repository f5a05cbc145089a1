import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNeo4jTestStore, startTestServer, type TestServer } from '../harness';
import { fullDump, templateCsv, upload } from '../import/helpers';
import { tokenFor } from '../roles';

/**
 * An import is one transaction, so on Neo4j its size is bounded by the transaction memory the
 * server allows (db.memory.transaction.max; the test server sets 512 MB, global-setup.ts). An
 * import past it must fail whole, at once, with an error that says what to do: Neo4j calls the
 * failure transient and the driver used to re-run the whole import for up to 30 s, to fail the same
 * way each time, and the client got "briefly unable … try again".
 */

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await tokenFor(server.store, { role: 'ADMIN' });
});
afterAll(() => server?.close());

const orders = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`, kind: 'SUPPLY', supplierId: 'aofang', buyerId: i % 2 ? 'anrui' : 'changan',
    segmentCode: 'SURFACE_TREATMENT', year: 2025, amountCny: 1_000 + i,
  }));

describe('an import larger than Neo4j lets one transaction hold', () => {
  it('fails whole on the first attempt with a 413 that says to split the file, and writes nothing', async () => {
    const before = await fullDump(server.store);
    // About 16 KB of transaction memory per order on Neo4j 5.26: 60,000 orders need ~1 GB.
    const file = templateCsv('orders', orders('too-many', 45_000));
    const { status, answer } = await upload(server.url, 'orders', file, { token: admin, mode: 'commit', lang: 'zh' });

    expect(status).toBe(413);
    expect(answer).toMatchObject({ ok: false, code: 'TRANSACTION_TOO_LARGE' });
    expect(answer.errors[0]?.message).toMatch(/拆成几份.*db\.memory\.transaction\.max/);
    expect(await fullDump(server.store)).toEqual(before);
  }, 180_000);

  it('still commits an import well inside the limit', async () => {
    const { status, answer } = await upload(server.url, 'orders', templateCsv('orders', orders('fits', 5_000)), { token: admin, mode: 'commit' });
    expect(status).toBe(200);
    expect(answer).toMatchObject({ ok: true, created: 5_000, committed: true });
  }, 120_000);
});

describe('a write past the transaction memory limit', () => {
  it('runs once: the store does not hand it back to the driver to retry', async () => {
    // The server above holds this worker's first database; this store takes the second.
    const other = await openNeo4jTestStore({ seed: false });
    let attempts = 0;
    try {
      const write = other.store.write(async (tx) => {
        attempts += 1;
        for (let i = 0; i < 100; i++) {
          await tx.run({
            name: 'grow',
            cypher: "UNWIND range(1, 20000) AS i CREATE (:Firm {id: 'grow-' + toString($batch) + '-' + toString(i), nameZh: '一个很长的企业名称用来占用事务内存', nameEn: 'A firm whose name takes room'}) RETURN count(*) AS n",
            params: { batch: i },
          });
        }
      });
      await expect(write).rejects.toMatchObject({ code: 'TOO_LARGE' });
      expect(attempts).toBe(1);
    } finally {
      await other.close();
    }
  }, 180_000);
});
