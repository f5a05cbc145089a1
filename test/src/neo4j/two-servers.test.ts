import { queries } from '@yulian/server';
import { Neo4jStore } from '@yulian/server/neo4j';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithPassword, openNeo4jTestStore, signIn, type Neo4jTestStore } from '../harness';
import { gqlAs, gqlDataAs, tokenFor } from '../roles';
import { listen, type Listening } from '../security/listen';
import { neo4jCredentials } from './uri';

/**
 * Scaling out: two Yulian servers, each with its own driver (so its own connection pool, bookmark
 * manager and in-memory state), over one Neo4j database, as two processes behind a load balancer
 * would be. Whatever one answers, the other must agree with at once.
 */

let first: Neo4jTestStore;
let second: Neo4jStore;
let a: Listening;
let b: Listening;

beforeAll(async () => {
  first = await openNeo4jTestStore();
  second = await Neo4jStore.open({ uri: first.uri, ...neo4jCredentials, queryTimeoutMs: 30_000 });
  const security = { rateLimitPerMinute: 10_000, rateLimitPerUserPerMinute: 10_000 };
  a = await listen({ store: first.store, development: false, security });
  b = await listen({ store: second, development: false, security });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await second?.close();
  await first?.close();
});

const ME = '{ me { username role } }';
const LOGOUT = 'mutation { logout }';
const RECORD = 'mutation R($input: OrderInput!) { recordOrder(input: $input) { id } }';
const UPSERT_FIRM = 'mutation U($input: FirmInput!) { upsertFirm(input: $input) { id notes } }';
const FIRM = 'query F($id: ID!) { firm(id: $id) { id notes } }';

describe('two Yulian servers on one Neo4j', () => {
  it('accepts on one server the token signed in on the other, and a sign-out on either ends it on both', async () => {
    await createUserWithPassword(first.store, { username: 'two-servers-officer', password: 'correct horse battery', role: 'BUREAU', districtCode: '500117' });
    const token = await signIn(a.url, 'two-servers-officer', 'correct horse battery');
    const onB = await gqlDataAs<{ me: { username: string; role: string } }>(b.url, token, ME);
    expect(onB.me).toEqual({ username: 'two-servers-officer', role: 'BUREAU' });

    await gqlDataAs(b.url, token, LOGOUT);
    const afterLogout = await gqlAs<{ me: unknown }>(a.url, token, ME);
    expect(afterLogout.data?.me ?? null).toBeNull();
  });

  it('reads on one server a write the other has just answered', async () => {
    const admin = await tokenFor(first.store, { role: 'ADMIN' });
    for (let i = 0; i < 5; i += 1) {
      const notes = `第${i + 1}次更新：由服务器A写入`;
      const id = `two-servers-${i}`;
      await gqlDataAs(a.url, admin, UPSERT_FIRM, { input: { id, nameZh: `双服务器测试企业${i}`, nameEn: `Two servers ${i}`, districtCode: '500117', notes } });
      // No wait, no retry: the very next request, to the other server, sees it.
      const read = await gqlDataAs<{ firm: { notes: string } | null }>(b.url, admin, FIRM, { id });
      expect(read.firm?.notes).toBe(notes);
    }
  });

  it('keeps a trade link equal to the sum of orders sent to both servers at the same moment', async () => {
    const admin = await tokenFor(first.store, { role: 'ADMIN' });
    const year = 2032;
    const amounts = Array.from({ length: 16 }, (_, i) => 200_000 + i * 1_000);
    await Promise.all(
      amounts.map((amountCny, i) =>
        gqlDataAs(i % 2 === 0 ? a.url : b.url, admin, RECORD, {
          input: { kind: 'SUPPLY', supplierId: 'aofang', buyerId: 'anrui', segmentCode: 'SURFACE_TREATMENT', year, amountCny },
        }),
      ),
    );
    for (const store of [first.store, second]) {
      expect(await store.read(queries.allTradeLinks({ year }))).toEqual([
        expect.objectContaining({
          supplierId: 'aofang', buyerId: 'anrui', segmentCode: 'SURFACE_TREATMENT',
          orderCount: amounts.length, amountCny: amounts.reduce((x, y) => x + y, 0),
        }),
      ]);
    }
  });
});
