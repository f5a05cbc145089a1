import { queries } from '@yulian/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness';
import { gqlAs, gqlDataAs, tokenFor } from '../roles';

/**
 * Writes that read before they decide, sent at the same moment over HTTP. On the embedded store
 * one writer orders them; on Neo4j (read-committed, row locks only) they interleaved until every
 * write took the store's write lock: concurrent orders lost their trade-link sums and two moves
 * of one target from the same stage both landed, leaving two history entries from LEAD.
 */

let server: TestServer;
let admin: string;
let investment: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await tokenFor(server.store, { role: 'ADMIN' });
  investment = await tokenFor(server.store, { role: 'INVESTMENT', districtCode: '500117' });
});
afterAll(() => server.close());

const RECORD = 'mutation R($input: OrderInput!) { recordOrder(input: $input) { id } }';
const UPSERT_TARGET = 'mutation U($input: TargetInput!) { upsertTarget(input: $input) { id } }';
const MOVE = 'mutation M($id: ID!, $stage: TargetStage!, $reason: String) { moveTarget(id: $id, stage: $stage, reason: $reason) { stage } }';
const HISTORY = 'query T($id: ID!) { target(id: $id) { stage history { stage fromStage } } }';

describe('concurrent writes', () => {
  it('keeps a trade link equal to the sum of orders recorded at the same moment', async () => {
    const year = 2031;
    const amounts = Array.from({ length: 12 }, (_, i) => 100_000 + i * 1_000);
    await Promise.all(
      amounts.map((amountCny) =>
        gqlDataAs(server.url, admin, RECORD, {
          input: { kind: 'SUPPLY', supplierId: 'aofang', buyerId: 'anrui', segmentCode: 'SURFACE_TREATMENT', year, amountCny },
        }),
      ),
    );
    const links = await server.store.read(queries.allTradeLinks({ year }));
    expect(links).toEqual([
      expect.objectContaining({
        supplierId: 'aofang', buyerId: 'anrui', segmentCode: 'SURFACE_TREATMENT',
        orderCount: amounts.length, amountCny: amounts.reduce((a, b) => a + b, 0),
      }),
    ]);
  });

  it('moves a target from the stage each move finds, never twice from the same stage', async () => {
    const { upsertTarget } = await gqlDataAs<{ upsertTarget: { id: string } }>(server.url, investment, UPSERT_TARGET, {
      input: { name: '并发测试目标企业', districtCode: '500117', segmentCode: 'BEARING', investmentCny: 100_000_000 },
    });
    // Both are allowed from LEAD; once one has landed, the other is judged from where it left the target.
    const stages = ['CONTACTED', 'DROPPED', 'CONTACTED', 'DROPPED', 'CONTACTED', 'DROPPED'];
    const answers = await Promise.all(
      stages.map((stage) => gqlAs(server.url, investment, MOVE, { id: upsertTarget.id, stage, ...(stage === 'DROPPED' ? { reason: '并发测试' } : {}) })),
    );
    for (const refused of answers.filter((a) => a.errors?.length)) {
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const { target } = await gqlDataAs<{ target: { stage: string; history: { stage: string; fromStage: string | null }[] } }>(
      server.url, admin, HISTORY, { id: upsertTarget.id },
    );
    // One chain: each entry starts where the one before it ended, and the target stands where the last ended.
    target.history.slice(1).forEach((entry, i) => expect(entry.fromStage).toBe(target.history[i]?.stage));
    expect(target.history.at(-1)?.stage).toBe(target.stage);
    expect(target.history.filter((e) => e.fromStage === 'LEAD')).toHaveLength(1);
  });
});
