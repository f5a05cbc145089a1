import { EmbeddedStore, type GraphStore, type Query, type Row } from '@yulian/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLResponse } from '../harness';
import { openTempStore, type TempStore } from '../harness';
import { INTERNALS, listen, postJson, type Listening } from './listen';

/**
 * What the API says when something goes wrong inside: a store query that fails, a store that is
 * gone, a statement that runs too long. The stores are real; only a query's text is spoiled.
 */

const TEST_DB_BYTES = 2 ** 33;

/** The real store, except that one catalogue query is sent with a syntax error the engine reports verbatim. */
function spoiling(store: GraphStore, queryName: string): GraphStore {
  const spoil = <R extends Row>(query: Query<R>): Query<R> => {
    if (query.name !== queryName) return query;
    const cypher = typeof query.cypher === 'function' ? query.cypher(store.dialect) : query.cypher;
    return { ...query, cypher: `${cypher} RETURN ))` };
  };
  return {
    kind: store.kind,
    dialect: store.dialect,
    ensureSchema: () => store.ensureSchema(),
    read: (query) => store.read(spoil(query)),
    write: (work) => store.write(work),
    ping: () => store.ping(),
    close: () => store.close(),
  };
}

async function answer(url: string, query: string): Promise<{ status: number; text: string; json: GraphQLResponse<unknown> }> {
  const res = await postJson(url, { query });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) as GraphQLResponse<unknown> };
}

describe('unexpected errors are masked', () => {
  let temp: TempStore;
  let spoiled: GraphStore;
  const servers: Listening[] = [];
  beforeAll(async () => {
    temp = await openTempStore();
    spoiled = spoiling(temp.store, 'listDistricts');
    servers.push(await listen({ store: spoiled, development: false }), await listen({ store: spoiled, development: true }));
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await temp.close();
  });

  it('the engine’s own error does quote the Cypher (so masking has something to hide)', async () => {
    const error = await spoiled.read({ name: 'listDistricts', cypher: 'MATCH (d:District) RETURN d.code AS code', params: {} }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'StoreError', code: 'QUERY_ERROR' });
    expect(String((error as Error).message)).toMatch(/MATCH|RETURN/);
  });

  for (const mode of ['production', 'development'] as const) {
    it(`answers "Unexpected error." without stack, paths or Cypher in ${mode} mode`, async () => {
      const server = servers[mode === 'production' ? 0 : 1] as Listening;
      const { status, text, json } = await answer(server.url, '{ districts { code } segments { code } }');
      expect(status).toBe(200);
      expect(json.errors).toEqual([
        expect.objectContaining({ message: 'Unexpected error.', path: ['districts'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
      ]);
      // districts is a non-null root field, so its null takes the whole answer with it.
      expect(json.data).toBeNull();
      expect(text).not.toMatch(INTERNALS);
    });
  }

  it('answers UNAVAILABLE when the store has gone away under the server', async () => {
    const gone = await openTempStore({ seed: false });
    const server = await listen({ store: gone.store, development: false });
    try {
      await gone.store.close();
      const { status, text, json } = await answer(server.url, '{ districts { code } }');
      expect(status).toBe(200);
      expect(json.errors?.[0]).toMatchObject({ message: 'the graph store is not available', extensions: { code: 'UNAVAILABLE' } });
      expect(text).not.toMatch(INTERNALS);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(503);
    } finally {
      await server.close();
      await gone.close();
    }
  });
});

describe('statement timeout', () => {
  it('the embedded engine interrupts a long query and reports TIMEOUT', async () => {
    const temp = await openTempStore({ seed: false });
    await temp.store.close();
    const store = await EmbeddedStore.open({ dataDir: temp.dir, maxDbSizeBytes: TEST_DB_BYTES, queryTimeoutMs: 50 });
    try {
      // About 400 million rows: seconds of work, unless the timeout stops it.
      const slow = { name: 'crossProduct', cypher: 'UNWIND range(1, 20000) AS a UNWIND range(1, 20000) AS b WITH a, b WHERE (a * b) % 7 = 3 RETURN sum(a + b) AS s', params: {} };
      const started = performance.now();
      const error = await store.read(slow).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'StoreError', code: 'TIMEOUT', queryName: 'crossProduct' });
      expect(performance.now() - started).toBeLessThan(2_000);
      // The connection is usable afterwards.
      expect(await store.read({ name: 'one', cypher: 'RETURN 1 AS ok', params: {} })).toEqual([{ ok: 1 }]);
    } finally {
      await store.close();
      await temp.close();
    }
  });

  it('the API answers a query stopped by the timeout with TIMEOUT, and nothing of the query', async () => {
    const temp = await openTempStore({ seed: false });
    // 100,000 firms make a name search scan long enough (tens of milliseconds) to pass a 5 ms limit.
    await temp.store.write((tx) =>
      tx.run({
        name: 'bulkFirms',
        cypher: `UNWIND range(1, $n) AS i CREATE (:Firm {id: 'bulk-' + string(i), nameZh: '批量企业' + string(i),
          nameEn: 'Bulk firm ' + string(i), synthetic: true, isChainLeader: false, isOem: false, isRecycler: false})`,
        params: { n: 100_000 },
      }),
    );
    await temp.store.close();
    const store = await EmbeddedStore.open({ dataDir: temp.dir, maxDbSizeBytes: TEST_DB_BYTES, queryTimeoutMs: 5 });
    const server = await listen({ store, development: false });
    try {
      const { status, text, json } = await answer(server.url, '{ firms(filter: { search: "no such firm" }) { totalCount } }');
      expect(status).toBe(200);
      expect(json.errors?.[0]).toMatchObject({ path: ['firms'], extensions: { code: 'TIMEOUT' } });
      expect(json.errors?.[0]?.message).toMatch(/took too long/);
      expect(text).not.toMatch(INTERNALS);
    } finally {
      await server.close();
      // EmbeddedStore.close() checkpoints on a connection that has the same 5 ms statement timeout,
      // and the checkpoint is interrupted ("Interrupted."); the database is then left to process exit.
      await store.close().catch(() => undefined);
      await temp.close();
    }
  });
});
