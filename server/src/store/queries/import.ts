import { defineQuery } from './define';
import type { TargetRow } from './targets';

/**
 * Reads the importer needs: what a file's rows refer to (firms, segments, districts), which of
 * its records exist already (to report create or update), and the export of each kind in the
 * template's columns. Writes reuse the bulk queries (bulk.ts) and upsertFirm.
 */

export type ImportFirmMatch = { id: string; nameZh: string; creditCode: string | null; districtCode: string | null };

/** Firms a file names by id, by credit code or by exact Chinese name. */
export const importFirmMatches = defineQuery<[readonly string[], readonly string[], readonly string[]], ImportFirmMatch>(
  'importFirmMatches',
  (ids, creditCodes, names) => ({
    cypher: `MATCH (f:Firm)
      WHERE f.id IN $ids OR f.creditCode IN $creditCodes OR f.nameZh IN $names
      OPTIONAL MATCH (f)-[:LOCATED_IN]->(d:District)
      RETURN f.id AS id, f.nameZh AS nameZh, f.creditCode AS creditCode, d.code AS districtCode`,
    params: { ids: [...ids], creditCodes: [...creditCodes], names: [...names] },
  }),
);

export const importSegmentCodes = defineQuery<[], { code: string }>('importSegmentCodes', () => ({
  cypher: 'MATCH (s:Segment) RETURN s.code AS code',
  params: {},
}));

export const importDistrictCodes = defineQuery<[], { code: string }>('importDistrictCodes', () => ({
  cypher: 'MATCH (d:District) RETURN d.code AS code',
  params: {},
}));

/** Orders of the file already in the store, with their parties (who may change them). */
export const importExistingOrders = defineQuery<[readonly string[]], { id: string; supplierId: string; buyerId: string }>(
  'importExistingOrders',
  (ids) => ({
    // The id comes from an unwound scalar so the embedded engine looks it up by primary key.
    cypher: `UNWIND $ids AS orderId
      MATCH (o:TradeOrder {id: orderId})
      OPTIONAL MATCH (sup:Firm)-[:SHIPS]->(o)
      OPTIONAL MATCH (o)-[:TO]->(buy:Firm)
      RETURN o.id AS id, sup.id AS supplierId, buy.id AS buyerId`,
    params: { ids: [...ids] },
  }),
);

export type FirmSegmentRel = 'MAKES' | 'NEEDS';

/** Capabilities or needs of the given firms that exist already. */
export const importExistingFirmSegments = defineQuery<[FirmSegmentRel, readonly string[]], { firmId: string; segmentCode: string }>(
  'importExistingFirmSegments',
  (rel, firmIds) => ({
    cypher: `MATCH (f:Firm)-[:${rel}]->(s:Segment) WHERE f.id IN $firmIds RETURN f.id AS firmId, s.code AS segmentCode`,
    params: { firmIds: [...firmIds] },
  }),
);

export type ExportFirmRow = {
  id: string; nameZh: string; nameEn: string; shortNameZh: string | null; shortNameEn: string | null;
  districtCode: string | null; creditCode: string | null; isChainLeader: boolean; isOem: boolean; isRecycler: boolean;
  outputCny: number | null; outputYear: number | null; yieldRate: number | null; certifications: string[] | null;
  lat: number | null; lng: number | null; notes: string | null; synthetic: boolean | null; source: string | null;
};

export const exportFirms = defineQuery<[], ExportFirmRow>('exportFirms', () => ({
  cypher: `MATCH (f:Firm)
    OPTIONAL MATCH (f)-[:LOCATED_IN]->(d:District)
    RETURN f.id AS id, f.nameZh AS nameZh, f.nameEn AS nameEn, f.shortNameZh AS shortNameZh,
      f.shortNameEn AS shortNameEn, d.code AS districtCode, f.creditCode AS creditCode,
      f.isChainLeader AS isChainLeader, f.isOem AS isOem, f.isRecycler AS isRecycler,
      f.outputCny AS outputCny, f.outputYear AS outputYear, f.yieldRate AS yieldRate,
      f.certifications AS certifications, f.lat AS lat, f.lng AS lng, f.notes AS notes,
      f.synthetic AS synthetic, f.source AS source
    ORDER BY id`,
  params: {},
}));

export type ExportCapabilityRow = {
  firmId: string; segmentCode: string; capacity: number | null; unit: string | null;
  utilisation: number | null; yieldRate: number | null; source: string | null;
};

