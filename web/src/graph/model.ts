import type { EdgeDefinition, NodeDefinition, Position } from 'cytoscape';
import type { ApiClusterEdge, ApiClusterGraph, ApiClusterNode, ClusterNodeKind } from '../api/cluster';
import type { Lang } from '../i18n/lang';

/**
 * The cluster graph as data: the API's `clusterGraph` in, cytoscape element definitions out. Pure
 * and deterministic: the same graph gives the same elements, ids and positions in the same order.
 *
 * - Districts are compound parents (`district:<code>`), firms their children (`firm:<id>`), classed
 *   by primary role and by whether they lie outside the region.
 * - Flows are edges supplier → buyer (`flow:<kind>:<supplier>><buyer>:<segment>`), classed `supply`
 *   or `scrap-return`; a flow whose value the viewer may not see is classed `amount-hidden` and
 *   drawn at a neutral width. Widths scale among the visible amounts only, so a hidden amount
 *   cannot be read off the others.
 * - Mentoring ties are edges mentor → mentee (`tie:<from>><to>`).
 * - Every firm gets a geographic position: around its district seat, north up, on a sunflower
 *   spiral so that no two firms overlap whatever their number. This is the first picture drawn
 *   (no layout cost before the first paint) and the "geographic" layout.
 */

export type FirmRole = 'chain-leader' | 'oem' | 'recycler' | 'supplier';

export type DistrictNodeData = {
  id: string;
  kind: 'district';
  code: string;
  label: string;
  inRegion: boolean;
  /** Diameter of the district's region behind its firms when districts are not compound parents. */
  regionSize?: number;
};

/**
 * From this many elements, districts are drawn as regions behind their firms instead of compound
 * parents: with compound nodes cytoscape re-derives every style change over the element's
 * descendants, parents and edges, which costs seconds at thousands of firms.
 */
export const BIG_GRAPH = 2000;

/**
 * Firm sizes come in this many steps (5–6 model units apart: too close to tell apart by eye).
 * cytoscape caches a drawn firm as a small bitmap keyed by its style; firms of one role and step
 * share a bitmap, so the first frame draws a few dozen bitmaps instead of one per firm. With a size
 * of its own per firm, drawing 2,000 firms took about a third longer.
 */
export const SIZE_STEPS = 8;

const sizeStep = (score: number): number => Math.round(Math.min(1, Math.max(0, score)) * SIZE_STEPS) / SIZE_STEPS;

export type FirmNodeData = {
  id: string;
  kind: 'firm';
  firmId: string;
  /** The district compound; absent when districts are drawn as regions (big graphs). */
  parent?: string;
  districtId: string;
  label: string;
  districtLabel: string;
  role: FirmRole;
  inRegion: boolean;
  outputCny: number | null;
  /**
   * 0–1 from the API (√ of output against the largest drawn), in SIZE_STEPS steps; the stylesheet
   * maps it to size.
   */
  outputScore: number;
  tier: number | null;
};

export type FlowEdgeData = {
  id: string;
  kind: 'supply' | 'scrap-return';
  source: string;
  target: string;
  sourceLabel: string;
  targetLabel: string;
  segmentCode: string;
  segmentLabel: string;
  amountCny: number | null;
  orderCount: number;
  /** 0–1: √(amount ÷ the largest amount shown); 0 for a hidden amount. */
  amountScore: number;
};

export type SupportEdgeData = {
  id: string;
  kind: 'support';
  source: string;
  target: string;
  sourceLabel: string;
  targetLabel: string;
  supportKinds: string[];
  since: string | null;
};

export interface ClusterNode extends NodeDefinition {
  group: 'nodes';
  data: DistrictNodeData | FirmNodeData;
  classes: string;
}

export interface ClusterEdge extends EdgeDefinition {
  group: 'edges';
  data: FlowEdgeData | SupportEdgeData;
  classes: string;
}

export type ClusterElement = ClusterNode | ClusterEdge;

export const districtNodeId = (code: string): string => `district:${code}`;
export const firmNodeId = (firmId: string): string => `firm:${firmId}`;

const ROLE_OF: Record<Exclude<ClusterNodeKind, 'DISTRICT'>, FirmRole> = {
  CHAIN_LEADER: 'chain-leader',
  OEM: 'oem',
  RECYCLER: 'recycler',
  SUPPLIER: 'supplier',
};

export function roleOf(kind: ClusterNodeKind): FirmRole {
  return kind === 'DISTRICT' ? 'supplier' : ROLE_OF[kind];
}

/** Model units between neighbouring firms on a district's spiral. */
export const FIRM_SPACING = 38;
/** Model units per degree of latitude, at least; grows with the most crowded district. */
const MIN_GEO_SCALE = 420;
/** The closest district seats in the data lie about 0.2° apart. */
const CLOSEST_SEATS_DEG = 0.2;
const REFERENCE_LATITUDE = 29.8;
const GEO_STRETCH_X = 1.6;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Degrees to model units: north up, widened east–west to suit a wide, low box. */
export function geoScale(largestDistrict: number): number {
  const radius = FIRM_SPACING * Math.sqrt(Math.max(1, largestDistrict));
  return Math.max(MIN_GEO_SCALE, (2.2 * radius) / CLOSEST_SEATS_DEG);
}

export function geoPosition(lat: number, lng: number, scale: number): Position {
  const x = lng * scale * GEO_STRETCH_X * Math.cos((REFERENCE_LATITUDE * Math.PI) / 180);
  return { x: round(x), y: round(-lat * scale) };
}

