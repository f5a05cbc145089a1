import { gql } from './client';
import type { DistrictSummary, Segment } from './queries';
import type { WithheldReason } from './withheld';

/** The firm panel's operations (schema: server/src/graphql/firm.ts, trade.ts, support.ts, risk.ts, analysis.ts). */

export interface FirmRef {
  id: string;
  nameZh: string;
  nameEn: string;
  shortNameZh: string | null;
  shortNameEn: string | null;
}

export interface TradeLink {
  firm: FirmRef & { district: DistrictSummary };
  segment: Segment;
  kind: 'SUPPLY' | 'SCRAP_RETURN';
  amountCny: number | null;
  orderCount: number;
}

export type OrderKind = 'SUPPLY' | 'SCRAP_RETURN';
export type OrderStatus = 'EXPECTED' | 'ACTIVE' | 'COMPLETED' | 'CANCELLED';
export const ORDER_STATUSES: readonly OrderStatus[] = ['EXPECTED', 'ACTIVE', 'COMPLETED', 'CANCELLED'];

/** One order where the firm is a party; amounts and quantities are null where the viewer may not see them. */
export interface FirmOrder {
  id: string;
  kind: OrderKind;
  year: number;
  supplier: FirmRef;
  buyer: FirmRef;
  segment: Segment;
  amountCny: number | null;
  quantity: number | null;
  unit: string | null;
  status: OrderStatus;
}

export interface FirmNeed {
  segment: Segment;
  /** Null when unknown, or withheld from viewers other than the firm itself and analysts. */
  annualDemand: number | null;
  unit: string | null;
}

export interface FirmProfile extends FirmRef {
  district: DistrictSummary;
  isChainLeader: boolean;
  isOem: boolean;
  isRecycler: boolean;
  outputCny: number | null;
  outputYear: number | null;
  yieldRate: number | null;
  certifications: string[];
  creditCode: string | null;
  lat: number | null;
  lng: number | null;
  notes: string | null;
  synthetic: boolean;
  /** Whether this viewer may edit the firm's profile, capabilities and needs (its staff, its bureau, an admin). */
  viewerCanEdit: boolean;
  /** Whether this viewer may record, change and delete the firm's orders (its staff, an admin). */
  viewerCanRecordOrders: boolean;
  needs: FirmNeed[];
  /** The firm's orders, newest year first; null for viewers who may not list them (all but the firm, bureaus, admins). */
  orders: { totalCount: number; edges: { node: FirmOrder }[] } | null;
  capabilities: {
    segment: Segment;
    capacity: number | null;
    unit: string | null;
    utilisation: number | null;
    spareCapacity: number | null;
    yieldRate: number | null;
  }[];
  suppliers: TradeLink[];
  customers: TradeLink[];
  /** Null for viewers who may not see it (it is for the firm itself and analysts). */
  dependence: { customer: FirmRef; share: number | null; shareWithheld: WithheldReason | null; amountCny: number | null }[] | null;
  supports: { to: FirmRef; kinds: string[]; since: string | null }[];
  supportedBy: { from: FirmRef; kinds: string[]; since: string | null }[];
}

const REF = 'id nameZh nameEn shortNameZh shortNameEn';
const LINK = `firm { ${REF} district { code nameZh nameEn inRegion } } segment { code nameZh nameEn } kind amountCny orderCount`;

const ORDER = `id kind year supplier { ${REF} } buyer { ${REF} } segment { code nameZh nameEn } amountCny quantity unit status`;

/** How many of a firm's orders the panel lists (newest first); the total says when there are more. */
export const ORDERS_SHOWN = 50;

