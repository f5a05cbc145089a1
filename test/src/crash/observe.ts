import type { GraphStore, Query, Row } from '@yulian/server';
import { sortLinks, type Link } from '../summed-links';
import { keyOf, type FieldValue, type Fields } from './ledger';

/**
 * What a reopened store holds of the entities the crash matrix wrote, read with Cypher of its own
 * rather than the server's queries: the check must not share a mistake with what it checks.
 */

const raw = <R extends Row>(cypher: string, params: Record<string, unknown> = {}): Query<R> => ({ name: 'crashMatrix', cypher, params });

type Plain = Record<string, FieldValue>;

/** The stored value of every entity whose id starts with the lane's prefix, and of the given targets and every goal from 2090. */
export async function observe(store: GraphStore, prefix: string, targetIds: readonly string[]): Promise<Map<string, Fields>> {
  const found = new Map<string, Fields>();
  const put = (key: string, row: Plain, drop: readonly string[]) => {
    const value: Record<string, FieldValue> = {};
    for (const [k, v] of Object.entries(row)) if (!drop.includes(k)) value[k] = v ?? null;
    found.set(key, value);
  };
  const like = { prefix: `${prefix}-` };

  for (const f of await store.read(
    raw<Plain>(
      `MATCH (f:Firm) WHERE f.id STARTS WITH $prefix OPTIONAL MATCH (f)-[:LOCATED_IN]->(d:District)
       RETURN f.id AS id, f.nameZh AS nameZh, f.nameEn AS nameEn, f.shortNameZh AS shortNameZh, f.shortNameEn AS shortNameEn,
         d.code AS districtCode, f.creditCode AS creditCode, f.isChainLeader AS isChainLeader, f.isOem AS isOem, f.isRecycler AS isRecycler,
         f.outputCny AS outputCny, f.outputYear AS outputYear, f.yieldRate AS yieldRate, f.certifications AS certifications,
         f.lat AS lat, f.lng AS lng, f.notes AS notes`,
      like,
    ),
  )) put(keyOf('firm', String(f.id)), f, ['id']);

  for (const [rel, kind, props] of [
    ['MAKES', 'capability', 'r.capacity AS capacity, r.unit AS unit, r.utilisation AS utilisation, r.yieldRate AS yieldRate'],
    ['NEEDS', 'need', 'r.annualDemand AS annualDemand, r.unit AS unit'],
  ] as const) {
    for (const r of await store.read(raw<Plain>(`MATCH (f:Firm)-[r:${rel}]->(s:Segment) WHERE f.id STARTS WITH $prefix RETURN f.id AS f, s.code AS s, ${props}`, like))) {
      put(keyOf(kind, `${String(r.f)}|${String(r.s)}`), r, ['f', 's']);
    }
  }

  for (const o of await store.read(
    raw<Plain>(
      `MATCH (o:TradeOrder) WHERE o.id STARTS WITH $prefix
       OPTIONAL MATCH (s:Firm)-[:SHIPS]->(o) OPTIONAL MATCH (o)-[:TO]->(b:Firm) OPTIONAL MATCH (o)-[:OF]->(g:Segment)
       RETURN o.id AS id, o.kind AS kind, s.id AS supplierId, b.id AS buyerId, g.code AS segmentCode, o.year AS year,
         o.amountCny AS amountCny, o.quantity AS quantity, o.unit AS unit, o.status AS status`,
      like,
    ),
  )) put(keyOf('order', String(o.id)), o, ['id']);

  if (targetIds.length > 0) {
    for (const t of await store.read(
      raw<Plain>(
        `MATCH (t:Target) WHERE t.id IN $ids
         OPTIONAL MATCH (t)-[:TARGET_IN]->(d:District) OPTIONAL MATCH (t)-[:TARGET_FOR]->(s:Segment)
         RETURN t.id AS id, t.name AS name, d.code AS districtCode, s.code AS segmentCode, t.stage AS stage, t.agreementCny AS agreementCny,
           t.owner AS owner, t.contact AS contact, t.notes AS notes`,
        { ids: [...targetIds] },
      ),
    )) put(keyOf('target', String(t.id)), t, ['id']);
  }

  for (const g of await store.read(
    raw<Plain>(
      `MATCH (g:Goal)-[:GOAL_OF]->(d:District) WHERE g.year >= 2090
       RETURN d.code AS d, g.year AS y, g.projects AS projects, g.agreementCny AS agreementCny, g.outputCny AS outputCny`,
    ),
  )) put(keyOf('goal', `${String(g.d)}|${String(g.y)}`), g, ['d', 'y']);

  for (const s of await store.read(
    raw<Plain>(`MATCH (a:Firm)-[r:SUPPORTS]->(b:Firm) WHERE a.id STARTS WITH $prefix RETURN a.id AS a, b.id AS b, r.kinds AS kinds, r.since AS since`, like),
  )) put(keyOf('support', `${String(s.a)}|${String(s.b)}`), s, ['a', 'b']);

  return found;
}

export interface AuditRow {
  entityId: string;
  entityType: string;
  action: string;
  at: string;
  /** Only for import events, whose after names the file. */
  after: string | null;
}

export function auditEventsSince(store: GraphStore, since: string): Promise<AuditRow[]> {
  return store.read(
    raw<AuditRow & Row>(
      `MATCH (a:AuditEvent) WHERE a.at >= $since
       RETURN a.entityId AS entityId, a.entityType AS entityType, a.action AS action, a.at AS at,
         CASE WHEN a.entityType = 'Import' THEN a.after ELSE NULL END AS after`,
      { since },
    ),
  );
}


/** The TRADED links as stored (test/src/api/trade-links.test.ts compares them the same way). */
export async function storedLinks(store: GraphStore): Promise<Link[]> {
  const rows = await store.read(
    raw<Link>(`MATCH (s:Firm)-[t:TRADED]->(b:Firm)
      RETURN s.id AS s, b.id AS b, t.year AS year, t.kind AS kind, t.segment AS segment, t.amountCny AS amountCny, t.orders AS orders, t.liveOrders AS liveOrders`),
  );
  return sortLinks(rows.map((l) => ({ ...l, amountCny: Math.round(l.amountCny * 100) / 100 })));
}

/** Orders in the store, and how many of them have their supplier, buyer and segment edges. */
export async function orderEdges(store: GraphStore): Promise<{ orders: number; whole: number }> {
  const [all] = await store.read(raw<{ n: number }>('MATCH (o:TradeOrder) RETURN count(o) AS n'));
  const [whole] = await store.read(raw<{ n: number }>('MATCH (:Firm)-[:SHIPS]->(o:TradeOrder)-[:TO]->(:Firm), (o)-[:OF]->(:Segment) RETURN count(o) AS n'));
  return { orders: Number(all?.n ?? 0), whole: Number(whole?.n ?? 0) };
}
