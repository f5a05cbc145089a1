import { defineQuery } from './define';

/**
 * Upkeep of the derived TRADED links (schema model: one per supplier, buyer, year, kind and segment,
 * the orders between them summed). Amounts are rounded to the fen so that the same orders give the
 * same link whatever order the engine sums them in.
 */

const summedLinks = `WITH sup, buy, o.year AS year, o.kind AS kind, seg.code AS segment,
    round(sum(CASE WHEN o.status <> 'CANCELLED' THEN o.amountCny ELSE 0.0 END), 2) AS amountCny,
    count(o) AS orders, sum(CASE WHEN o.status <> 'CANCELLED' THEN 1 ELSE 0 END) AS liveOrders
  CREATE (sup)-[:TRADED {year: year, kind: kind, segment: segment, amountCny: amountCny, orders: orders, liveOrders: liveOrders}]->(buy)
  RETURN count(*) AS links`;

/** One supplier at a time: with one end bound by its key the engine walks that firm's orders only. */
export const deleteTradeLinksOfSupplier = defineQuery<[string], { links: number }>('deleteTradeLinksOfSupplier', (supplierId) => ({
  cypher: `MATCH (sup:Firm {id: $supplierId})-[t:TRADED]->(:Firm) DELETE t RETURN count(*) AS links`,
  params: { supplierId },
}));

export const buildTradeLinksOfSupplier = defineQuery<[string], { links: number }>('buildTradeLinksOfSupplier', (supplierId) => ({
  cypher: `MATCH (sup:Firm {id: $supplierId})-[:SHIPS]->(o:TradeOrder)-[:TO]->(buy:Firm)
    MATCH (o)-[:OF]->(seg:Segment)
    ${summedLinks}`,
  params: { supplierId },
}));

/**
 * Counts one new order into the link of its supplier, buyer, year, kind and segment, as
 * buildTradeLinksOfSupplier would count it: a single write instead of redoing all the supplier's
 * links from its orders. Only for an order that was not there before (an order changed or deleted
 * redoes its supplier's links).
 */
export const addOrderToTradeLink = defineQuery<
  [{ supplierId: string; buyerId: string; year: number; kind: string; segmentCode: string; amountCny: number; status: string }],
  { links: number }
>('addOrderToTradeLink', (order) => ({
  cypher: `MATCH (sup:Firm {id: $supplierId})
    MATCH (buy:Firm {id: $buyerId})
    MERGE (sup)-[t:TRADED {year: $year, kind: $kind, segment: $segment}]->(buy)
    ON CREATE SET t.amountCny = round($liveAmount * 1.0, 2), t.orders = 1, t.liveOrders = $live
    ON MATCH SET t.amountCny = round(t.amountCny + $liveAmount * 1.0, 2), t.orders = t.orders + 1, t.liveOrders = t.liveOrders + $live
    RETURN count(*) AS links`,
  params: {
    supplierId: order.supplierId,
    buyerId: order.buyerId,
    year: order.year,
    kind: order.kind,
    segment: order.segmentCode,
    liveAmount: order.status === 'CANCELLED' ? 0 : order.amountCny,
    live: order.status === 'CANCELLED' ? 0 : 1,
  },
}));

export const deleteAllTradeLinks = defineQuery<[], { links: number }>('deleteAllTradeLinks', () => ({
  cypher: `MATCH (:Firm)-[t:TRADED]->(:Firm) DELETE t RETURN count(*) AS links`,
  params: {},
}));

export const buildAllTradeLinks = defineQuery<[], { links: number }>('buildAllTradeLinks', () => ({
  cypher: `MATCH (sup:Firm)-[:SHIPS]->(o:TradeOrder)-[:TO]->(buy:Firm)
    MATCH (o)-[:OF]->(seg:Segment)
    ${summedLinks}`,
  params: {},
}));

/** Whether links are missing: a store written before they existed has orders and no links. */
export const tradeLinkPresence = defineQuery<[], { orders: number; links: number }>('tradeLinkPresence', () => ({
  cypher: `OPTIONAL MATCH (o:TradeOrder) WITH count(o) AS orders
    OPTIONAL MATCH (:Firm)-[t:TRADED]->(:Firm)
    RETURN orders, count(t) AS links`,
  params: {},
}));