export const FIRM_PROFILE_QUERY = gql<{ firm: FirmProfile | null }, { id: string; year: number; ordersShown: number }>(/* GraphQL */ `
  query FirmProfile($id: ID!, $year: Int!, $ordersShown: Int!) {
    firm(id: $id) {
      ${REF}
      district { code nameZh nameEn inRegion }
      isChainLeader isOem isRecycler outputCny outputYear yieldRate certifications creditCode lat lng notes synthetic
      viewerCanEdit viewerCanRecordOrders
      capabilities { segment { code nameZh nameEn } capacity unit utilisation spareCapacity yieldRate }
      needs { segment { code nameZh nameEn } annualDemand unit }
      orders(first: $ordersShown) { totalCount edges { node { ${ORDER} } } }
      suppliers(year: $year) { ${LINK} }
      customers(year: $year) { ${LINK} }
      dependence(year: $year) { customer { ${REF} } share shareWithheld amountCny }
      supports { to { ${REF} } kinds since }
      supportedBy { from { ${REF} } kinds since }
    }
  }
`);

export interface Candidate {
  firm: FirmRef & { district: DistrictSummary };
  segment: Segment;
  score: number;
  distanceKm: number | null;
  spareCapacity: number | null;
  unit: string | null;
  yieldRate: number | null;
  certifications: string[];
  reasons: string[];
}

export interface ChainGap {
  leader: FirmRef;
  segment: Segment;
  year: number;
  purchasedCny: number | null;
  purchasedCnyWithheld: WithheldReason | null;
  localCny: number | null;
  localCnyWithheld: WithheldReason | null;
  localShare: number | null;
  localShareWithheld: WithheldReason | null;
  unsupplied: boolean;
  outsideSuppliers: { firm: FirmRef & { district: DistrictSummary }; distanceKm: number }[];
  candidates: Candidate[];
}

const CANDIDATE = `firm { ${REF} district { code nameZh nameEn inRegion } } segment { code nameZh nameEn }
  score distanceKm spareCapacity unit yieldRate certifications reasons`;

/** A supporting rate's figures, each null with a reason where withheld from the viewer. */
export interface SupportRate {
  rate: number | null;
  rateWithheld: WithheldReason | null;
  localCny: number | null;
  localCnyWithheld: WithheldReason | null;
  totalCny: number | null;
  totalCnyWithheld: WithheldReason | null;
}

export const CHAIN_GAPS_QUERY = gql<
  { chainGaps: ChainGap[] | null; localSupportRate: SupportRate | null },
  { year: number; leaderId?: string | null; districtCode?: string | null; lang: 'zh' | 'en'; first: number }
>(/* GraphQL */ `
  query ChainGaps($year: Int!, $leaderId: ID, $districtCode: String, $lang: Lang, $first: Int) {
    chainGaps(year: $year, leaderId: $leaderId, districtCode: $districtCode) {
      leader { ${REF} }
      segment { code nameZh nameEn }
      year purchasedCny purchasedCnyWithheld localCny localCnyWithheld localShare localShareWithheld unsupplied
      outsideSuppliers { firm { ${REF} district { code nameZh nameEn inRegion } } distanceKm }
      candidates(first: $first, lang: $lang) { ${CANDIDATE} }
    }
    localSupportRate(year: $year, leaderId: $leaderId, districtCode: $districtCode) {
      rate rateWithheld localCny localCnyWithheld totalCny totalCnyWithheld
    }
  }
`);

export type SupplierSearch = {
  segmentCode: string;
  nearFirmId?: string | null;
  maxDistanceKm?: number | null;
  minYieldRate?: number | null;
  certification?: string | null;
  year?: number | null;
  first: number;
  lang: 'zh' | 'en';
};

export const FIND_SUPPLIERS_QUERY = gql<{ findSuppliers: Candidate[] }, SupplierSearch>(/* GraphQL */ `
  query FindSuppliers($segmentCode: String!, $nearFirmId: ID, $maxDistanceKm: Float, $minYieldRate: Float,
      $certification: String, $year: Int, $first: Int, $lang: Lang) {
    findSuppliers(segmentCode: $segmentCode, nearFirmId: $nearFirmId, maxDistanceKm: $maxDistanceKm,
        minYieldRate: $minYieldRate, certification: $certification, year: $year, first: $first, lang: $lang) {
      ${CANDIDATE}
    }
  }
`);
