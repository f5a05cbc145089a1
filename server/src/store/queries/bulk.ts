import type { OrderKind, OrderStatus, SupportKind } from '@yulian/schema';
import type { Dialect } from '../dialect';
import { asMap, asSet, at, columns, groupIds, groupRows, nested, type ColumnSpec, type Written } from './bulk-params';
import { defineQuery } from './define';

/**
 * Batched writes for large datasets (the bulk loader). The single-record upserts elsewhere in the
 * catalogue stay the reference for what a record means; these write the same nodes, edges and
 * properties many at a time. Their shape follows what the embedded engine (ladybug 0.19.1) plans
 * well and binds correctly, measured on 100k firms / 1M orders:
 *
 * - Properties travel as columns, one list parameter per property, not as a list of row maps.
 *   Converting a row map costs ~25 µs plus ~8 µs per key (a 12-key order row: ~100 µs, so 100 s
 *   per million orders before the engine does anything); a list of scalars converts at ~1.5 µs
 *   per value. Rows are addressed by their 0-based position in the batch.
 * - Every column ends with one extra typing value that no row index reaches. Row maps and lists
 *   are typed from their values: a column whose values are all null is typed STRING inside a map
 *   and fails an engine assertion at top level, and whole numbers (1) and fractions (0.8) inside row maps
 *   are incompatible types, so a batch with `utilisation` 1 and 0.8 failed. A list of numbers
 *   with a trailing 0.5 is always DOUBLE; `['']` types a list of string lists (an all-empty
 *   `certifications` column then works too); `''`, `0` and `false` type the other columns.
 * - An endpoint looked up by key must take its key from a row map's field or an unwound scalar:
 *   the engine then uses its primary-key index. A key read from a column (`$id[i]`) is planned as
 *   a scan and cross product, acceptable only against the few dozen segments. Keys read from
 *   unwound lists (`row[1]`) get the index but return wrong rows (every row paired with the first
 *   row's values), so lists are never used as rows.
 * - Hence edges are written per group: one small map per endpoint (`{key, ids}` or
 *   `{key, rows}`), the other side unwound from a list inside it. The binder types a list nested
 *   in a parameter only when told (`CAST(… AS STRING[])`), the one spelling that differs per engine.
 * - `MERGE (n {id: x})` with x a row field is planned as a scan and cross product (quadratic over a
 *   load); with the key projected through WITH first it is a hash join. After such a MERGE, any
 *   further MATCH on n fails to evaluate ("Cannot evaluate expression with type VARIABLE"), so in
 *   merge mode a node statement writes properties only and separate link statements draw edges.
 * - Relationships are never MERGEd: over existing edges that took 33 s per 100k. In merge mode a
 *   link statement deletes the record's old edge of that type and creates the new one (the
 *   single-record upserts redraw edges the same way), which also moves a firm to a new district
 *   or an order to a new supplier. In fresh mode (the store is known to hold none of these
 *   records) nodes and edges are simply CREATEd.
 *
 * Every query returns `written`, the number of records it wrote, so the loader can tell a missing
 * firm, district or segment (the MATCH drops the record silently) from success.
 */

export type BulkMode = 'merge' | 'fresh';

export interface BulkFirm {
  id: string;
  nameZh: string;
  nameEn: string;
  shortNameZh: string | null;
  shortNameEn: string | null;
  districtCode: string;
  isChainLeader: boolean;
  isOem: boolean;
  isRecycler: boolean;
  outputCny: number | null;
  outputYear: number | null;
  yieldRate: number | null;
  certifications: string[];
  lat: number | null;
  lng: number | null;
  notes: string | null;
  synthetic: boolean;
  source: string | null;
  updatedAt: string;
}

export interface BulkCapability {
  firmId: string;
  segmentCode: string;
  capacity: number | null;
  unit: string | null;
  utilisation: number | null;
  yieldRate: number | null;
  source: string | null;
}

export interface BulkNeed {
  firmId: string;
  segmentCode: string;
  annualDemand: number | null;
  unit: string | null;
  source: string | null;
}

