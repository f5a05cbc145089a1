import type { GraphStore, Query, Row } from '@yulian/server';

/**
 * The TRADED links as they should be, summed here from the orders themselves with Cypher of the
 * test's own: what the API test and the crash matrix compare the stored links with.
 */

export type Link = { s: string; b: string; year: number; kind: string; segment: string; amountCny: number; orders: number; liveOrders: number };

const raw = <R extends Row>(cypher: string): Query<R> => ({ name: 'test:summedLinks', cypher, params: {} });

export async function linksFromOrders(store: GraphStore): Promise<Link[]> {
  const orders = await store.read(
    raw<{ s: string; b: string; year: number; kind: string; segment: string; amountCny: number; status: string }>(
      `MATCH (s:Firm)-[:SHIPS]->(o:TradeOrder)-[:TO]->(b:Firm), (o)-[:OF]->(seg:Segment)
       RETURN s.id AS s, b.id AS b, o.year AS year, o.kind AS kind, seg.code AS segment, o.amountCny AS amountCny, o.status AS status`,
    ),
  );
  const links = new Map<string, Link>();
  for (const o of orders) {
    const key = [o.s, o.b, o.year, o.kind, o.segment].join('|');
    const link = links.get(key) ?? { s: o.s, b: o.b, year: o.year, kind: o.kind, segment: o.segment, amountCny: 0, orders: 0, liveOrders: 0 };
    link.orders += 1;
    if (o.status !== 'CANCELLED') {
      link.liveOrders += 1;
      link.amountCny += o.amountCny;
    }
    links.set(key, link);
  }
  return sortLinks([...links.values()].map((l) => ({ ...l, amountCny: Math.round(l.amountCny * 100) / 100 })));
}

/** A stable order, so two lists of links compare with toEqual. */
export const sortLinks = (links: readonly Link[]) => [...links].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
