import { defineQuery } from './define';

export type SegmentRow = {
  code: string;
  nameZh: string;
  nameEn: string;
  parentCode: string | null;
};

/** The segment tree is small (tens of rows): one query gives every segment with its parent. */
export const listSegments = defineQuery<[], SegmentRow>('listSegments', () => ({
  cypher: `MATCH (s:Segment)
    OPTIONAL MATCH (s)-[:PART_OF]->(p:Segment)
    RETURN s.code AS code, s.nameZh AS nameZh, s.nameEn AS nameEn, p.code AS parentCode
    ORDER BY code`,
  params: {},
}));

export type FeedRow = {
  fromCode: string;
  toCode: string;
};

export const listFeeds = defineQuery<[], FeedRow>('listFeeds', () => ({
  cypher: `MATCH (a:Segment)-[:FEEDS]->(b:Segment) RETURN a.code AS fromCode, b.code AS toCode ORDER BY fromCode, toCode`,
  params: {},
}));