export interface BulkOrder {
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
  updatedAt: string;
}

export interface BulkSupport {
  fromId: string;
  toId: string;
  kinds: SupportKind[];
  since: string | null;
  synthetic: boolean;
  source: string | null;
}

// ---------------------------------------------------------------------------------------------
// Firms
// ---------------------------------------------------------------------------------------------

const firmColumns: ColumnSpec<BulkFirm> = {
  id: ['string', (f) => f.id],
  nameZh: ['string', (f) => f.nameZh],
  nameEn: ['string', (f) => f.nameEn],
  shortNameZh: ['string', (f) => f.shortNameZh],
  shortNameEn: ['string', (f) => f.shortNameEn],
  isChainLeader: ['bool', (f) => f.isChainLeader],
  isOem: ['bool', (f) => f.isOem],
  isRecycler: ['bool', (f) => f.isRecycler],
  outputCny: ['double', (f) => f.outputCny],
  outputYear: ['int', (f) => f.outputYear],
  yieldRate: ['double', (f) => f.yieldRate],
  certifications: ['strings', (f) => f.certifications],
  lat: ['double', (f) => f.lat],
  lng: ['double', (f) => f.lng],
  notes: ['string', (f) => f.notes],
  synthetic: ['bool', (f) => f.synthetic],
  source: ['string', (f) => f.source],
  updatedAt: ['string', (f) => f.updatedAt],
};

/** What upsertFirm sets on every write; synthetic and source are set only when the firm is new. */
const firmUpdated = [
  'nameZh', 'nameEn', 'shortNameZh', 'shortNameEn', 'isChainLeader', 'isOem', 'isRecycler', 'outputCny',
  'outputYear', 'yieldRate', 'certifications', 'lat', 'lng', 'notes', 'updatedAt',
] as const;

/**
 * Writes firms. Fresh mode creates them with their LOCATED_IN edge (grouped by district); merge
 * mode updates or creates the nodes only (like upsertFirm, it clears creditCode, which datasets do
 * not carry) and bulkLinkFirmDistricts then redraws the edges.
 */
export const bulkUpsertFirms = defineQuery<[readonly BulkFirm[], BulkMode], Written>('bulkUpsertFirms', (firms, mode) => {
  const params = columns(firms, firmColumns);
  if (mode === 'fresh') {
    return {
      cypher: (d) => `UNWIND $groups AS g
        MATCH (d:District {code: g.key})
        UNWIND ${nested(d, 'g.rows', 'INT64')} AS i
        CREATE (f:Firm {id: ${at(d, 'id')}, ${asMap(d, [...firmUpdated, 'synthetic', 'source'])}})
        CREATE (f)-[:LOCATED_IN]->(d)
        RETURN count(f) AS written`,
      params: { ...params, groups: groupRows(firms, (f) => f.districtCode) },
    };
  }
  return {
    cypher: (d) => `UNWIND range(0, size($id) - 2) AS i
      WITH i, ${at(d, 'id')} AS id
      MERGE (f:Firm {id: id})
      ON CREATE SET f.synthetic = ${at(d, 'synthetic')}, f.source = ${at(d, 'source')}
      SET ${asSet(d, 'f', firmUpdated)}, f.creditCode = NULL
      RETURN count(f) AS written`,
    params,
  };
});

/** Moves firms to their district in merge mode: drops the firm's old LOCATED_IN, creates the new. */
export const bulkLinkFirmDistricts = defineQuery<[readonly Pick<BulkFirm, 'id' | 'districtCode'>[]], Written>(
  'bulkLinkFirmDistricts',
  (firms) => ({
    cypher: (d) => `UNWIND $groups AS g
      MATCH (d:District {code: g.key})
      UNWIND ${nested(d, 'g.ids', 'STRING')} AS firmId
      MATCH (f:Firm {id: firmId})
      OPTIONAL MATCH (f)-[old:LOCATED_IN]->(:District)
      DELETE old
      WITH DISTINCT f, d
      CREATE (f)-[:LOCATED_IN]->(d)
      RETURN count(f) AS written`,
    params: { groups: groupIds(firms, (f) => f.districtCode, (f) => f.id) },
  }),
);

