/**
 * The shapes the chain analyses return. Analyses are pure functions over rows the query catalogue
 * returns (unit-tested without a database); `service.ts` fetches the rows and calls them.
 */

export type Lang = 'zh' | 'en';

export interface DistrictAmount {
  districtCode: string;
  amountCny: number;
}

/** 本地配套率: value bought from firms inside the western region ÷ value of all supply orders. */
export interface LocalSupportRate {
  /** localCny / totalCny; null when nothing was bought. */
  rate: number | null;
  /** Bought within the buyer's own district ÷ total; null when nothing was bought. */
  inDistrictRate: number | null;
  localCny: number;
  inDistrictCny: number;
  totalCny: number;
  /** Value bought per supplier district, largest first. */
  byDistrict: DistrictAmount[];
}

/** A firm located somewhere: its own coordinates, or its district seat's when it has none. */
export interface Located {
  firmId: string;
  districtCode: string;
  inRegion: boolean;
  lat: number;
  lng: number;
}

export interface SupplierCandidate {
  firmId: string;
  /** The buyer it was ranked for; null when ranked on its own merits. */
  buyerId: string | null;
  segmentCode: string;
  /** 0–100; higher is better. */
  score: number;
  /** Distance to the buyer; null when ranked without one (findSuppliers with no nearFirmId). */
  distanceKm: number | null;
  /** Yearly spare capacity in `unit` (capacity × (1 − utilisation)); null when unknown. */
  spareCapacity: number | null;
  unit: string | null;
  yieldRate: number | null;
  certifications: string[];
  /** Distinct chain leaders it already supplies. */
  chainLeaderCustomers: number;
  /** Why it ranks where it does, in words a bureau officer understands. */
  reasons: string[];
  /** Yearly logistics saving against the current outside supplier; null when there is none to compare. */
  estimatedLogisticsSavingCny: number | null;
  /** The outside supply the saving is worked out from; null without a saving (or a source). */
  savingFrom: SavingSource | null;
}

/** One trade link an estimate is derived from: the pair and how many live orders it sums. */
export interface SavingSource {
  supplierId: string;
  buyerId: string;
  orders: number;
}

export interface ChainGap {
  leaderId: string;
  segmentCode: string;
  year: number;
  purchasedCny: number;
  localCny: number;
  /** localCny / purchasedCny; 0 for a needed segment bought from nobody. */
  localShare: number;
  /** Suppliers outside the region the leader buys this segment from, largest first. */
  outsideSuppliers: { firmId: string; amountCny: number; distanceKm: number }[];
  /** The segment is needed but bought from nobody at all. */
  unsupplied: boolean;
}

/** Everything one firm of a loop ships to the next in the year: parallel segments share one hop. */
export interface LoopHop {
  fromId: string;
  toId: string;
  /** Every segment flowing on this hop (supply and scrap return alike), sorted. */
  segmentCodes: string[];
  amountCny: number;
}

export interface MaterialLoop {
  /** Firms in cycle order, starting from the smallest id. */
  firmIds: string[];
  /** hops[i] flows from firmIds[i] to firmIds[(i + 1) % n]. */
  hops: LoopHop[];
  /** The distinct segments of the hops, in hop order. */
  segmentCodes: string[];
  /** Yearly value of all the hops. */
  amountCny: number;
}

export interface Dependence {
  customerId: string;
  /** Share of the firm's sales (supply orders) going to this customer. */
  share: number;
  amountCny: number;
}

export interface SingleSourceRisk {
  buyerId: string;
  segmentCode: string;
  supplierId: string;
  amountCny: number;
}

export interface DisruptionLoss {
  /** 1: a direct customer of the stopped firm; 2: a customer of one of those; … */
  tier: number;
  buyerId: string;
  /** The firm this buyer loses supply from (the stopped firm at tier 1). */
  lostSupplierId: string;
  segmentCode: string;
  /** Value of that supply in the year. */
  amountCny: number;
  /** Ranked local firms able to replace the lost supply (tier 1 only; deeper tiers lose it indirectly). */
  alternatives: SupplierCandidate[];
}
