import { defineQuery } from './define';
import { locationColumns, type FirmLocationRow, type MakerRow } from './analysis';
import { suppliesCypher } from './supplies';

/**
 * The rows of one firm that kept facts re-read when a commit touched it (analysis/store-facts.ts):
 * each starts from the firm's key given as a parameter, so it costs a lookup. (The same firm
 * looked up from an UNWIND list, as firmLocations does, costs the embedded engine as much as every
 * firm's place: it joins through every firm's district.)
 */

/** Where one firm is, as allFirmLocations gives it. */
export const locationOfFirm = defineQuery<[string], FirmLocationRow>('locationOfFirm', (firmId) => ({
  cypher: `MATCH (f:Firm {id: $firmId})-[:LOCATED_IN]->(d:District) RETURN ${locationColumns}`,
  params: { firmId },
}));

/** One firm's capabilities as regionalMakersOf gives them: none when it lies outside the region. */
export const regionalMakerRowsOfFirm = defineQuery<[string], MakerRow>('regionalMakerRowsOfFirm', (firmId) => ({
  cypher: `MATCH (f:Firm {id: $firmId})-[m:MAKES]->(s:Segment)
    MATCH (f)-[:LOCATED_IN]->(d:District)
    WHERE d.inRegion = true
    RETURN f.id AS firmId, s.code AS segmentCode, d.code AS districtCode,
      coalesce(f.lat, d.lat) AS lat, coalesce(f.lng, d.lng) AS lng, m.capacity AS capacity, m.unit AS unit,
      m.utilisation AS utilisation, m.yieldRate AS capabilityYield, f.yieldRate AS firmYield,
      f.certifications AS certifications`,
  params: { firmId },
}));

export type LeaderCustomerRow = { year: number; leaderId: string };

/**
 * The chain leaders one firm supplied, per year: its chainLeaderReferences count in every year (and
 * in all years) follows from them.
 */
export const leaderCustomersOfSupplier = defineQuery<[string], LeaderCustomerRow>('leaderCustomersOfSupplier', (firmId) => ({
  cypher: `MATCH (sup:Firm {id: $firmId})-[t:TRADED]->(buy:Firm)
    WHERE buy.isChainLeader = true AND t.kind = 'SUPPLY' AND ${suppliesCypher('t')}
    RETURN DISTINCT t.year AS year, buy.id AS leaderId`,
  params: { firmId },
}));

/** Every chain leader: the references kept per year were counted against these. */
export const chainLeaderIds = defineQuery<[], { firmId: string }>('chainLeaderIds', () => ({
  cypher: `MATCH (f:Firm) WHERE f.isChainLeader = true RETURN f.id AS firmId`,
  params: {},
}));
