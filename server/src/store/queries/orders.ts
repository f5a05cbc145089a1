import type { OrderKind, OrderStatus } from '@yulian/schema';
import { defineQuery } from './define';
import { suppliesCypher } from './supplies';

export type OrderRow = {
  id: string;
  kind: OrderKind;
  supplierId: string;
  buyerId: string;
  segmentCode: string;
  year: number;
  amountCny: number;
  quantity: number | null;
  unit: string | null;
  status: OrderStatus;
  synthetic: boolean;
  source: string | null;
};

const orderColumns = `o.id AS id, o.kind AS kind, sup.id AS supplierId, buy.id AS buyerId, seg.code AS segmentCode,
  o.year AS year, o.amountCny AS amountCny, o.quantity AS quantity, o.unit AS unit, o.status AS status,
  o.synthetic AS synthetic, o.source AS source`;

export interface OrderScope {
  year?: number | null;
  kind?: OrderKind | null;
}

/** Predicates on the year and kind of `alias`: an order, or a TRADED link, which has both. */
function scopePredicates(scope: OrderScope, alias = 'o'): { predicates: string[]; params: Record<string, unknown> } {
  const predicates: string[] = [];
  const params: Record<string, unknown> = {};
  if (scope.year != null) {
    predicates.push(`${alias}.year = $year`);
    params.year = scope.year;
  }
  if (scope.kind != null) {
    predicates.push(`${alias}.kind = $kind`);
    params.kind = scope.kind;
  }
  return { predicates, params };
}

/**
 * Orders by id. One id, the common case (a write reading its before and after), is looked up through
 * the key with the order inside the pattern. For several, the engine plans every form that names the
 * parties in one pattern (`IN`, or an unwound id inside the pattern) as joins over all orders, costing
 * time in proportion to the ids; finding the orders first and their parties by optional matches
 * costs about one pass whatever the number (every order has its three edges, so none comes back empty).
 */
export const ordersByIds = defineQuery<[readonly string[]], OrderRow>('ordersByIds', (ids) =>
  ids.length === 1
    ? {
        cypher: `MATCH (sup:Firm)-[:SHIPS]->(o:TradeOrder {id: $id})-[:TO]->(buy:Firm), (o)-[:OF]->(seg:Segment) RETURN ${orderColumns}`,
        params: { id: ids[0] },
      }
    : {
        cypher: `UNWIND $ids AS orderId MATCH (o:TradeOrder {id: orderId})
    OPTIONAL MATCH (sup:Firm)-[:SHIPS]->(o) OPTIONAL MATCH (o)-[:TO]->(buy:Firm) OPTIONAL MATCH (o)-[:OF]->(seg:Segment)
    RETURN ${orderColumns}`,
        params: { ids: [...new Set(ids)] },
      },
);

/**
 * The orders of one firm, found from the firm: SHIPS leaves it for the orders it supplies and TO
 * arrives at it for those it buys, so one undirected hop over both types reaches exactly its orders
 * (each once: an order's supplier and buyer differ, a rule of orderInputSchema). Filtering every
 * order by its parties instead scanned all of them.
 */
function firmOrders(scope: OrderScope): { cypher: string; params: Record<string, unknown> } {
  const { predicates, params } = scopePredicates(scope);
  return {
    cypher: `MATCH (f:Firm {id: $firmId})-[:SHIPS|TO]-(o:TradeOrder) ${predicates.length ? `WHERE ${predicates.join(' AND ')}` : ''}`,
    params,
  };
}

/**
 * Orders where the firm is either party, newest year first. The page is cut from the orders alone
 * and only its rows are joined to their parties and segment: joining first cost a busy firm's
 * thousands of orders three joins each. Every order has its three edges (upsertOrder and the bulk
 * load draw them together), so the optional matches find them all; a plain MATCH from the paged
 * orders was planned as joins over every order in the store.
 */
export const ordersOfFirm = defineQuery<[string, OrderScope, number, number], OrderRow>(
  'ordersOfFirm',
  (firmId, scope, skip, limit) => {
    const match = firmOrders(scope);
    return {
      cypher: `${match.cypher}
        WITH o ORDER BY o.year DESC, o.id SKIP $skip LIMIT $limit
        OPTIONAL MATCH (o)<-[:SHIPS]-(sup:Firm)
        OPTIONAL MATCH (o)-[:TO]->(buy:Firm)
        OPTIONAL MATCH (o)-[:OF]->(seg:Segment)
        RETURN ${orderColumns}
        ORDER BY year DESC, id`,
      params: { ...match.params, firmId, skip, limit },
    };
  },
);

export const countOrdersOfFirm = defineQuery<[string, OrderScope], { total: number }>(
  'countOrdersOfFirm',
  (firmId, scope) => {
    const match = firmOrders(scope);
    return { cypher: `${match.cypher} RETURN count(o) AS total`, params: { ...match.params, firmId } };
  },
);

