import { describe, expect, it } from 'vitest';
import { findGaps } from './gaps';

const options = { year: 2023, maxLocalShare: 0.5, distanceKm: () => 100 };

describe('findGaps', () => {
  it('finds segments bought mostly from outside and needed segments bought from nobody', () => {
    const gaps = findGaps(
      [
        { buyerId: 'L', supplierId: 'out', supplierInRegion: false, segmentCode: 'ST', amountCny: 80 },
        { buyerId: 'L', supplierId: 'in', supplierInRegion: true, segmentCode: 'ST', amountCny: 20 },
        { buyerId: 'L', supplierId: 'in', supplierInRegion: true, segmentCode: 'IM', amountCny: 90 },
        { buyerId: 'L', supplierId: 'out', supplierInRegion: false, segmentCode: 'IM', amountCny: 10 },
      ],
      [
        { buyerId: 'L', segmentCode: 'ST' },
        { buyerId: 'L', segmentCode: 'BD' },
      ],
      options,
    );
    expect(gaps.map((g) => [g.segmentCode, g.localShare, g.unsupplied])).toEqual([
      ['ST', 0.2, false],
      ['BD', 0, true],
    ]);
    expect(gaps[0]?.outsideSuppliers).toEqual([{ firmId: 'out', amountCny: 80, distanceKm: 100 }]);
  });

  it('treats a local share exactly at the threshold as a gap, and above it as none', () => {
    const split = (local: number) => [
      { buyerId: 'L', supplierId: 'a', supplierInRegion: true, segmentCode: 'S', amountCny: local },
      { buyerId: 'L', supplierId: 'b', supplierInRegion: false, segmentCode: 'S', amountCny: 10 - local },
    ];
    expect(findGaps(split(5), [], options).map((g) => g.localShare)).toEqual([0.5]);
    expect(findGaps(split(6), [], options)).toEqual([]);
  });
});
