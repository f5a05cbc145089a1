import type { MakerRow } from '../store/queries';
import type { CandidateFacts } from './ranking';

/** A regional maker's row as ranking facts: the capability's yield wins over the firm's overall yield. */
export function candidateFacts(row: MakerRow, leaders: ReadonlyMap<string, number>): CandidateFacts {
  return {
    firmId: row.firmId,
    segmentCode: row.segmentCode,
    // regionalMakers only returns firms inside the region.
    inRegion: true,
    lat: row.lat,
    lng: row.lng,
    capacity: row.capacity,
    unit: row.unit,
    utilisation: row.utilisation,
    yieldRate: row.capabilityYield ?? row.firmYield,
    certifications: row.certifications ?? [],
    chainLeaderCustomers: leaders.get(row.firmId) ?? 0,
  };
}