/** Orders summed per partner, segment, year and kind: one row is one trade link. */
export type TradeLinkRow = {
  supplierId: string;
  buyerId: string;
  segmentCode: string;
  year: number;
  kind: OrderKind;
  amountCny: number;
  orderCount: number;
};

/** Read from the TRADED links, which hold these sums already (cancelled orders left out). */
const tradeLinkMatch = `MATCH (sup:Firm)-[t:TRADED]->(buy:Firm)`;
const tradeLinkReturn = `RETURN sup.id AS supplierId, buy.id AS buyerId, t.segment AS segmentCode, t.year AS year,
  t.kind AS kind, t.amountCny AS amountCny, t.liveOrders AS orderCount
  ORDER BY year DESC, amountCny DESC, supplierId, buyerId, segmentCode`;

/** Trade links where the given firms are the buyers or the suppliers, for DataLoader batching. */
export const tradeLinksOfFirms = defineQuery<[readonly string[], 'buyer' | 'supplier', OrderScope], TradeLinkRow>(
  'tradeLinksOfFirms',
  (firmIds, side, scope) => {
    const { predicates, params } = scopePredicates(scope, 't');
    const party = side === 'buyer' ? 'buy' : 'sup';
    const where = [`${party}.id IN $firmIds`, suppliesCypher('t'), ...predicates].join(' AND ');
    return {
      cypher: `${tradeLinkMatch} WHERE ${where} ${tradeLinkReturn}`,
      params: { ...params, firmIds: [...firmIds] },
    };
  },
);

/** Every trade link of a year (or all years): the edges of the cluster graph. */
export const allTradeLinks = defineQuery<[OrderScope], TradeLinkRow>('allTradeLinks', (scope) => {
  const { predicates, params } = scopePredicates(scope, 't');
  const where = [suppliesCypher('t'), ...predicates].join(' AND ');
  return { cypher: `${tradeLinkMatch} WHERE ${where} ${tradeLinkReturn}`, params };
});

export type OrderWrite = OrderRow & { updatedAt: string };

/**
 * Creates or replaces an order by id: properties are set and its three edges are redrawn, so a
 * corrected supplier, buyer or segment never leaves the old edge behind. Once the old edges are
 * deleted none is left, so the new ones are created outright: a MERGE would first search the
 * supplier's and buyer's edges for one, which cost most of this statement for busy firms.
 */
export const upsertOrder = defineQuery<[OrderWrite], { id: string }>('upsertOrder', (order) => ({
  cypher: `MATCH (sup:Firm {id: $supplierId})
    MATCH (buy:Firm {id: $buyerId})
    MATCH (seg:Segment {code: $segmentCode})
    MERGE (o:TradeOrder {id: $id})
    SET o.kind = $kind, o.year = $year, o.amountCny = $amountCny, o.quantity = $quantity, o.unit = $unit,
      o.status = $status, o.synthetic = $synthetic, o.source = $source, o.updatedAt = $updatedAt
    WITH o, sup, buy, seg
    OPTIONAL MATCH (:Firm)-[oldShip:SHIPS]->(o)
    DELETE oldShip
    WITH DISTINCT o, sup, buy, seg
    OPTIONAL MATCH (o)-[oldTo:TO]->(:Firm)
    DELETE oldTo
    WITH DISTINCT o, sup, buy, seg
    OPTIONAL MATCH (o)-[oldOf:OF]->(:Segment)
    DELETE oldOf
    WITH DISTINCT o, sup, buy, seg
    CREATE (sup)-[:SHIPS]->(o)
    CREATE (o)-[:TO]->(buy)
    CREATE (o)-[:OF]->(seg)
    RETURN o.id AS id`,
  params: { ...order },
}));

/**
 * Creates an order that does not exist yet (its command read that it does not, in the same
 * transaction) with its three edges: none of upsertOrder's work of finding and deleting old edges.
 */
export const createOrder = defineQuery<[OrderWrite], { id: string }>('createOrder', (order) => ({
  cypher: `MATCH (sup:Firm {id: $supplierId})
    MATCH (buy:Firm {id: $buyerId})
    MATCH (seg:Segment {code: $segmentCode})
    CREATE (o:TradeOrder {id: $id, kind: $kind, year: $year, amountCny: $amountCny, quantity: $quantity, unit: $unit,
      status: $status, synthetic: $synthetic, source: $source, updatedAt: $updatedAt})
    CREATE (sup)-[:SHIPS]->(o)
    CREATE (o)-[:TO]->(buy)
    CREATE (o)-[:OF]->(seg)
    RETURN o.id AS id`,
  params: { ...order },
}));

export const deleteOrder = defineQuery<[string], { id: string }>('deleteOrder', (id) => ({
  cypher: `MATCH (o:TradeOrder {id: $id}) WITH o, o.id AS deletedId DETACH DELETE o RETURN deletedId AS id`,
  params: { id },
}));
