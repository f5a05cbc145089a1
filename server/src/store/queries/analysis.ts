import { firmById, uniqueIds, unwindIds } from './by-ids';
import { defineQuery } from './define';
import { suppliesCypher } from './supplies';

/**
 * Rows the chain analyses work from. Each query returns plain aggregated rows; the ranking, shares
 * and texts are computed in server/src/analysis/ without the database.
 */

export interface PurchaseScope {
  year: number;
  /** One buyer (any firm). Without it, the buyers are the chain leaders. */
  buyerId?: string | null;
  /** Only buyers located in this district. */
  districtCode?: string | null;
  segmentCode?: string | null;
}

/** A purchase as the links give it; the firms' districts are looked up apart (analysis/firm-directory.ts). */
export type PurchaseLinkRow = {
  buyerId: string;
  supplierId: string;
  segmentCode: string;
  amountCny: number;
  /** 0 when every order of the link was cancelled: no purchase, though still a current supplier. */
  liveOrders: number;
};

/** `liveOrders` (at least 1 here) tells how many orders the amount sums, for the small-cell rule. */
export type PurchaseRow = PurchaseLinkRow & {
  buyerDistrict: string;
  supplierDistrict: string;
  supplierInRegion: boolean;
};

/**
 * The buyers in scope: one firm by its key, a district's chain leaders from the district, or every
 * chain leader. The buyer's own MATCH comes first so the links are walked from the buyers.
 */
function buyerMatch(scope: { buyerId?: string | null; districtCode?: string | null }): {
  match: string;
  params: Record<string, unknown>;
} {
  const params: Record<string, unknown> = {};
  const predicates: string[] = [];
  let match = 'MATCH (buy:Firm)';
  if (scope.buyerId) {
    match = 'MATCH (buy:Firm {id: $buyerId})';
    params.buyerId = scope.buyerId;
  } else {
    predicates.push('buy.isChainLeader = true');
  }
  if (scope.districtCode) {
    match = `MATCH (bd:District {code: $districtCode})<-[:LOCATED_IN]-${match.slice('MATCH '.length)}`;
    params.districtCode = scope.districtCode;
  }
  return { match: predicates.length ? `${match} WHERE ${predicates.join(' AND ')}` : match, params };
}

/**
 * Supply bought by the buyers in scope in one year, summed per buyer, supplier and segment, read
 * from the TRADED links (a busy leader has a few dozen where it has thousands of orders; a link is
 * already one per buyer, supplier, year, kind and segment, so nothing is summed). Districts
 * are not joined here: on the embedded engine a LOCATED_IN join reads every firm's (35 ms at 100k
 * firms) however few firms there are.
 */
export const purchases = defineQuery<[PurchaseScope], PurchaseLinkRow>('purchases', (scope) => {
  const buyer = buyerMatch(scope);
  // Links whose orders were all cancelled are dropped by the caller: a predicate on liveOrders here
  // costs the embedded engine 40 ms on a busy leader's links, against 12 ms for the whole query.
  const linkPredicates = [`t.year = $year`, `t.kind = 'SUPPLY'`];
  const params: Record<string, unknown> = { ...buyer.params, year: scope.year };
  if (scope.segmentCode) {
    linkPredicates.push('t.segment = $segmentCode');
    params.segmentCode = scope.segmentCode;
  }
  return {
    cypher: `${buyer.match}
      MATCH (sup:Firm)-[t:TRADED]->(buy)
      WHERE ${linkPredicates.join(' AND ')}
      RETURN buy.id AS buyerId, sup.id AS supplierId, t.segment AS segmentCode, t.amountCny AS amountCny, t.liveOrders AS liveOrders`,
    params,
  };
});

export type LeaderNeedRow = { buyerId: string; segmentCode: string; annualDemand: number | null; unit: string | null };

/** What the buyers in scope need (NEEDS), for gaps with no supplier at all. */
/** What the buyers in scope need (NEEDS), for gaps with no supplier at all. */
export const buyerNeeds = defineQuery<[Omit<PurchaseScope, 'year' | 'segmentCode'>], LeaderNeedRow>('buyerNeeds', (scope) => {
  const buyer = buyerMatch(scope);
  return {
    cypher: `${buyer.match}
      MATCH (buy)-[n:NEEDS]->(s:Segment)
      RETURN buy.id AS buyerId, s.code AS segmentCode, n.annualDemand AS annualDemand, n.unit AS unit`,
    params: buyer.params,
  };
});

export type FirmLocationRow = {
  firmId: string;
  districtCode: string;
  inRegion: boolean;
  lat: number;
  lng: number;
  isChainLeader: boolean;
  /** The name reasons call the firm by: its short name, else its full name. */
  nameZh: string;
  nameEn: string;
};

export const locationColumns = `f.id AS firmId, d.code AS districtCode, d.inRegion AS inRegion,
  coalesce(f.lat, d.lat) AS lat, coalesce(f.lng, d.lng) AS lng, coalesce(f.isChainLeader, false) AS isChainLeader,
  coalesce(f.shortNameZh, f.nameZh) AS nameZh, coalesce(f.shortNameEn, f.nameEn) AS nameEn`;

