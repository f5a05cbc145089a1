import type { OrderKind, SupportKind } from '@yulian/schema';
import type { ClusterFirmRow, ClusterFlowRow, DistrictRow, SupportRow } from '../store/queries';

/**
 * The cluster map as a graph ready for cytoscape: compound district nodes holding firm nodes,
 * supply and scrap-return edges supplier → buyer, and mentoring edges mentor → mentee. Pure and
 * deterministic: same rows and filter, same elements in the same order.
 *
 * Scope:
 * - With `leaderId`, the leader and its suppliers up to `tiers` steps upstream (supply orders of the
 *   year and segments); edges only among them.
 * - Otherwise every firm, narrowed to `districtCodes` and, with `segmentCodes`, to firms that make
 *   or trade those segments; edges touching a firm in scope are drawn, and the partner at the other
 *   end is drawn too, inside its own district (so Anrui's supplier in Guang'an shows).
 * - Mentoring ties are drawn where they began by the year (`since` ≤ year) and touch the scope.
 */

export type ClusterNodeKind = 'DISTRICT' | 'CHAIN_LEADER' | 'OEM' | 'RECYCLER' | 'SUPPLIER';
export type ClusterEdgeKind = OrderKind | 'SUPPORT';

export interface ClusterGraphFilter {
  districtCodes: readonly string[];
  leaderId: string | null;
  tiers: number;
  segmentCodes: readonly string[];
  year: number | null;
  includeScrap: boolean;
  includeSupport: boolean;
}

export interface ClusterNode {
  id: string;
  kind: ClusterNodeKind;
  labelZh: string;
  labelEn: string;
  /** The district compound of a firm node; null for districts. */
  parent: string | null;
  firmId: string | null;
  districtCode: string;
  inRegion: boolean;
  /** 0–1, square root of output against the largest output drawn; 0 when unknown and for districts. */
  size: number;
  outputCny: number | null;
  /** The firm's coordinates, else its district seat. */
  lat: number;
  lng: number;
  /** Tier upstream of the leader (0 is the leader) when the graph is a leader's chain. */
  tier: number | null;
}

export interface ClusterEdge {
  id: string;
  source: string;
  target: string;
  kind: ClusterEdgeKind;
  supplierId: string;
  buyerId: string;
  segmentCode: string | null;
  /** The summed value; whether the viewer may see it is decided by the API layer. */
  amountCny: number | null;
  orderCount: number;
  supportKinds: SupportKind[];
  since: string | null;
}

export interface ClusterGraph {
  nodes: ClusterNode[];
  edges: ClusterEdge[];
}

export interface ClusterGraphInput {
  firms: readonly ClusterFirmRow[];
  districts: readonly DistrictRow[];
  /** Already narrowed to the year and segments of the filter. */
  flows: readonly ClusterFlowRow[];
  supports: readonly SupportRow[];
  /** Firms that make the filter's segments; ignored without segment codes. */
  makers: ReadonlySet<string>;
}

export const firmNodeId = (id: string): string => `firm:${id}`;
export const districtNodeId = (code: string): string => `district:${code}`;

function firmKind(f: ClusterFirmRow): ClusterNodeKind {
  if (f.isChainLeader) return 'CHAIN_LEADER';
  if (f.isOem) return 'OEM';
  if (f.isRecycler) return 'RECYCLER';
  return 'SUPPLIER';
}

/** Began by the end of `year` ("2024-07" began in 2024); ties without a date always count. */
export function tieBegunBy(since: string | null, year: number | null): boolean {
  if (year == null || !since) return true;
  const began = Number.parseInt(since.slice(0, 4), 10);
  return Number.isNaN(began) || began <= year;
}

/** The leader and its suppliers, tier by tier upstream over supply flows. */
export function upstreamTiers(leaderId: string, flows: readonly ClusterFlowRow[], tiers: number): Map<string, number> {
  const suppliersOf = new Map<string, string[]>();
  for (const f of flows) {
    if (f.kind !== 'SUPPLY') continue;
    const list = suppliersOf.get(f.buyerId) ?? [];
    list.push(f.supplierId);
    suppliersOf.set(f.buyerId, list);
  }
  const tierOf = new Map<string, number>([[leaderId, 0]]);
  let frontier = [leaderId];
  for (let tier = 1; tier <= tiers && frontier.length > 0; tier += 1) {
    const next: string[] = [];
    for (const buyer of frontier) {
      for (const supplier of suppliersOf.get(buyer) ?? []) {
        if (tierOf.has(supplier)) continue;
        tierOf.set(supplier, tier);
        next.push(supplier);
      }
    }
    frontier = next;
  }
  return tierOf;
}

