import { firmById, uniqueIds, unwindIds } from './by-ids';
import { defineQuery } from './define';

export type CapabilityRow = {
  firmId: string;
  segmentCode: string;
  capacity: number | null;
  unit: string | null;
  utilisation: number | null;
  yieldRate: number | null;
};

export const capabilitiesOfFirms = defineQuery<[readonly string[]], CapabilityRow>(
  'capabilitiesOfFirms',
  (firmIds) => ({
    cypher: `${unwindIds('f', 'firmIds')}
      MATCH ${firmById('f')}-[m:MAKES]->(s:Segment)
      RETURN f.id AS firmId, s.code AS segmentCode, m.capacity AS capacity, m.unit AS unit,
        m.utilisation AS utilisation, m.yieldRate AS yieldRate
      ORDER BY firmId, segmentCode`,
    params: { firmIds: uniqueIds(firmIds) },
  }),
);

export type NeedRow = {
  firmId: string;
  segmentCode: string;
  annualDemand: number | null;
  unit: string | null;
};

export const needsOfFirms = defineQuery<[readonly string[]], NeedRow>('needsOfFirms', (firmIds) => ({
  cypher: `${unwindIds('f', 'firmIds')}
    MATCH ${firmById('f')}-[n:NEEDS]->(s:Segment)
    RETURN f.id AS firmId, s.code AS segmentCode, n.annualDemand AS annualDemand, n.unit AS unit
    ORDER BY firmId, segmentCode`,
  params: { firmIds: uniqueIds(firmIds) },
}));

export type CapabilityWrite = Omit<CapabilityRow, never> & { source: string | null };

export const setCapability = defineQuery<[CapabilityWrite], { firmId: string }>('setCapability', (c) => ({
  cypher: `MATCH (f:Firm {id: $firmId})
    MATCH (s:Segment {code: $segmentCode})
    MERGE (f)-[m:MAKES]->(s)
    SET m.capacity = $capacity, m.unit = $unit, m.utilisation = $utilisation, m.yieldRate = $yieldRate,
      m.source = $source
    RETURN f.id AS firmId`,
  params: { ...c },
}));

export type NeedWrite = NeedRow & { source: string | null };

export const setNeed = defineQuery<[NeedWrite], { firmId: string }>('setNeed', (n) => ({
  cypher: `MATCH (f:Firm {id: $firmId})
    MATCH (s:Segment {code: $segmentCode})
    MERGE (f)-[r:NEEDS]->(s)
    SET r.annualDemand = $annualDemand, r.unit = $unit, r.source = $source
    RETURN f.id AS firmId`,
  params: { ...n },
}));

/** Drops a segment from what a firm buys; answers the firm's id only when there was such a need. */
export const removeNeed = defineQuery<[string, string], { firmId: string }>('removeNeed', (firmId, segmentCode) => ({
  cypher: `MATCH (f:Firm {id: $firmId})-[r:NEEDS]->(s:Segment {code: $segmentCode})
    WITH r, f.id AS removedFrom
    DELETE r
    RETURN removedFrom AS firmId`,
  params: { firmId, segmentCode },
}));
