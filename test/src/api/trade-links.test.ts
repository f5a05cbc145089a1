import { ensureTradeLinks, type GraphStore, type Query, type Row } from '@yulian/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness';
import { templateCsv, upload } from '../import/helpers';
import { gqlDataAs, tokenFor } from '../roles';
import { linksFromOrders, sortLinks, type Link } from '../summed-links';

/**
 * The TRADED links every chain analysis reads must always equal the orders summed afresh: after the
 * seed, after each kind of order write over the API, after an import, and after a start that finds
 * a store written before links existed.
 */


const raw = <R extends Row>(cypher: string): Query<R> => ({ name: 'test', cypher, params: {} });

async function storedLinks(store: GraphStore): Promise<Link[]> {
  const rows = await store.read(
    raw<Link>(`MATCH (s:Firm)-[t:TRADED]->(b:Firm)
      RETURN s.id AS s, b.id AS b, t.year AS year, t.kind AS kind, t.segment AS segment, t.amountCny AS amountCny, t.orders AS orders, t.liveOrders AS liveOrders`),
  );
  return sortLinks(rows);
}

async function expectLinksAgree(store: GraphStore): Promise<Link[]> {
  const stored = await storedLinks(store);
  expect(stored).toEqual(await linksFromOrders(store));
  return stored;
}

const RECORD = `mutation Record($input: OrderInput!) { recordOrder(input: $input) { id } }`;
const DELETE = `mutation Delete($id: ID!) { deleteOrder(id: $id) }`;
const linkOf = (links: Link[], s: string, b: string, year: number) => links.filter((l) => l.s === s && l.b === b && l.year === year);

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await tokenFor(server.store, { role: 'ADMIN' });
});
afterAll(() => server.close());

describe('TRADED links follow the orders', () => {
  it('agree with the seed orders', async () => {
    const links = await expectLinksAgree(server.store);
    expect(links.length).toBeGreaterThan(10);
  });

  it('follow an order recorded, moved to another supplier, cancelled and deleted', async () => {
    const input = { kind: 'SUPPLY', supplierId: 'aofang', buyerId: 'anrui', segmentCode: 'SURFACE_TREATMENT', year: 2031, amountCny: 1_234_567.89 };
    const { recordOrder } = await gqlDataAs<{ recordOrder: { id: string } }>(server.url, admin, RECORD, { input });
    let links = await expectLinksAgree(server.store);
    expect(linkOf(links, 'aofang', 'anrui', 2031)).toEqual([expect.objectContaining({ amountCny: 1_234_567.89, orders: 1, liveOrders: 1 })]);

    await gqlDataAs(server.url, admin, RECORD, { input: { ...input, id: recordOrder.id, supplierId: 'yian' } });
    links = await expectLinksAgree(server.store);
    expect(linkOf(links, 'aofang', 'anrui', 2031)).toEqual([]);
    expect(linkOf(links, 'yian', 'anrui', 2031)).toHaveLength(1);

    await gqlDataAs(server.url, admin, RECORD, { input: { ...input, id: recordOrder.id, supplierId: 'yian', status: 'CANCELLED' } });
    links = await expectLinksAgree(server.store);
    expect(linkOf(links, 'yian', 'anrui', 2031)).toEqual([expect.objectContaining({ amountCny: 0, orders: 1, liveOrders: 0 })]);

    await gqlDataAs(server.url, admin, DELETE, { id: recordOrder.id });
    links = await expectLinksAgree(server.store);
    expect(links.filter((l) => l.year === 2031)).toEqual([]);
  });

  it('count new orders into a link that already exists, cancelled ones as orders without amount', async () => {
    const before = linkOf(await expectLinksAgree(server.store), 'aofang', 'anrui', 2024);
    expect(before.length).toBeGreaterThan(0);
    const input = { kind: 'SUPPLY', supplierId: 'aofang', buyerId: 'anrui', segmentCode: 'SURFACE_TREATMENT', year: 2024 };
    await gqlDataAs(server.url, admin, RECORD, { input: { ...input, amountCny: 500_000 } });
    await gqlDataAs(server.url, admin, RECORD, { input: { ...input, amountCny: 0.07, status: 'CANCELLED' } });
    await gqlDataAs(server.url, admin, RECORD, { input: { ...input, amountCny: 0.1 } });
    await gqlDataAs(server.url, admin, RECORD, { input: { ...input, amountCny: 0.2 } });
    const after = linkOf(await expectLinksAgree(server.store), 'aofang', 'anrui', 2024);
    const surface = (links: Link[]) => links.find((l) => l.segment === 'SURFACE_TREATMENT' && l.kind === 'SUPPLY');
    expect(surface(after)).toMatchObject({ orders: (surface(before)?.orders ?? 0) + 4, liveOrders: (surface(before)?.liveOrders ?? 0) + 3 });
  });

  it('follow an order import', async () => {
    const orders = [1, 2, 3].map((n) => ({
      id: `trade-link-import-${n}`, kind: 'SUPPLY', supplierId: n === 3 ? 'yian' : 'aofang', buyerId: 'anrui',
      segmentCode: 'SURFACE_TREATMENT', year: 2032, amountCny: 1000 * n, status: 'ACTIVE',
    }));
    const { answer } = await upload(server.url, 'orders', templateCsv('orders', orders), { token: admin, mode: 'commit' });
    expect(answer.errors).toEqual([]);
    const links = await expectLinksAgree(server.store);
    expect(linkOf(links, 'aofang', 'anrui', 2032)).toEqual([expect.objectContaining({ amountCny: 3000, orders: 2 })]);
    expect(linkOf(links, 'yian', 'anrui', 2032)).toEqual([expect.objectContaining({ amountCny: 3000, orders: 1 })]);
  });

  it('are built at start for a store written before they existed', async () => {
    const before = await storedLinks(server.store);
    await server.store.write((tx) => tx.run(raw('MATCH (:Firm)-[t:TRADED]->(:Firm) DELETE t')));
    expect(await storedLinks(server.store)).toEqual([]);
    expect(await ensureTradeLinks(server.store)).toBe(true);
    expect(await expectLinksAgree(server.store)).toEqual(before);
    expect(await ensureTradeLinks(server.store)).toBe(false);
  });
});
