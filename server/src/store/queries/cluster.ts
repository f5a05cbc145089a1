import type { OrderKind } from '@yulian/schema';
import { defineQuery } from './define';
import { suppliesCypher } from './supplies';

/**
 * What the cluster map needs, and nothing more: light firm rows (no notes, sources or credit codes),
 * trade links of a year optionally narrowed to segments, and the makers of segments. The graph is
 * assembled from them in `analysis/cluster-graph.ts`.
 */

export type ClusterFirmRow = {
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
  lat: number | null;
  lng: number | null;
};

export const clusterFirms = defineQuery<[], ClusterFirmRow>('clusterFirms', () => ({
  cypher: `MATCH (f:Firm)-[:LOCATED_IN]->(d:District)
    RETURN f.id AS id, f.nameZh AS nameZh, f.nameEn AS nameEn, f.shortNameZh AS shortNameZh,
      f.shortNameEn AS shortNameEn, d.code AS districtCode, f.isChainLeader AS isChainLeader,
      f.isOem AS isOem, f.isRecycler AS isRecycler, f.outputCny AS outputCny, f.lat AS lat, f.lng AS lng
    ORDER BY id`,
  params: {},
}));

export type ClusterFlowRow = {
  supplierId: string;
  buyerId: string;
  segmentCode: string;
  kind: OrderKind;
  amountCny: number;
  orderCount: number;
};

export interface ClusterFlowScope {
  year?: number | null;
  /** Orders of these segments or of their descendants; all segments when empty or absent. */
  segmentCodes?: readonly string[] | null;
}

/**
 * Orders summed per supplier, buyer, segment and kind (across years when no year is given), from
 * the TRADED links. Asked segments are widened to their descendants first, so the links are read
 * once with a list of codes.
 */
export const clusterFlows = defineQuery<[ClusterFlowScope], ClusterFlowRow>('clusterFlows', (scope) => {
  const predicates = [suppliesCypher('t')];
  const params: Record<string, unknown> = {};
  if (scope.year != null) {
    predicates.push('t.year = $year');
    params.year = scope.year;
  }
  let segments = '';
  if (scope.segmentCodes && scope.segmentCodes.length > 0) {
    segments = `MATCH (seg:Segment)-[:PART_OF*0..4]->(fs:Segment) WHERE fs.code IN $segmentCodes
      WITH collect(DISTINCT seg.code) AS codes`;
    predicates.push('t.segment IN codes');
    params.segmentCodes = [...scope.segmentCodes];
  }
  return {
    cypher: `${segments}
      MATCH (sup:Firm)-[t:TRADED]->(buy:Firm)
      WHERE ${predicates.join(' AND ')}
      RETURN sup.id AS supplierId, buy.id AS buyerId, t.segment AS segmentCode, t.kind AS kind,
        sum(t.amountCny) AS amountCny, sum(t.liveOrders) AS orderCount
      ORDER BY supplierId, buyerId, segmentCode, kind`,
    params,
  };
});

/** Firms that make any of the segments or one of their descendants. */
export const makersOfSegments = defineQuery<[readonly string[]], { firmId: string }>('makersOfSegments', (codes) => ({
  cypher: `MATCH (f:Firm)-[:MAKES]->(:Segment)-[:PART_OF*0..4]->(fs:Segment) WHERE fs.code IN $segmentCodes
    RETURN DISTINCT f.id AS firmId ORDER BY firmId`,
  params: { segmentCodes: [...codes] },
}));