// ---------------------------------------------------------------------------------------------
// Capabilities and needs: edges with properties, grouped by firm; the segment is found by a scan
// of the small Segment table (see the header).
// ---------------------------------------------------------------------------------------------

function firmSegmentEdge(relType: 'MAKES' | 'NEEDS', props: readonly string[], mode: BulkMode) {
  return (d: Dialect) => `UNWIND $groups AS g
    MATCH (f:Firm {id: g.key})
    UNWIND ${nested(d, 'g.rows', 'INT64')} AS i
    MATCH (s:Segment {code: ${at(d, 'segmentCode')}})
    ${mode === 'merge' ? `OPTIONAL MATCH (f)-[old:${relType}]->(s)
    DELETE old
    WITH DISTINCT f, s, i` : ''}
    CREATE (f)-[r:${relType} {${asMap(d, props)}}]->(s)
    RETURN count(r) AS written`;
}

const capabilityColumns: ColumnSpec<BulkCapability> = {
  segmentCode: ['string', (c) => c.segmentCode],
  capacity: ['double', (c) => c.capacity],
  unit: ['string', (c) => c.unit],
  utilisation: ['double', (c) => c.utilisation],
  yieldRate: ['double', (c) => c.yieldRate],
  source: ['string', (c) => c.source],
};

export const bulkUpsertCapabilities = defineQuery<[readonly BulkCapability[], BulkMode], Written>(
  'bulkUpsertCapabilities',
  (rows, mode) => ({
    cypher: firmSegmentEdge('MAKES', ['capacity', 'unit', 'utilisation', 'yieldRate', 'source'], mode),
    params: { ...columns(rows, capabilityColumns), groups: groupRows(rows, (c) => c.firmId) },
  }),
);

const needColumns: ColumnSpec<BulkNeed> = {
  segmentCode: ['string', (n) => n.segmentCode],
  annualDemand: ['double', (n) => n.annualDemand],
  unit: ['string', (n) => n.unit],
  source: ['string', (n) => n.source],
};

export const bulkUpsertNeeds = defineQuery<[readonly BulkNeed[], BulkMode], Written>('bulkUpsertNeeds', (rows, mode) => ({
  cypher: firmSegmentEdge('NEEDS', ['annualDemand', 'unit', 'source'], mode),
  params: { ...columns(rows, needColumns), groups: groupRows(rows, (n) => n.firmId) },
}));

// ---------------------------------------------------------------------------------------------
// Orders
// ---------------------------------------------------------------------------------------------

const orderColumns: ColumnSpec<BulkOrder> = {
  id: ['string', (o) => o.id],
  kind: ['string', (o) => o.kind],
  year: ['int', (o) => o.year],
  amountCny: ['double', (o) => o.amountCny],
  quantity: ['double', (o) => o.quantity],
  unit: ['string', (o) => o.unit],
  status: ['string', (o) => o.status],
  synthetic: ['bool', (o) => o.synthetic],
  source: ['string', (o) => o.source],
  updatedAt: ['string', (o) => o.updatedAt],
};

const orderProps = ['kind', 'year', 'amountCny', 'quantity', 'unit', 'status', 'synthetic', 'source', 'updatedAt'] as const;

/**
 * Writes orders. Fresh mode creates them with their OF edge (grouped by segment, a few dozen
 * groups per batch); merge mode updates or creates the nodes only, and bulkLinkOrders redraws OF.
 * SHIPS and TO are drawn by bulkLinkOrders in both modes.
 */
