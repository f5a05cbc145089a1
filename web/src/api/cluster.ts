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

/** Rows from columns of equal length: row i holds every column's i-th value. */
function zipColumns<C extends Record<string, readonly unknown[]>>(columns: C, length: number): { [K in keyof C]: C[K][number] }[] {
  const entries = Object.entries(columns);
  return Array.from({ length }, (_, i) => {
    const row: Record<string, unknown> = {};
    for (const [key, column] of entries) row[key] = column[i];
    // Every key of C was given its column's i-th value just above.
    return row as { [K in keyof C]: C[K][number] };
  });
}

export function clusterGraphRows({ nodes, edges }: ApiClusterColumns): ApiClusterGraph {
  const { segments, segmentCode, ...edgeColumns } = edges;
  const segmentOf = new Map(segments.map((s) => [s.code, s]));
  const codes = segmentCode;
  return {
    nodes: zipColumns(nodes, nodes.id.length),
    edges: zipColumns(edgeColumns, edges.id.length).map((edge, i) => {
      const code = codes[i] ?? null;
      return { ...edge, segment: code === null ? null : (segmentOf.get(code) ?? { code, nameZh: code, nameEn: code }) };
    }),
  };
}
