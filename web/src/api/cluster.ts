import { gql } from './client';

/** The cluster map as the API's `clusterGraph` gives it (schema: server/src/graphql/cluster-graph.ts). */

export type ClusterNodeKind = 'DISTRICT' | 'CHAIN_LEADER' | 'OEM' | 'RECYCLER' | 'SUPPLIER';
export type ClusterEdgeKind = 'SUPPLY' | 'SCRAP_RETURN' | 'SUPPORT';

export interface ApiClusterNode {
  id: string;
  kind: ClusterNodeKind;
  labelZh: string;
  labelEn: string;
  parent: string | null;
  firmId: string | null;
  districtCode: string;
  inRegion: boolean;
  size: number;
  outputCny: number | null;
  lat: number;
  lng: number;
  tier: number | null;
}

export interface ApiClusterEdge {
  id: string;
  source: string;
  target: string;
  kind: ClusterEdgeKind;
  /** Null for support ties and where the viewer may not see it (`amountHidden`). */
  amountCny: number | null;
  amountHidden: boolean;
  orderCount: number;
  segment: { code: string; nameZh: string; nameEn: string } | null;
  supportKinds: string[];
  since: string | null;
}

export interface ApiClusterGraph {
  nodes: ApiClusterNode[];
  edges: ApiClusterEdge[];
}

export interface GraphFilter {
  districtCodes?: string[] | null;
  leaderId?: string | null;
  tiers?: number | null;
  segmentCodes?: string[] | null;
  year?: number | null;
  includeScrap?: boolean | null;
  includeSupport?: boolean | null;
}

export const CLUSTER_GRAPH_QUERY = gql<{ clusterGraph: ApiClusterGraph }, { filter: GraphFilter }>(/* GraphQL */ `
  query ClusterGraph($filter: GraphFilter) {
    clusterGraph(filter: $filter) {
      nodes { id kind labelZh labelEn parent firmId districtCode inRegion size outputCny lat lng tier }
      edges { id source target kind amountCny amountHidden orderCount segment { code nameZh nameEn } supportKinds since }
    }
  }
`);