export function buildClusterGraph(input: ClusterGraphInput, filter: ClusterGraphFilter): ClusterGraph {
  const firmById = new Map(input.firms.map((f) => [f.id, f]));
  const districtByCode = new Map(input.districts.map((d) => [d.code, d]));
  const flows = input.flows.filter((f) => f.kind === 'SUPPLY' || filter.includeScrap);

  let tierOf: Map<string, number> | null = null;
  let scope: Set<string>;
  if (filter.leaderId != null) {
    tierOf = upstreamTiers(filter.leaderId, input.flows, filter.tiers);
    scope = new Set(tierOf.keys());
  } else {
    const districts = new Set(filter.districtCodes);
    scope = new Set(input.firms.filter((f) => districts.size === 0 || districts.has(f.districtCode)).map((f) => f.id));
    if (filter.segmentCodes.length > 0) {
      const trading = new Set(flows.flatMap((f) => [f.supplierId, f.buyerId]));
      scope = new Set([...scope].filter((id) => input.makers.has(id) || trading.has(id)));
    }
  }
  const closed = filter.leaderId != null || filter.segmentCodes.length > 0;
  const touches = (a: string, b: string): boolean => (closed ? scope.has(a) && scope.has(b) : scope.has(a) || scope.has(b));

  const drawn = new Set(scope);
  const edges: ClusterEdge[] = [];
  for (const f of flows) {
    if (!touches(f.supplierId, f.buyerId)) continue;
    drawn.add(f.supplierId);
    drawn.add(f.buyerId);
    edges.push({
      id: `flow:${f.kind}:${f.supplierId}>${f.buyerId}:${f.segmentCode}`,
      source: firmNodeId(f.supplierId),
      target: firmNodeId(f.buyerId),
      kind: f.kind,
      supplierId: f.supplierId,
      buyerId: f.buyerId,
      segmentCode: f.segmentCode,
      amountCny: f.amountCny,
      orderCount: f.orderCount,
      supportKinds: [],
      since: null,
    });
  }
  if (filter.includeSupport) {
    for (const s of input.supports) {
      if (!tieBegunBy(s.since, filter.year) || !touches(s.fromId, s.toId)) continue;
      drawn.add(s.fromId);
      drawn.add(s.toId);
      edges.push({
        id: `tie:${s.fromId}>${s.toId}`,
        source: firmNodeId(s.fromId),
        target: firmNodeId(s.toId),
        kind: 'SUPPORT',
        supplierId: s.fromId,
        buyerId: s.toId,
        segmentCode: null,
        amountCny: null,
        orderCount: 0,
        supportKinds: [...s.kinds].sort(),
        since: s.since,
      });
    }
  }

  const firms = [...drawn].flatMap((id) => {
    const firm = firmById.get(id);
    return firm && districtByCode.has(firm.districtCode) ? [firm] : [];
  });
  const keep = new Set(firms.map((f) => firmNodeId(f.id)));
  const maxOutput = Math.max(0, ...firms.map((f) => f.outputCny ?? 0));
  const districtNodes = new Map<string, ClusterNode>();
  const firmNodes: ClusterNode[] = [];
  for (const firm of firms) {
    const district = districtByCode.get(firm.districtCode);
    if (!district) continue;
    if (!districtNodes.has(district.code)) {
      districtNodes.set(district.code, {
        id: districtNodeId(district.code),
        kind: 'DISTRICT',
        labelZh: district.nameZh,
        labelEn: district.nameEn,
        parent: null,
        firmId: null,
        districtCode: district.code,
        inRegion: district.inRegion,
        size: 0,
        outputCny: null,
        lat: district.lat,
        lng: district.lng,
        tier: null,
      });
    }
    firmNodes.push({
      id: firmNodeId(firm.id),
      kind: firmKind(firm),
      labelZh: firm.shortNameZh ?? firm.nameZh,
      labelEn: firm.shortNameEn ?? firm.nameEn,
      parent: districtNodeId(district.code),
      firmId: firm.id,
      districtCode: district.code,
      inRegion: district.inRegion,
      size: maxOutput > 0 && firm.outputCny != null ? Math.sqrt(Math.max(0, firm.outputCny) / maxOutput) : 0,
      outputCny: firm.outputCny,
      lat: firm.lat ?? district.lat,
      lng: firm.lng ?? district.lng,
      tier: tierOf?.get(firm.id) ?? null,
    });
  }
  const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    nodes: [...[...districtNodes.values()].sort(byId), ...firmNodes.sort(byId)],
    edges: edges.filter((e) => keep.has(e.source) && keep.has(e.target)).sort(byId),
  };
}
