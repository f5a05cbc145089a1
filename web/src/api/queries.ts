import { gql } from './client';

/**
 * The typed operations the web app sends. Result types are written by hand against the API's SDL
 * (schema/schema.graphql); each selection set below and its type must change together.
 */

export type OrderKind = 'SUPPLY' | 'SCRAP_RETURN';

export interface DistrictSummary {
  code: string;
  nameZh: string;
  nameEn: string;
  inRegion: boolean;
}

export interface District extends DistrictSummary {
  lat: number;
  lng: number;
}

export interface Segment {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface FirmSummary {
  id: string;
  nameZh: string;
  nameEn: string;
  shortNameZh: string | null;
  shortNameEn: string | null;
  district: DistrictSummary;
  isChainLeader: boolean;
  isOem: boolean;
  isRecycler: boolean;
  outputCny: number | null;
}

export interface TradeFlow {
  supplier: FirmSummary;
  buyer: FirmSummary;
  segment: Segment;
  year: number;
  kind: OrderKind;
  /** Null when the viewer may not see it: anonymous visitors, investment teams, firms not party to the orders. */
  amountCny: number | null;
  orderCount: number;
}

export interface SupportTie {
  from: FirmSummary;
  to: FirmSummary;
  kinds: string[];
  since: string | null;
}

export interface FirmFilter {
  search?: string | null;
  districtCodes?: string[] | null;
  segmentCodes?: string[] | null;
  inRegion?: boolean | null;
  chainLeader?: boolean | null;
  minYieldRate?: number | null;
  certification?: string | null;
}

export interface FirmConnection {
  totalCount: number;
  edges: { node: FirmSummary }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** The API's page-size ceiling for `firms(first:)`. */
export const MAX_PAGE_SIZE = 500;

const FIRM_SUMMARY = /* GraphQL */ `
  fragment FirmSummary on Firm {
    id
    nameZh
    nameEn
    shortNameZh
    shortNameEn
    district { code nameZh nameEn inRegion }
    isChainLeader
    isOem
    isRecycler
    outputCny
  }
`;

export const FIRMS_QUERY = gql<
  { firms: FirmConnection },
  { filter?: FirmFilter | null; first?: number | null; after?: string | null }
>(/* GraphQL */ `
  query Firms($filter: FirmFilter, $first: Int, $after: String) {
    firms(filter: $filter, first: $first, after: $after) {
      totalCount
      edges { node { ...FirmSummary } }
      pageInfo { hasNextPage endCursor }
    }
  }
  ${FIRM_SUMMARY}
`);

/** What the cluster graph draws regardless of the year: districts, firms and mentoring ties. */
export const CLUSTER_QUERY = gql<
  { districts: District[]; firms: FirmConnection; supportTies: SupportTie[] },
  { first: number }
>(/* GraphQL */ `
  query Cluster($first: Int) {
    districts { code nameZh nameEn inRegion lat lng }
    firms(first: $first) {
      totalCount
      edges { node { ...FirmSummary } }
      pageInfo { hasNextPage endCursor }
    }
    supportTies {
      from { ...FirmSummary }
      to { ...FirmSummary }
      kinds
      since
    }
  }
  ${FIRM_SUMMARY}
`);

export const TRADE_FLOWS_QUERY = gql<{ tradeFlows: TradeFlow[] }, { year: number; kind?: OrderKind | null }>(
  /* GraphQL */ `
    query TradeFlows($year: Int!, $kind: OrderKind) {
      tradeFlows(year: $year, kind: $kind) {
        supplier { ...FirmSummary }
        buyer { ...FirmSummary }
        segment { code nameZh nameEn }
        year
        kind
        amountCny
        orderCount
      }
    }
    ${FIRM_SUMMARY}
  `,
);
