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

/** `clusterGraph { columns }`: the same graph, one list per field (schema: server/src/graphql/cluster-graph-columns.ts). */
export interface ApiClusterColumns {
  nodes: { [K in keyof ApiClusterNode]: ApiClusterNode[K][] };
  edges: { [K in Exclude<keyof ApiClusterEdge, 'segment'>]: ApiClusterEdge[K][] } & {
    segmentCode: (string | null)[];
    segments: { code: string; nameZh: string; nameEn: string }[];
  };
}

/**
 * The map asks for the graph as columns: at thousands of firms the server spends less time on them
 * than on a field per node and edge (about 0.4 s instead of 0.6 at 10,000 firms), and the answer
 * is about half the size. `clusterGraphRows` turns them back into nodes and edges.
 */
export const CLUSTER_GRAPH_QUERY = gql<{ clusterGraph: { columns: ApiClusterColumns } }, { filter: GraphFilter }>(/* GraphQL */ `
  query ClusterGraph($filter: GraphFilter) {
    clusterGraph(filter: $filter) {
      columns {
        nodes { id kind labelZh labelEn parent firmId districtCode inRegion size outputCny lat lng tier }
        edges { id source target kind amountCny amountHidden orderCount segmentCode supportKinds since segments { code nameZh nameEn } }
      }
    }
  }
`);

export function clusterGraphRows({ nodes: n, edges: e }: ApiClusterColumns): ApiClusterGraph {
  const segments = new Map(e.segments.map((s) => [s.code, s]));
  const at = <T>(column: readonly T[], i: number): T => column[i] as T;
  return {
    nodes: n.id.map((id, i) => ({
      id,
      kind: at(n.kind, i),
      labelZh: at(n.labelZh, i),
      labelEn: at(n.labelEn, i),
      parent: at(n.parent, i),
      firmId: at(n.firmId, i),
      districtCode: at(n.districtCode, i),
      inRegion: at(n.inRegion, i),
      size: at(n.size, i),
      outputCny: at(n.outputCny, i),
      lat: at(n.lat, i),
      lng: at(n.lng, i),
      tier: at(n.tier, i),
    })),
    edges: e.id.map((id, i) => {
      const code = at(e.segmentCode, i);
      return {
        id,
        source: at(e.source, i),
        target: at(e.target, i),
        kind: at(e.kind, i),
        amountCny: at(e.amountCny, i),
        amountHidden: at(e.amountHidden, i),
        orderCount: at(e.orderCount, i),
        segment: code === null ? null : (segments.get(code) ?? { code, nameZh: code, nameEn: code }),
        supportKinds: at(e.supportKinds, i),
        since: at(e.since, i),
      };
    }),
  };
}