export const exportCapabilities = defineQuery<[], ExportCapabilityRow>('exportCapabilities', () => ({
  cypher: `MATCH (f:Firm)-[m:MAKES]->(s:Segment)
    RETURN f.id AS firmId, s.code AS segmentCode, m.capacity AS capacity, m.unit AS unit,
      m.utilisation AS utilisation, m.yieldRate AS yieldRate, m.source AS source
    ORDER BY firmId, segmentCode`,
  params: {},
}));

export type ExportNeedRow = { firmId: string; segmentCode: string; annualDemand: number | null; unit: string | null; source: string | null };

export const exportNeeds = defineQuery<[], ExportNeedRow>('exportNeeds', () => ({
  cypher: `MATCH (f:Firm)-[n:NEEDS]->(s:Segment)
    RETURN f.id AS firmId, s.code AS segmentCode, n.annualDemand AS annualDemand, n.unit AS unit, n.source AS source
    ORDER BY firmId, segmentCode`,
  params: {},
}));

export type ExportOrderRow = {
  id: string; kind: string; supplierId: string; buyerId: string; segmentCode: string; year: number;
  amountCny: number | null; quantity: number | null; unit: string | null; status: string;
  synthetic: boolean | null; source: string | null;
};

/** One page of orders by id after `afterId`; with a firm, only orders where it is a party. */
export const exportOrdersPage = defineQuery<[string | null, number, string | null], ExportOrderRow>(
  'exportOrdersPage',
  (afterId, limit, firmId) => {
    const where = [afterId === null ? null : 'o.id > $afterId', firmId === null ? null : '(sup.id = $firmId OR buy.id = $firmId)']
      .filter((p) => p !== null)
      .join(' AND ');
    return {
      cypher: `MATCH (sup:Firm)-[:SHIPS]->(o:TradeOrder)-[:TO]->(buy:Firm), (o)-[:OF]->(seg:Segment)
        ${where ? `WHERE ${where}` : ''}
        RETURN o.id AS id, o.kind AS kind, sup.id AS supplierId, buy.id AS buyerId, seg.code AS segmentCode,
          o.year AS year, o.amountCny AS amountCny, o.quantity AS quantity, o.unit AS unit, o.status AS status,
          o.synthetic AS synthetic, o.source AS source
        ORDER BY id LIMIT $limit`,
      params: { limit, ...(afterId === null ? {} : { afterId }), ...(firmId === null ? {} : { firmId }) },
    };
  },
);

/**
 * One page of targets by id after `afterId`, in the districts given (all with null), with the same
 * columns as findTargets. Paged because findTargets stops at MAX_TARGETS, and an export that quietly
 * stopped would import back as a shorter list. Only the filters given become predicates: the
 * embedded engine types a null parameter as BOOL.
 */
export const exportTargetsPage = defineQuery<[string | null, number, readonly string[] | null], TargetRow>(
  'exportTargetsPage',
  (afterId, limit, districtCodes) => {
    const where = [afterId === null ? null : 't.id > $afterId', districtCodes === null ? null : 'd.code IN $districtCodes']
      .filter((p) => p !== null)
      .join(' AND ');
    return {
      cypher: `MATCH (t:Target)-[:TARGET_IN]->(d:District)
        ${where ? `WHERE ${where}` : ''}
        MATCH (t)-[:TARGET_FOR]->(s:Segment)
        OPTIONAL MATCH (t)-[:TARGET_FIRM]->(f:Firm)
        OPTIONAL MATCH (t)-[:TARGET_LEADER]->(l:Firm)
        RETURN t.id AS id, t.name AS name, t.stage AS stage, d.code AS districtCode, s.code AS segmentCode,
          f.id AS firmId, l.id AS leaderId, t.agreementCny AS agreementCny, t.investmentCny AS investmentCny,
          t.fundsInPlaceCny AS fundsInPlaceCny, t.expectedOutputCny AS expectedOutputCny, t.owner AS owner,
          t.contact AS contact, t.notes AS notes, t.dropReason AS dropReason, t.createdAt AS createdAt,
          t.updatedAt AS updatedAt, t.synthetic AS synthetic, t.source AS source
        ORDER BY id LIMIT $limit`,
      params: { limit, ...(afterId === null ? {} : { afterId }), ...(districtCodes === null ? {} : { districtCodes: [...districtCodes] }) },
    };
  },
);