export const bulkUpsertOrders = defineQuery<[readonly BulkOrder[], BulkMode], Written>('bulkUpsertOrders', (orders, mode) => {
  const params = columns(orders, orderColumns);
  if (mode === 'fresh') {
    return {
      cypher: (d) => `UNWIND $groups AS g
        MATCH (s:Segment {code: g.key})
        UNWIND ${nested(d, 'g.rows', 'INT64')} AS i
        CREATE (o:TradeOrder {id: ${at(d, 'id')}, ${asMap(d, orderProps)}})
        CREATE (o)-[:OF]->(s)
        RETURN count(o) AS written`,
      params: { ...params, groups: groupRows(orders, (o) => o.segmentCode) },
    };
  }
  return {
    cypher: (d) => `UNWIND range(0, size($id) - 2) AS i
      WITH i, ${at(d, 'id')} AS id
      MERGE (o:TradeOrder {id: id})
      SET ${asSet(d, 'o', orderProps)}
      RETURN count(o) AS written`,
    params,
  };
});

export type OrderEdge = 'SHIPS' | 'TO' | 'OF';

const orderEdge: Readonly<Record<OrderEdge, { endpoint: string; key: string; pattern: string; redraw: string }>> = {
  SHIPS: { endpoint: 'Firm', key: 'id', pattern: '(e)-[:SHIPS]->(o)', redraw: '(o)<-[old:SHIPS]-(:Firm)' },
  TO: { endpoint: 'Firm', key: 'id', pattern: '(o)-[:TO]->(e)', redraw: '(o)-[old:TO]->(:Firm)' },
  OF: { endpoint: 'Segment', key: 'code', pattern: '(o)-[:OF]->(e)', redraw: '(o)-[old:OF]->(:Segment)' },
};

const orderEnd: Readonly<Record<OrderEdge, (o: Pick<BulkOrder, 'supplierId' | 'buyerId' | 'segmentCode'>) => string>> = {
  SHIPS: (o) => o.supplierId,
  TO: (o) => o.buyerId,
  OF: (o) => o.segmentCode,
};

/**
 * Draws one kind of order edge, grouped by the other end (the supplier, the buyer or the segment).
 * In merge mode the order's old edge of that kind goes first, so a corrected supplier, buyer or
 * segment never leaves the old edge behind (as upsertOrder does).
 */
export const bulkLinkOrders = defineQuery<
  [readonly Pick<BulkOrder, 'id' | 'supplierId' | 'buyerId' | 'segmentCode'>[], OrderEdge, BulkMode],
  Written
>('bulkLinkOrders', (orders, edge, mode) => {
  const e = orderEdge[edge];
  return {
    cypher: (d) => `UNWIND $groups AS g
      MATCH (e:${e.endpoint} {${e.key}: g.key})
      UNWIND ${nested(d, 'g.ids', 'STRING')} AS orderId
      MATCH (o:TradeOrder {id: orderId})
      ${mode === 'merge' ? `OPTIONAL MATCH ${e.redraw}
      DELETE old
      WITH DISTINCT e, o` : ''}
      CREATE ${e.pattern}
      RETURN count(o) AS written`,
    params: { groups: groupIds(orders, orderEnd[edge], (o) => o.id) },
  };
});

// ---------------------------------------------------------------------------------------------
// Support ties: few (hundreds), so plain row maps; both ends come from row fields (index lookups).
// ---------------------------------------------------------------------------------------------

export const bulkUpsertSupports = defineQuery<[readonly BulkSupport[], BulkMode], Written>('bulkUpsertSupports', (rows, mode) => ({
  cypher: `UNWIND $rows AS row
    MATCH (a:Firm {id: row.fromId})
    MATCH (b:Firm {id: row.toId})
    ${mode === 'merge' ? `OPTIONAL MATCH (a)-[old:SUPPORTS]->(b)
    DELETE old
    WITH DISTINCT a, b, row` : ''}
    CREATE (a)-[r:SUPPORTS {kinds: row.kinds, since: row.since, synthetic: row.synthetic, source: row.source}]->(b)
    RETURN count(r) AS written`,
  // Keys in one order in every row; kinds is never null (an empty list types fine, null would not).
  params: {
    rows: rows.map((s) => ({ fromId: s.fromId, toId: s.toId, kinds: [...s.kinds], since: s.since, synthetic: s.synthetic, source: s.source })),
  },
}));
