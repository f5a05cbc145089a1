import { describe, expect, it } from 'vitest';
import { singleSourceRisks, type SupplyLink } from './single-source';

const link = (buyerId: string, segmentCode: string, supplierId: string, amountCny: number): SupplyLink => ({
  buyerId,
  segmentCode,
  supplierId,
  amountCny,
});

describe('single-source risks', () => {
  it('lists a buyer-segment pair with one supplier, and not one with two', () => {
    const risks = singleSourceRisks([
      link('jianya', 'BRAKE_DRUM', 'yian', 25),
      link('anrui', 'SURFACE_TREATMENT', 'aofang', 3),
      link('anrui', 'SURFACE_TREATMENT', 'guangan-moto', 1),
    ]);
    expect(risks).toEqual([{ buyerId: 'jianya', segmentCode: 'BRAKE_DRUM', supplierId: 'yian', amountCny: 25 }]);
  });

  it('adds up several links from the same single supplier', () => {
    expect(singleSourceRisks([link('jianya', 'BRAKE_DRUM', 'yian', 20), link('jianya', 'BRAKE_DRUM', 'yian', 5)])).toEqual([
      { buyerId: 'jianya', segmentCode: 'BRAKE_DRUM', supplierId: 'yian', amountCny: 25 },
    ]);
  });

  it('judges each segment of a buyer on its own, largest exposure first', () => {
    const risks = singleSourceRisks([
      link('pingwei', 'AL_DIE_CASTING', 'ruitong', 30),
      link('pingwei', 'BATTERY_ENCLOSURE_PART', 'tianchiyu', 48),
      link('pingwei', 'AL_EXTRUSION', 'a', 30),
      link('pingwei', 'AL_EXTRUSION', 'b', 30),
    ]);
    expect(risks.map((r) => r.segmentCode)).toEqual(['BATTERY_ENCLOSURE_PART', 'AL_DIE_CASTING']);
  });

  it('is empty with no supply', () => {
    expect(singleSourceRisks([])).toEqual([]);
  });
});