/** Where every firm is: read once and kept while the store is unchanged (analysis/firm-directory.ts). */
export const allFirmLocations = defineQuery<[], FirmLocationRow>('allFirmLocations', () => ({
  cypher: `MATCH (f:Firm)-[:LOCATED_IN]->(d:District) RETURN ${locationColumns}`,
  params: {},
}));

/** Where firms are: their own coordinates, or their district seat's. */
export const firmLocations = defineQuery<[readonly string[]], FirmLocationRow>('firmLocations', (ids) => ({
  cypher: `${unwindIds('f', 'ids')}
    MATCH ${firmById('f')}-[:LOCATED_IN]->(d:District)
    RETURN ${locationColumns}`,
  params: { ids: uniqueIds(ids) },
}));

export type MakerRow = {
  firmId: string;
  segmentCode: string;
  districtCode: string;
  lat: number;
  lng: number;
  capacity: number | null;
  unit: string | null;
  utilisation: number | null;
  capabilityYield: number | null;
  firmYield: number | null;
  certifications: string[] | null;
};


/**
 * Firms inside the region that make exactly these segments, with their capability figures. The
 * caller expands an asked segment to its descendants from the segment tree (analysis/segment-tree.ts):
 * the match then starts from a few Segment nodes instead of walking PART_OF from every maker.
 */
export const regionalMakersOf = defineQuery<[readonly string[]], MakerRow>('regionalMakersOf', (segmentCodes) => ({
  cypher: `MATCH (f:Firm)-[m:MAKES]->(s:Segment)
    WHERE s.code IN $segmentCodes
    MATCH (f)-[:LOCATED_IN]->(d:District)
    WHERE d.inRegion = true
    RETURN f.id AS firmId, s.code AS segmentCode, d.code AS districtCode,
      coalesce(f.lat, d.lat) AS lat, coalesce(f.lng, d.lng) AS lng, m.capacity AS capacity, m.unit AS unit,
      m.utilisation AS utilisation, m.yieldRate AS capabilityYield, f.yieldRate AS firmYield,
      f.certifications AS certifications`,
  params: { segmentCodes: [...segmentCodes] },
}));

export type LeaderReferenceRow = { firmId: string; leaders: number };

/**
 * How many distinct chain leaders each firm supplied in the year (any year when null), for every
 * firm that supplied one: references for ranking. Asked for everyone rather than for a list of
 * candidates: the suppliers of chain leaders are few next to the candidates of a common segment,
 * and a list of thousands of ids would cost more to test than the rows it saves.
 */
export const chainLeaderReferences = defineQuery<[number | null], LeaderReferenceRow>('chainLeaderReferences', (year) => ({
  cypher: `MATCH (buy:Firm) WHERE buy.isChainLeader = true
    MATCH (sup:Firm)-[t:TRADED]->(buy)
    WHERE t.kind = 'SUPPLY' AND ${suppliesCypher('t')}${year === null ? '' : ' AND t.year = $year'}
    RETURN sup.id AS firmId, count(DISTINCT buy.id) AS leaders`,
  params: year === null ? {} : { year },
}));

export type BuyerSupplyRow = {
  buyerId: string;
  supplierId: string;
  segmentCode: string;
  /** Value of the orders not cancelled. */
  liveAmountCny: number;
  /** Orders not cancelled: 0 when the supplier's only orders were cancelled. */
  liveOrders: number;
};

/**
 * Supply orders to each buyer in the year (or in any year), per supplier and segment: any order
 * makes the supplier a current one (no candidate), the orders not cancelled are what it bought.
 */
export const supplyOfBuyers = defineQuery<[readonly string[], number | null], BuyerSupplyRow>('supplyOfBuyers', (buyerIds, year) => {
  // One buyer from its key (10 ms at 100k firms); several with IN, a scan of the firms (25 ms) that
  // still beats an UNWIND lookup here (150 ms). A link is one per year and segment already: rows
  // are not summed, so a search over all years gets a row per year.
  const [only] = buyerIds;
  const buyers = buyerIds.length === 1 ? 'MATCH (buy:Firm {id: $buyerId})<-[t:TRADED]-(sup:Firm)' : 'MATCH (buy:Firm)<-[t:TRADED]-(sup:Firm) WHERE buy.id IN $buyerIds';
  const params: Record<string, unknown> = buyerIds.length === 1 ? { buyerId: only } : { buyerIds: [...buyerIds] };
  const predicates = [`t.kind = 'SUPPLY'`];
  if (year !== null) {
    predicates.push('t.year = $year');
    params.year = year;
  }
  return {
    cypher: `${buyers} ${buyerIds.length === 1 ? 'WHERE' : 'AND'} ${predicates.join(' AND ')}
      RETURN buy.id AS buyerId, sup.id AS supplierId, t.segment AS segmentCode, t.amountCny AS liveAmountCny, t.liveOrders AS liveOrders`,
    params,
  };
});