/** The i-th of n points on a sunflower spiral around the origin; the first sits in the middle. */
export function spiralOffset(index: number, count: number): Position {
  if (count <= 1) return { x: 0, y: 0 };
  const r = FIRM_SPACING * Math.sqrt(index + 0.5);
  const a = index * GOLDEN_ANGLE;
  return { x: round(r * Math.cos(a)), y: round(r * Math.sin(a)) };
}

const round = (n: number): number => Math.round(n * 10) / 10;

export interface ClusterModelOptions {
  lang: Lang;
  /** Districts as compound parents (default), or as regions behind their firms. */
  compound?: boolean;
}

/** The spiral's radius for a district of `count` firms. */
const spiralRadius = (count: number): number => FIRM_SPACING * Math.sqrt(Math.max(1, count)) + FIRM_SPACING;

export function buildClusterElements(graph: ApiClusterGraph, options: ClusterModelOptions): ClusterElement[] {
  const compound = options.compound ?? true;
  const label = (n: Pick<ApiClusterNode, 'labelZh' | 'labelEn'>): string => (options.lang === 'zh' ? n.labelZh : n.labelEn);
  const districts = graph.nodes.filter((n) => n.kind === 'DISTRICT');
  const districtById = new Map(districts.map((d) => [d.id, d]));
  const firms = graph.nodes.filter((n) => n.kind !== 'DISTRICT');
  const firmById = new Map(firms.map((f) => [f.id, f]));

  const members = new Map<string, ApiClusterNode[]>();
  for (const firm of firms) {
    const key = firm.parent ?? '';
    const list = members.get(key) ?? [];
    list.push(firm);
    members.set(key, list);
  }
  const scale = geoScale(Math.max(0, ...[...members.values()].map((m) => m.length)));

  const elements: ClusterElement[] = districts.map((d) => {
    const data: DistrictNodeData = { id: d.id, kind: 'district', code: d.districtCode, label: label(d), inRegion: d.inRegion };
    const node: ClusterNode = { group: 'nodes', data, classes: d.inRegion ? 'district' : 'district outside', selectable: false };
    if (!compound) {
      data.regionSize = round(2 * spiralRadius(members.get(d.id)?.length ?? 1));
      node.classes += ' region';
      node.position = geoPosition(d.lat, d.lng, scale);
      node.grabbable = false;
    }
    return node;
  });

  for (const [parent, list] of members) {
    const district = districtById.get(parent);
    if (!district) continue;
    const seat = geoPosition(district.lat, district.lng, scale);
    list.forEach((firm, index) => {
      const role = roleOf(firm.kind);
      const offset = spiralOffset(index, list.length);
      elements.push({
        group: 'nodes',
        data: {
          id: firm.id,
          kind: 'firm',
          firmId: firm.firmId ?? firm.id.replace(/^firm:/, ''),
          ...(compound ? { parent } : {}),
          districtId: parent,
          label: label(firm),
          districtLabel: label(district),
          role,
          inRegion: firm.inRegion,
          outputCny: firm.outputCny,
          outputScore: sizeStep(firm.size),
          tier: firm.tier,
        },
        classes: ['firm', `role-${role}`, firm.inRegion ? '' : 'outside', firm.outputCny == null ? 'output-unknown' : '']
          .filter(Boolean)
          .join(' '),
        position: { x: round(seat.x + offset.x), y: round(seat.y + offset.y) },
      });
    });
  }

  const maxAmount = Math.max(0, ...graph.edges.map((e) => (e.kind === 'SUPPORT' ? 0 : (e.amountCny ?? 0))));
  const endLabel = (id: string): string => {
    const firm = firmById.get(id);
    return firm ? label(firm) : id;
  };
  for (const edge of graph.edges) {
    if (!firmById.has(edge.source) || !firmById.has(edge.target)) continue;
    elements.push(edgeElement(edge, endLabel, options.lang, maxAmount));
  }
  return elements;
}

function edgeElement(edge: ApiClusterEdge, endLabel: (id: string) => string, lang: Lang, maxAmount: number): ClusterEdge {
  const common = { id: edge.id, source: edge.source, target: edge.target, sourceLabel: endLabel(edge.source), targetLabel: endLabel(edge.target) };
  if (edge.kind === 'SUPPORT') {
    return { group: 'edges', data: { ...common, kind: 'support', supportKinds: edge.supportKinds, since: edge.since }, classes: 'support' };
  }
  const kind = edge.kind === 'SCRAP_RETURN' ? 'scrap-return' : 'supply';
  const amount = edge.amountHidden ? null : edge.amountCny;
  return {
    group: 'edges',
    data: {
      ...common,
      kind,
      segmentCode: edge.segment?.code ?? '',
      segmentLabel: edge.segment ? (lang === 'zh' ? edge.segment.nameZh : edge.segment.nameEn) : '',
      amountCny: amount,
      orderCount: edge.orderCount,
      amountScore: amount !== null && amount > 0 && maxAmount > 0 ? Math.round(Math.sqrt(amount / maxAmount) * 1e4) / 1e4 : 0,
    },
    classes: amount === null ? `flow ${kind} amount-hidden` : `flow ${kind}`,
  };
}

export function isFirmData(data: ClusterElement['data']): data is FirmNodeData {
  return data.kind === 'firm';
}
