import type { FirmFilterInput, FirmInput } from '@yulian/schema';
import { firmById, uniqueIds, unwindIds } from './by-ids';
import { defineQuery } from './define';

export type FirmRow = {
  id: string;
  nameZh: string;
  nameEn: string;
  shortNameZh: string | null;
  shortNameEn: string | null;
  creditCode: string | null;
  isChainLeader: boolean;
  isOem: boolean;
  isRecycler: boolean;
  outputCny: number | null;
  outputYear: number | null;
  yieldRate: number | null;
  certifications: string[] | null;
  lat: number | null;
  lng: number | null;
  synthetic: boolean;
  source: string | null;
  notes: string | null;
  updatedAt: string | null;
};

const firmColumns = `f.id AS id, f.nameZh AS nameZh, f.nameEn AS nameEn, f.shortNameZh AS shortNameZh,
  f.shortNameEn AS shortNameEn, f.creditCode AS creditCode, f.isChainLeader AS isChainLeader,
  f.isOem AS isOem, f.isRecycler AS isRecycler, f.outputCny AS outputCny, f.outputYear AS outputYear,
  f.yieldRate AS yieldRate, f.certifications AS certifications, f.lat AS lat, f.lng AS lng,
  f.synthetic AS synthetic, f.source AS source, f.notes AS notes, f.updatedAt AS updatedAt`;

/**
 * Builds the WHERE clause from the filters actually given. Only present filters become predicates:
 * the embedded engine types a null parameter as BOOL, so "$x IS NULL OR …" cannot be shared.
 */
function firmFilter(filter: FirmFilterInput): { where: string; params: Record<string, unknown> } {
  const predicates: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.search) {
    predicates.push(`(toLower(f.nameZh) CONTAINS $search OR toLower(f.nameEn) CONTAINS $search
      OR toLower(coalesce(f.shortNameZh, '')) CONTAINS $search OR toLower(coalesce(f.shortNameEn, '')) CONTAINS $search)`);
    params.search = filter.search.toLowerCase();
  }
  if (filter.districtCodes && filter.districtCodes.length > 0) {
    predicates.push(`EXISTS { MATCH (f)-[:LOCATED_IN]->(fd:District) WHERE fd.code IN $districtCodes }`);
    params.districtCodes = filter.districtCodes;
  }
  if (filter.segmentCodes && filter.segmentCodes.length > 0) {
    // A firm that makes a child segment makes the parent too (die castings are castings).
    predicates.push(
      `EXISTS { MATCH (f)-[:MAKES]->(:Segment)-[:PART_OF*0..4]->(fs:Segment) WHERE fs.code IN $segmentCodes }`,
    );
    params.segmentCodes = filter.segmentCodes;
  }
  if (filter.inRegion != null) {
    predicates.push(`EXISTS { MATCH (f)-[:LOCATED_IN]->(rd:District) WHERE rd.inRegion = $inRegion }`);
    params.inRegion = filter.inRegion;
  }
  if (filter.chainLeader != null) {
    predicates.push(`f.isChainLeader = $chainLeader`);
    params.chainLeader = filter.chainLeader;
  }
  if (filter.minYieldRate != null) {
    predicates.push(`f.yieldRate >= $minYieldRate`);
    params.minYieldRate = filter.minYieldRate;
  }
  if (filter.certification) {
    predicates.push(`$certification IN f.certifications`);
    params.certification = filter.certification;
  }
  return { where: predicates.length > 0 ? `WHERE ${predicates.join('\n  AND ')}` : '', params };
}

export const findFirms = defineQuery<[FirmFilterInput, number, number], FirmRow>(
  'findFirms',
  (filter, skip, limit) => {
    const { where, params } = firmFilter(filter);
    return {
      cypher: `MATCH (f:Firm) ${where}
        RETURN ${firmColumns}
        ORDER BY id SKIP $skip LIMIT $limit`,
      params: { ...params, skip, limit },
    };
  },
);

export const countFirms = defineQuery<[FirmFilterInput], { total: number }>('countFirms', (filter) => {
  const { where, params } = firmFilter(filter);
  return { cypher: `MATCH (f:Firm) ${where} RETURN count(f) AS total`, params };
});

export const firmsByIds = defineQuery<[readonly string[]], FirmRow>('firmsByIds', (ids) => ({
  cypher: `${unwindIds('f', 'ids')} MATCH ${firmById('f')} RETURN ${firmColumns}`,
  params: { ids: uniqueIds(ids) },
}));

export type FirmWrite = Required<{ [K in keyof FirmInput]: Exclude<FirmInput[K], undefined> | null }> & {
  synthetic: boolean;
  source: string | null;
  updatedAt: string;
};

/**
 * Creates or updates a firm and moves it to its district, in one statement. Parameters are flat:
 * the embedded engine cannot type an empty list inside a map parameter.
 */
export const upsertFirm = defineQuery<[FirmWrite], { id: string; created: boolean }>('upsertFirm', (firm) => ({
  cypher: `MATCH (d:District {code: $districtCode})
    MERGE (f:Firm {id: $id})
    ON CREATE SET f.synthetic = $synthetic, f.source = $source
    WITH f, d, f.updatedAt IS NULL AS created
    SET f.nameZh = $nameZh, f.nameEn = $nameEn, f.shortNameZh = $shortNameZh,
      f.shortNameEn = $shortNameEn, f.creditCode = $creditCode,
      f.isChainLeader = $isChainLeader, f.isOem = $isOem, f.isRecycler = $isRecycler,
      f.outputCny = $outputCny, f.outputYear = $outputYear, f.yieldRate = $yieldRate,
      f.certifications = $certifications, f.lat = $lat, f.lng = $lng,
      f.notes = $notes, f.updatedAt = $updatedAt
    WITH f, d, created
    OPTIONAL MATCH (f)-[old:LOCATED_IN]->(:District)
    DELETE old
    WITH DISTINCT f, d, created
    MERGE (f)-[:LOCATED_IN]->(d)
    RETURN f.id AS id, created`,
  params: { ...firm },
}));

export const existingFirmIds = defineQuery<[readonly string[]], { id: string }>('existingFirmIds', (ids) => ({
  cypher: `MATCH (f:Firm) WHERE f.id IN $ids RETURN f.id AS id`,
  params: { ids: [...ids] },
}));

export type FirmWithDistrictRow = FirmRow & { districtCode: string };

/**
 * Firms with their districts by id, as the commands' rules see them (a firm always has a district;
 * one without would be missing here, as from the map). One id is looked up directly; for many, the
 * unwound form costs about one pass over the firms whatever their number, while `IN` compares every
 * firm with every id. For a handful of ids a lookup each is much cheaper than that pass
 * (commands/lookups.ts chooses).
 */
export const firmsWithDistrictsByIds = defineQuery<[readonly string[]], FirmWithDistrictRow>('firmsWithDistrictsByIds', (ids) =>
  ids.length === 1
    ? { cypher: `MATCH (f:Firm {id: $id})-[:LOCATED_IN]->(d:District) RETURN ${firmColumns}, d.code AS districtCode`, params: { id: ids[0] } }
    : {
        cypher: `${unwindIds('f', 'ids')} MATCH ${firmById('f')}-[:LOCATED_IN]->(d:District) RETURN ${firmColumns}, d.code AS districtCode`,
        params: { ids: uniqueIds(ids) },
      },
);
