import type { LocalSupportRate } from './types';

export interface PurchaseFact {
  buyerDistrict: string;
  supplierDistrict: string;
  supplierInRegion: boolean;
  amountCny: number;
}

/**
 * 本地配套率 of a set of purchases: the value bought from suppliers inside the western region
 * divided by the value of all supply bought; the in-district rate counts only suppliers in the
 * buyer's own district. Scrap returns are not purchases and never reach this function.
 */
export function localSupportRate(purchases: readonly PurchaseFact[]): LocalSupportRate {
  let totalCny = 0;
  let localCny = 0;
  let inDistrictCny = 0;
  const byDistrict = new Map<string, number>();
  for (const p of purchases) {
    totalCny += p.amountCny;
    if (p.supplierInRegion) localCny += p.amountCny;
    if (p.supplierDistrict === p.buyerDistrict) inDistrictCny += p.amountCny;
    byDistrict.set(p.supplierDistrict, (byDistrict.get(p.supplierDistrict) ?? 0) + p.amountCny);
  }
  return {
    rate: totalCny > 0 ? localCny / totalCny : null,
    inDistrictRate: totalCny > 0 ? inDistrictCny / totalCny : null,
    localCny,
    inDistrictCny,
    totalCny,
    byDistrict: [...byDistrict]
      .map(([districtCode, amountCny]) => ({ districtCode, amountCny }))
      .sort((a, b) => b.amountCny - a.amountCny || a.districtCode.localeCompare(b.districtCode)),
  };
}
