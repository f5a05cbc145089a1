import type { SupportKind } from '@yulian/schema';
import { defineQuery } from './define';

export type SupportRow = {
  fromId: string;
  toId: string;
  kinds: SupportKind[];
  since: string | null;
  synthetic: boolean;
  source: string | null;
};

const supportColumns = `a.id AS fromId, b.id AS toId, r.kinds AS kinds, r.since AS since,
  r.synthetic AS synthetic, r.source AS source`;

/** Support ties touching the given firms, in either direction. */
export const supportsOfFirms = defineQuery<[readonly string[]], SupportRow>('supportsOfFirms', (firmIds) => ({
  cypher: `MATCH (a:Firm)-[r:SUPPORTS]->(b:Firm) WHERE a.id IN $firmIds OR b.id IN $firmIds
    RETURN ${supportColumns} ORDER BY fromId, toId`,
  params: { firmIds: [...firmIds] },
}));

export const allSupports = defineQuery<[], SupportRow>('allSupports', () => ({
  cypher: `MATCH (a:Firm)-[r:SUPPORTS]->(b:Firm) RETURN ${supportColumns} ORDER BY fromId, toId`,
  params: {},
}));

export const upsertSupport = defineQuery<[SupportRow], { fromId: string }>('upsertSupport', (s) => ({
  cypher: `MATCH (a:Firm {id: $fromId})
    MATCH (b:Firm {id: $toId})
    MERGE (a)-[r:SUPPORTS]->(b)
    SET r.kinds = $kinds, r.since = $since, r.synthetic = $synthetic, r.source = $source
    RETURN a.id AS fromId`,
  params: { ...s },
}));
