import { describe, expect, it } from 'vitest';
import { localSupportRate } from './supporting-rate';

describe('localSupportRate', () => {
  it('divides the value bought inside the region by all value bought, and in-district by the same', () => {
    const result = localSupportRate([
      { buyerDistrict: 'H', supplierDistrict: 'H', supplierInRegion: true, amountCny: 30 },
      { buyerDistrict: 'H', supplierDistrict: 'B', supplierInRegion: true, amountCny: 20 },
      { buyerDistrict: 'H', supplierDistrict: 'G', supplierInRegion: false, amountCny: 50 },
    ]);
    expect(result).toEqual({
      rate: 0.5,
      inDistrictRate: 0.3,
      localCny: 50,
      inDistrictCny: 30,
      totalCny: 100,
      byDistrict: [
        { districtCode: 'G', amountCny: 50 },
        { districtCode: 'H', amountCny: 30 },
        { districtCode: 'B', amountCny: 20 },
      ],
    });
  });

  it('has no rate when nothing was bought', () => {
    expect(localSupportRate([])).toMatchObject({ rate: null, inDistrictRate: null, totalCny: 0, byDistrict: [] });
  });
});
