import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { articleDataset } from '@yulian/seed';
import { EmbeddedStore, queries, type Query, type Row } from '@yulian/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness';
import { gqlAs, gqlDataAs, tokenFor } from '../roles';

/**
 * The audit log shows each reader what it may see, over HTTP against the real server: a district's
 * bureau the events concerning its own district (a firm there, before or after; an order or support
 * tie with a party there; its targets and goals); admins every event; accounts and imports admins
 * only. Pages and counts hold only those events, and another district's entity answers exactly as
 * an unknown id does.
 */

interface Event {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  actorName: string | null;
  before: string | null;
  after: string | null;
}
interface Page {
  auditEvents: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Event }[] };
}

const EVENTS = `query E($id: String, $first: Int, $after: String) { auditEvents(entityId: $id, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id action entityType entityId actorName before after } } } }`;

const HECHUAN = '500117';
const BISHAN = '500120';
/** Where each firm of the seed is; the tests move none. */
const districtOf = new Map(articleDataset.firms.map((f) => [f.id, f.districtCode]));

let server: TestServer;
let admin: string;
let hechuan: string;
let bishan: string;
let aofang: string;
/** A Bishan target with figures and a contact only Bishan's team and bureau may see. */
let bishanTarget: string;
let userId: string;
let crossOrder: string;
let bishanOrder: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await tokenFor(server.store, { role: 'ADMIN' });
  hechuan = await tokenFor(server.store, { role: 'BUREAU', districtCode: HECHUAN });
  bishan = await tokenFor(server.store, { role: 'BUREAU', districtCode: BISHAN });
  aofang = await tokenFor(server.store, { role: 'FIRM', firmId: 'aofang' });

  const target = await gqlDataAs<{ upsertTarget: { id: string } }>(server.url, bishan, 'mutation U($input: TargetInput!) { upsertTarget(input: $input) { id } }', {
    input: { name: '璧山保密目标', districtCode: BISHAN, segmentCode: 'BEARING', agreementCny: 990_000_000, contact: '13800138000', notes: '保密：对方要求不公开' },
  });
  bishanTarget = target.upsertTarget.id;
  const user = await gqlDataAs<{ createUser: { id: string } }>(server.url, admin, 'mutation C($input: UserInput!) { createUser(input: $input) { id } }', {
    input: { username: 'audit-visibility-user', role: 'FIRM', firmId: 'yian', password: 'a long enough password' },
  });
  userId = user.createUser.id;
  await gqlDataAs(server.url, hechuan, 'mutation { setNeed(input: {firmId: "anrui", segmentCode: "GEAR", annualDemand: 4200}) { id } }');
  const record = (buyerId: string) =>
    gqlDataAs<{ recordOrder: { id: string } }>(server.url, aofang, 'mutation R($input: OrderInput!) { recordOrder(input: $input) { id } }', {
      input: { kind: 'SUPPLY', supplierId: 'aofang', buyerId, segmentCode: 'SURFACE_TREATMENT', year: 2025, amountCny: 7_770_000 },
    });
  crossOrder = (await record('anrui')).recordOrder.id;
  bishanOrder = (await record('ruitong')).recordOrder.id;
});
afterAll(async () => server?.close());

async function page(token: string, entityId: string | null, first = 500, after: string | null = null): Promise<Page['auditEvents']> {
  return (await gqlDataAs<Page>(server.url, token, EVENTS, { id: entityId, first, after })).auditEvents;
}

/** Every event a reader gets, page by page (small pages, so paging itself is exercised). */
async function everything(token: string, entityId: string | null = null): Promise<{ total: number; events: Event[] }> {
  const events: Event[] = [];
  let after: string | null = null;
  let total = -1;
  for (;;) {
    const p = await page(token, entityId, 40, after);
    if (total === -1) total = p.totalCount;
    expect(p.totalCount, 'the count does not change from page to page').toBe(total);
    events.push(...p.edges.map((e) => e.node));
    if (!p.pageInfo.hasNextPage) break;
    after = p.pageInfo.endCursor;
  }
  return { total, events };
}

const parse = (json: string | null): Record<string, unknown> | null => (json === null ? null : (JSON.parse(json) as Record<string, unknown>));

