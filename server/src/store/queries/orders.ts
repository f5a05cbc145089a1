import type { OrderKind, OrderStatus } from '@yulian/schema';
import { defineQuery } from './define';

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

const orderMatch = `MATCH (sup:Firm)-[:SHIPS]->(o:TradeOrder)-[:TO]->(buy:Firm), (o)-[:OF]->(seg:Segment)`;
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
 * Orders by id, each found through the primary-key index from an unwound id (`o.id IN $ids` scans
 * every order). The order starts the clause's first pattern, as by-ids.ts requires.
 */
export const ordersByIds = defineQuery<[readonly string[]], OrderRow>('ordersByIds', (ids) => ({
  cypher: `UNWIND $ids AS orderId
    MATCH (o:TradeOrder {id: orderId})-[:OF]->(seg:Segment), (sup:Firm)-[:SHIPS]->(o), (o)-[:TO]->(buy:Firm)
    RETURN ${orderColumns}`,
  params: { ids: [...new Set(ids)] },
}));

/** Orders where the firm is either party, newest year first. */
export const ordersOfFirm = defineQuery<[string, OrderScope, number, number], OrderRow>(
  'ordersOfFirm',
  (firmId, scope, skip, limit) => {
    const { predicates, params } = scopePredicates(scope);
    const where = ['(sup.id = $firmId OR buy.id = $firmId)', ...predicates].join(' AND ');
    return {
      cypher: `${orderMatch} WHERE ${where}
        RETURN ${orderColumns}
        ORDER BY year DESC, id SKIP $skip LIMIT $limit`,
      params: { ...params, firmId, skip, limit },
    };
  },
);

export const countOrdersOfFirm = defineQuery<[string, OrderScope], { total: number }>(
  'countOrdersOfFirm',
  (firmId, scope) => {
    const { predicates, params } = scopePredicates(scope);
    const where = ['(sup.id = $firmId OR buy.id = $firmId)', ...predicates].join(' AND ');
    return {
      cypher: `${orderMatch} WHERE ${where} RETURN count(o) AS total`,
      params: { ...params, firmId },
    };
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
    const where = [`${party}.id IN $firmIds`, `t.liveOrders > 0`, ...predicates].join(' AND ');
    return {
      cypher: `${tradeLinkMatch} WHERE ${where} ${tradeLinkReturn}`,
      params: { ...params, firmIds: [...firmIds] },
    };
  },
);

/** Every trade link of a year (or all years): the edges of the cluster graph. */
export const allTradeLinks = defineQuery<[OrderScope], TradeLinkRow>('allTradeLinks', (scope) => {
  const { predicates, params } = scopePredicates(scope, 't');
  const where = [`t.liveOrders > 0`, ...predicates].join(' AND ');
  return { cypher: `${tradeLinkMatch} WHERE ${where} ${tradeLinkReturn}`, params };
});

export type OrderWrite = OrderRow & { updatedAt: string };

/**
 * Creates or replaces an order by id: properties are set and its three edges are redrawn, so a
 * corrected supplier, buyer or segment never leaves the old edge behind.
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
    MERGE (sup)-[:SHIPS]->(o)
    MERGE (o)-[:TO]->(buy)
    MERGE (o)-[:OF]->(seg)
    RETURN o.id AS id`,
  params: { ...order },
}));

export const deleteOrder = defineQuery<[string], { id: string }>('deleteOrder', (id) => ({
  cypher: `MATCH (o:TradeOrder {id: $id}) WITH o, o.id AS deletedId DETACH DELETE o RETURN deletedId AS id`,
  params: { id },
}));
