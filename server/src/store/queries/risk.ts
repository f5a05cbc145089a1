import { defineQuery } from './define';
import { suppliesCypher } from './supplies';

/**
 * Rows for the risk analyses (material loops, single-source risk). Dependence and disruption reuse
 * `tradeLinksOfFirms` and `listFeeds`; the graph logic runs in server/src/analysis/.
 */

export type TradeEdgeRow = {
  supplierId: string;
  buyerId: string;
  segmentCode: string;
  kind: string;
  amountCny: number;
};

/**
 * Every non-cancelled flow of a year, supply and scrap return alike, per supplier, buyer,
 * segment and kind (the TRADED links): the edges material loops are searched on. Unordered, unlike allTradeLinks,
 * since the search sorts what it finds and sorting every edge of a large cluster is wasted work.
 */
export const yearTradeEdges = defineQuery<[number], TradeEdgeRow>('yearTradeEdges', (year) => ({
  cypher: `MATCH (sup:Firm)-[t:TRADED]->(buy:Firm)
    WHERE t.year = $year AND ${suppliesCypher('t')}
    RETURN sup.id AS supplierId, buy.id AS buyerId, t.segment AS segmentCode, t.kind AS kind, t.amountCny AS amountCny`,
  params: { year },
}));

export interface SingleSourceScope {
  year: number;
  /** Only buyers located in this district. */
  districtCode?: string | null;
}

export type SingleSourceRow = {
  buyerId: string;
  segmentCode: string;
  supplierId: string;
  amountCny: number;
};

/**
 * Buyer-segment pairs with exactly one supplier in the year (supply orders, not cancelled), with
 * that supplier and the value bought. Counted in the engine: only the risky pairs leave it.
 *
 * Summed per supplier first and then counted, rather than with count(DISTINCT …): the embedded
 * engine (0.19.1) answers null for every property aggregate (sum, max, …) written after a DISTINCT
 * aggregate in the same projection.
 */
export const singleSourcePairs = defineQuery<[SingleSourceScope], SingleSourceRow>('singleSourcePairs', (scope) => {
  const params: Record<string, unknown> = { year: scope.year };
  // The district narrows the buyers first, so a district's pairs start from its firms.
  let buyers = 'MATCH (buy:Firm)';
  if (scope.districtCode) {
    buyers = 'MATCH (buy:Firm)-[:LOCATED_IN]->(bd:District) WHERE bd.code = $districtCode';
    params.districtCode = scope.districtCode;
  }
  return {
    cypher: `${buyers}
      MATCH (sup:Firm)-[t:TRADED]->(buy)
      WHERE t.year = $year AND t.kind = 'SUPPLY' AND ${suppliesCypher('t')}
      WITH buy.id AS buyerId, t.segment AS segmentCode, sup.id AS supplierId, sum(t.amountCny) AS bought
      WITH buyerId, segmentCode, count(supplierId) AS suppliers, collect(supplierId) AS supplierIds, sum(bought) AS amountCny
      WHERE suppliers = 1
      UNWIND supplierIds AS supplierId
      RETURN buyerId, segmentCode, supplierId, amountCny`,
    params,
  };
});