/** The districts an event is about, read from its own before and after with the seed's firm districts. */
function districtsIn(e: Event): Set<string> {
  const found = new Set<string>();
  for (const side of [parse(e.before), parse(e.after)]) {
    if (!side) continue;
    if (typeof side.districtCode === 'string') found.add(side.districtCode);
    for (const key of ['firmId', 'supplierId', 'buyerId', 'fromId', 'toId']) {
      const firm = side[key];
      const district = typeof firm === 'string' ? districtOf.get(firm) : undefined;
      if (district) found.add(district);
    }
  }
  return found;
}

describe("a bureau reads the audit log of its own district's records", () => {
  it("gets nothing of another district's target, not even a count: the same answer as an unknown id", async () => {
    const hidden = await page(hechuan, bishanTarget);
    expect(hidden).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
    expect(await page(hechuan, 'tgt-no-such-target')).toEqual(hidden);

    const log = await everything(hechuan);
    expect(log.events.some((e) => e.entityId === bishanTarget)).toBe(false);
    const text = JSON.stringify(log.events);
    for (const secret of ['13800138000', '990000000', '璧山保密目标', '保密']) expect(text).not.toContain(secret);

    // Bishan's bureau, which manages the target, sees its whole record.
    const own = await page(bishan, bishanTarget);
    expect(own.totalCount).toBe(1);
    expect(own.edges[0]?.node).toMatchObject({ action: 'createTarget', entityType: 'Target' });
    expect(parse(own.edges[0]?.node.after ?? null)).toMatchObject({ contact: '13800138000', agreementCny: 990_000_000, notes: '保密：对方要求不公开' });
  });

  it('gets no account events: usernames, roles and firms are for admins', async () => {
    expect(await page(hechuan, userId)).toMatchObject({ totalCount: 0, edges: [] });
    const log = await everything(hechuan);
    expect(log.events.filter((e) => e.entityType === 'User' || e.entityType === 'Import')).toEqual([]);
    expect(JSON.stringify(log.events)).not.toContain('audit-visibility-user');

    const seen = await page(admin, userId);
    expect(seen.edges.map((e) => e.node.action)).toEqual(['createUser']);
    expect(parse(seen.edges[0]?.node.after ?? null)).toMatchObject({ username: 'audit-visibility-user', role: 'FIRM', firmId: 'yian' });
  });

  it("sees its own district's firms, their needs, and orders with a party there; not the other district's own", async () => {
    const need = await page(hechuan, 'anrui');
    expect(need.edges.map((e) => e.node)).toContainEqual(expect.objectContaining({ action: 'setNeed', entityType: 'Need', entityId: 'anrui' }));
    expect(parse(need.edges.find((e) => e.node.action === 'setNeed')?.node.after ?? null)).toMatchObject({ annualDemand: 4200 });
    expect((await page(bishan, 'anrui')).totalCount).toBe(0);

    // An order between a Hechuan and a Bishan firm concerns both bureaus, amount included (both may see it).
    for (const token of [hechuan, bishan]) {
      const cross = await page(token, crossOrder);
      expect(cross.totalCount).toBe(1);
      expect(parse(cross.edges[0]?.node.after ?? null)).toMatchObject({ supplierId: 'aofang', buyerId: 'anrui', amountCny: 7_770_000 });
    }
    // An order between two Bishan firms is Bishan's alone.
    expect((await page(bishan, bishanOrder)).totalCount).toBe(1);
    expect(await page(hechuan, bishanOrder)).toMatchObject({ totalCount: 0, edges: [] });

    // Every event either bureau gets concerns its district.
    for (const [token, district] of [[hechuan, HECHUAN], [bishan, BISHAN]] as const) {
      const log = await everything(token);
      expect(log.events.length).toBeGreaterThan(0);
      for (const e of log.events) expect([...districtsIn(e)], `${e.action} ${e.entityId}`).toContain(district);
    }
  });

  it('counts exactly what it may page through, and an admin counts every event', async () => {
    const all = await everything(admin);
    const [stored] = await server.store.read(queries.countAuditEvents(null));
    expect(all.total).toBe(stored?.total);
    expect(all.events).toHaveLength(all.total);
    expect(new Set(all.events.map((e) => e.id)).size).toBe(all.total);
    for (const token of [hechuan, bishan]) {
      const log = await everything(token);
      expect(log.events).toHaveLength(log.total);
      expect(log.total).toBeLessThan(all.total);
      const one = await everything(token, 'anrui');
      expect(one.events).toHaveLength(one.total);
    }
    // The admin sees what each bureau is refused: the Bishan target, the account, the Bishan-only order.
    const ids = new Set(all.events.map((e) => e.entityId));
    for (const id of [bishanTarget, userId, bishanOrder, crossOrder]) expect(ids.has(id), id).toBe(true);
    expect(parse((await page(admin, bishanTarget)).edges[0]?.node.after ?? null)).toMatchObject({ contact: '13800138000' });
  });

  it('shows in before and after what the API shows the reader of that record', async () => {
    const api = await gqlDataAs<{ order: { amountCny: number | null } | null }>(server.url, hechuan, 'query O($id: ID!) { order(id: $id) { amountCny } }', { id: crossOrder });
    const [event] = (await page(hechuan, crossOrder)).edges;
    expect(parse(event?.node.after ?? null)?.amountCny).toBe(api.order?.amountCny);
    expect(parse(event?.node.after ?? null)).not.toHaveProperty('hidden');
  });

  it('leaves events written before districts were recorded to admins', async () => {
    const legacy: Query<Row> = {
      name: 'legacyAuditEvent',
      cypher: `CREATE (a:AuditEvent {id: 'legacy-event-1', at: '2020-01-01T00:00:00.000Z', actorId: 'system', actorName: 'system', actorRole: 'ADMIN',
        action: 'upsertFirm', entityType: 'Firm', entityId: 'anrui', before: null, after: '{"id":"anrui","districtCode":"500117"}'})`,
      params: {},
    };
    await server.store.write((tx) => tx.run(legacy));
    expect((await everything(hechuan, 'anrui')).events.map((e) => e.id)).not.toContain('legacy-event-1');
    expect((await everything(admin, 'anrui')).events.map((e) => e.id)).toContain('legacy-event-1');
  });

  it('is refused to firms, investment teams and visitors as before', async () => {
    const investment = await tokenFor(server.store, { role: 'INVESTMENT', districtCode: HECHUAN });
    for (const token of [aofang, investment, null]) {
      const res = await gqlAs(server.url, token, EVENTS, { id: 'anrui' });
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });
});

describe('a store made before events carried their districts', () => {
  it('gets the column when it opens, keeps its events, and files new ones by district', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yulian-audit-old-'));
    const table = (store: EmbeddedStore, cypher: string) => store.write((tx) => tx.run({ name: 'olderSchema', cypher, params: {} }));
    try {
      const older = await EmbeddedStore.open({ dataDir: dir, maxDbSizeBytes: 2 ** 33 });
      // The AuditEvent table as the previous version made it, with one event in it.
      await table(older, `CREATE NODE TABLE AuditEvent(id STRING PRIMARY KEY, at STRING, actorId STRING, actorName STRING, actorRole STRING,
        action STRING, entityType STRING, entityId STRING, before STRING, after STRING)`);
      await table(older, "CREATE (:AuditEvent {id: 'old-1', at: '2020-01-01T00:00:00.000Z', action: 'upsertFirm', entityType: 'Firm', entityId: 'anrui'})");
      await older.close();

      const store = await EmbeddedStore.open({ dataDir: dir, maxDbSizeBytes: 2 ** 33 });
      try {
        await store.ensureSchema();
        await store.write((tx) =>
          tx.run(queries.appendAuditEvent({
            id: 'new-1', at: '2025-01-01T00:00:00.000Z', actorId: 'u', actorName: 'u', actorRole: 'ADMIN', action: 'upsertFirm',
            entityType: 'Firm', entityId: 'anrui', before: null, after: '{"districtCode":"500117"}', districts: ['500117'],
          })),
        );
        expect((await store.read(queries.auditEvents('anrui', 0, 10))).map((e) => e.id)).toEqual(['new-1', 'old-1']);
        expect((await store.read(queries.auditEvents('anrui', 0, 10, ['500117']))).map((e) => e.id)).toEqual(['new-1']);
        expect(await store.read(queries.countAuditEvents(null, ['500120']))).toEqual([{ total: 0 }]);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
