import { defineQuery } from './define';
import type { DistrictRow } from './districts';

/** Writes for the reference data (districts and the segment tree) that bulk loads and imports use. */

export type DistrictWrite = DistrictRow;

export const upsertDistricts = defineQuery<[DistrictWrite[]], { written: number }>('upsertDistricts', (rows) => ({
  cypher: `UNWIND $rows AS row
    MERGE (d:District {code: row.code})
    SET d.nameZh = row.nameZh, d.nameEn = row.nameEn, d.inRegion = row.inRegion, d.level = row.level,
      d.province = row.province, d.lat = row.lat, d.lng = row.lng
    RETURN count(d) AS written`,
  params: {
    rows: rows.map((r) => ({
      code: r.code,
      nameZh: r.nameZh,
      nameEn: r.nameEn,
      inRegion: r.inRegion,
      level: r.level,
      province: r.province,
      lat: r.lat,
      lng: r.lng,
    })),
  },
}));

export type SegmentWrite = { code: string; nameZh: string; nameEn: string };

export const upsertSegments = defineQuery<[SegmentWrite[]], { written: number }>('upsertSegments', (rows) => ({
  cypher: `UNWIND $rows AS row
    MERGE (s:Segment {code: row.code})
    SET s.nameZh = row.nameZh, s.nameEn = row.nameEn
    RETURN count(s) AS written`,
  params: { rows: rows.map((r) => ({ code: r.code, nameZh: r.nameZh, nameEn: r.nameEn })) },
}));

export type SegmentLink = { from: string; to: string };

/** Child→parent links of the segment tree. */
export const linkSegmentParents = defineQuery<[SegmentLink[]], { written: number }>(
  'linkSegmentParents',
  (rows) => ({
    cypher: `UNWIND $rows AS row
      MATCH (c:Segment {code: row.from})
      MATCH (p:Segment {code: row.to})
      MERGE (c)-[:PART_OF]->(p)
      RETURN count(c) AS written`,
    params: { rows: rows.map((r) => ({ from: r.from, to: r.to })) },
  }),
);

/** Upstream→downstream links between segments. */
export const linkSegmentFeeds = defineQuery<[SegmentLink[]], { written: number }>('linkSegmentFeeds', (rows) => ({
  cypher: `UNWIND $rows AS row
    MATCH (a:Segment {code: row.from})
    MATCH (b:Segment {code: row.to})
    MERGE (a)-[:FEEDS]->(b)
    RETURN count(a) AS written`,
  params: { rows: rows.map((r) => ({ from: r.from, to: r.to })) },
}));

export const countNodes = defineQuery<[], { label: string; total: number }>('countNodes', () => ({
  cypher: `MATCH (n:Firm) RETURN 'Firm' AS label, count(n) AS total
    UNION ALL MATCH (n:District) RETURN 'District' AS label, count(n) AS total
    UNION ALL MATCH (n:Segment) RETURN 'Segment' AS label, count(n) AS total
    UNION ALL MATCH (n:TradeOrder) RETURN 'TradeOrder' AS label, count(n) AS total`,
  params: {},
}));

export const ping = defineQuery<[], { ok: number }>('ping', () => ({ cypher: 'RETURN 1 AS ok', params: {} }));
