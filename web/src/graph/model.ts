import type { EdgeDefinition, NodeDefinition, Position } from 'cytoscape';
import type { Lang } from '../i18n/lang';

/**
 * The cluster graph as data: districts, firms, trade flows and mentoring ties in, cytoscape element
 * definitions out. Pure and deterministic: the same input gives the same elements, with the same
 * ids, in the same order, whatever order the input came in.
 *
 * - Every district that holds a firm becomes a compound parent node (`district:<code>`).
 * - Every firm becomes a node (`firm:<id>`), including firms that appear only as the end of a flow or
 *   a tie; its classes carry its primary role and whether it lies outside the region.
 * - Trade flows become edges supplier → buyer (`flow:<kind>:<supplier>><buyer>:<segment>`); flows
 *   with the same key are summed, so the ids stay unique even if several years are passed in.
 *   An amount the viewer may not see is null; such an edge is classed `amount-hidden` and drawn at
 *   a neutral width, and a sum with any hidden part is hidden, since a partial total would mislead.
 * - Support (mentoring) ties become edges mentor → mentee (`tie:<from>><to>`); with `year` set, a
 *   tie that began after that year is left out.
 * - Firms start at their district seat (lat/lng projected to the plane, north up), spread on a small
 *   circle; the layout refines from there, so districts keep their rough geography.
 */

export interface GraphDistrict {
  code: string;
  nameZh: string;
  nameEn: string;
  inRegion: boolean;
  lat?: number | null;
  lng?: number | null;
}

export interface GraphFirm {
  id: string;
  nameZh: string;
  nameEn: string;
  shortNameZh: string | null;
  shortNameEn: string | null;
  district: GraphDistrict;
  isChainLeader: boolean;
  isOem: boolean;
  isRecycler: boolean;
  outputCny: number | null;
}

export type FlowKind = 'SUPPLY' | 'SCRAP_RETURN';

export interface GraphFlow {
  supplier: GraphFirm;
  buyer: GraphFirm;
  segment: { code: string; nameZh: string; nameEn: string };
  kind: FlowKind;
  /** Null when withheld from the viewer. */
  amountCny: number | null;
  orderCount: number;
}

export interface GraphTie {
  from: GraphFirm;
  to: GraphFirm;
  kinds: readonly string[];
  since: string | null;
}

export interface ClusterModelInput {
  districts: readonly GraphDistrict[];
  firms: readonly GraphFirm[];
  flows: readonly GraphFlow[];
  ties: readonly GraphTie[];
}

export interface ClusterModelOptions {
  lang: Lang;
  /** The year being drawn; ties that began later are left out. */
  year?: number;
}

/** A firm's role for colour and shape; a firm with several roles shows the first that applies. */
export type FirmRole = 'chain-leader' | 'oem' | 'recycler' | 'supplier';

export type DistrictNodeData = {
  id: string;
  kind: 'district';
  code: string;
  label: string;
  inRegion: boolean;
};

export type FirmNodeData = {
  id: string;
  kind: 'firm';
  firmId: string;
  parent: string;
  label: string;
  name: string;
  districtLabel: string;
  role: FirmRole;
  inRegion: boolean;
  outputCny: number | null;
  /** 0–1: √(output ÷ the largest output drawn); 0 when unknown. The stylesheet maps it to size. */
  outputScore: number;
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
  /** Null when withheld from the viewer. */
  amountCny: number | null;
  orderCount: number;
  /**
   * 0–1: √(amount ÷ the largest amount shown). The stylesheet maps it to width; 0 for a hidden
   * amount, whose edge the `amount-hidden` class draws at a fixed width instead.
   */
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
export const flowEdgeId = (kind: FlowKind, supplierId: string, buyerId: string, segmentCode: string): string =>
  `flow:${kind}:${supplierId}>${buyerId}:${segmentCode}`;
export const tieEdgeId = (fromId: string, toId: string): string => `tie:${fromId}>${toId}`;

export function primaryRole(firm: Pick<GraphFirm, 'isChainLeader' | 'isOem' | 'isRecycler'>): FirmRole {
  if (firm.isChainLeader) return 'chain-leader';
  if (firm.isOem) return 'oem';
  if (firm.isRecycler) return 'recycler';
  return 'supplier';
}

/** Model units per degree of latitude. */
const GEO_SCALE = 420;
/** A degree of longitude is shorter by cos(latitude); the region is small enough for one reference latitude. */
const REFERENCE_LATITUDE = 29.8;
/**
 * East–west stretch: the graph sits in a wide, low box, and the western region is about as tall
 * as it is wide, so the sketch is widened rather than left in a narrow column. Directions hold.
 */
const GEO_STRETCH_X = 1.6;

export function geoPosition(lat: number, lng: number): Position {
  const x = lng * GEO_SCALE * GEO_STRETCH_X * Math.cos((REFERENCE_LATITUDE * Math.PI) / 180);
  return { x: round(x, 1), y: round(-lat * GEO_SCALE, 1) };
}

const round = (n: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function firmLabel(firm: GraphFirm, lang: Lang): string {
  const short = lang === 'zh' ? firm.shortNameZh : firm.shortNameEn;
  return short?.trim() ? short : lang === 'zh' ? firm.nameZh : firm.nameEn;
}

function tieStartYear(since: string | null): number | null {
  const year = since ? Number.parseInt(since.slice(0, 4), 10) : Number.NaN;
  return Number.isFinite(year) ? year : null;
}

export function buildClusterElements(input: ClusterModelInput, options: ClusterModelOptions): ClusterElement[] {
  const { lang } = options;
  const pick = (zh: string, en: string): string => (lang === 'zh' ? zh : en);

  // Firms: the list first, then any firm met only at the end of a flow or a tie.
  const firms = new Map<string, GraphFirm>();
  const addFirm = (firm: GraphFirm): void => {
    if (!firms.has(firm.id)) firms.set(firm.id, firm);
  };
  input.firms.forEach(addFirm);
  for (const flow of input.flows) {
    addFirm(flow.supplier);
    addFirm(flow.buyer);
  }
  const ties = input.ties.filter((tie) => {
    const start = tieStartYear(tie.since);
    return options.year === undefined || start === null || start <= options.year;
  });
  for (const tie of ties) {
    addFirm(tie.from);
    addFirm(tie.to);
  }

  // Districts: the district list is authoritative; a firm's own district fills any gap.
  const districtInfo = new Map<string, GraphDistrict>();
  for (const firm of firms.values()) districtInfo.set(firm.district.code, firm.district);
  for (const district of input.districts) districtInfo.set(district.code, district);

  const firmsByDistrict = new Map<string, GraphFirm[]>();
  for (const firm of [...firms.values()].sort((a, b) => byString(a.id, b.id))) {
    const list = firmsByDistrict.get(firm.district.code) ?? [];
    list.push(firm);
    firmsByDistrict.set(firm.district.code, list);
  }

  const districtNodes: ClusterNode[] = [...firmsByDistrict.keys()].sort(byString).map((code) => {
    const district = districtInfo.get(code);
    const inRegion = district?.inRegion ?? false;
    return {
      group: 'nodes',
      data: {
        id: districtNodeId(code),
        kind: 'district',
        code,
        label: district ? pick(district.nameZh, district.nameEn) : code,
        inRegion,
      },
      classes: inRegion ? 'district' : 'district outside',
      selectable: false,
    };
  });

  const maxOutput = Math.max(0, ...[...firms.values()].map((f) => f.outputCny ?? 0));
  const firmNodes: ClusterNode[] = [];
  for (const [code, members] of [...firmsByDistrict.entries()].sort(([a], [b]) => byString(a, b))) {
    const district = districtInfo.get(code);
    const seat = district?.lat != null && district.lng != null ? geoPosition(district.lat, district.lng) : null;
    const radius = members.length > 1 ? 26 + 14 * Math.sqrt(members.length) : 0;
    members.forEach((firm, index) => {
      const role = primaryRole(firm);
      const inRegion = district?.inRegion ?? firm.district.inRegion;
      const output = firm.outputCny != null && firm.outputCny > 0 ? firm.outputCny : null;
      const angle = (2 * Math.PI * index) / members.length - Math.PI / 2;
      const node: ClusterNode = {
        group: 'nodes',
        data: {
          id: firmNodeId(firm.id),
          kind: 'firm',
          firmId: firm.id,
          parent: districtNodeId(code),
          label: firmLabel(firm, lang),
          name: pick(firm.nameZh, firm.nameEn),
          districtLabel: district ? pick(district.nameZh, district.nameEn) : code,
          role,
          inRegion,
          outputCny: firm.outputCny,
          outputScore: output !== null && maxOutput > 0 ? round(Math.sqrt(output / maxOutput), 4) : 0,
        },
        classes: ['firm', `role-${role}`, inRegion ? '' : 'outside', output === null ? 'output-unknown' : '']
          .filter(Boolean)
          .join(' '),
      };
      if (seat) {
        node.position = {
          x: round(seat.x + radius * Math.cos(angle), 1),
          y: round(seat.y + radius * Math.sin(angle), 1),
        };
      }
      firmNodes.push(node);
    });
  }

  // Flows, summed by key.
  const flows = new Map<string, { flow: GraphFlow; amountCny: number | null; orderCount: number }>();
  for (const flow of input.flows) {
    const id = flowEdgeId(flow.kind, flow.supplier.id, flow.buyer.id, flow.segment.code);
    const seen = flows.get(id);
    if (seen) {
      seen.amountCny = seen.amountCny === null || flow.amountCny === null ? null : seen.amountCny + flow.amountCny;
      seen.orderCount += flow.orderCount;
    } else {
      flows.set(id, { flow, amountCny: flow.amountCny, orderCount: flow.orderCount });
    }
  }
  const maxAmount = Math.max(0, ...[...flows.values()].map((f) => f.amountCny ?? 0));
  const label = (firm: GraphFirm): string => firmLabel(firms.get(firm.id) ?? firm, lang);

  const flowEdges: ClusterEdge[] = [...flows.entries()].map(([id, { flow, amountCny, orderCount }]) => {
    const kind = flow.kind === 'SCRAP_RETURN' ? 'scrap-return' : 'supply';
    return {
      group: 'edges',
      data: {
        id,
        kind,
        source: firmNodeId(flow.supplier.id),
        target: firmNodeId(flow.buyer.id),
        sourceLabel: label(flow.supplier),
        targetLabel: label(flow.buyer),
        segmentCode: flow.segment.code,
        segmentLabel: pick(flow.segment.nameZh, flow.segment.nameEn),
        amountCny,
        orderCount,
        amountScore: amountCny !== null && maxAmount > 0 && amountCny > 0 ? round(Math.sqrt(amountCny / maxAmount), 4) : 0,
      },
      classes: amountCny === null ? `flow ${kind} amount-hidden` : `flow ${kind}`,
    };
  });

  const tieEdges = new Map<string, ClusterEdge>();
  for (const tie of ties) {
    const id = tieEdgeId(tie.from.id, tie.to.id);
    if (tieEdges.has(id)) continue;
    tieEdges.set(id, {
      group: 'edges',
      data: {
        id,
        kind: 'support',
        source: firmNodeId(tie.from.id),
        target: firmNodeId(tie.to.id),
        sourceLabel: label(tie.from),
        targetLabel: label(tie.to),
        supportKinds: [...tie.kinds].sort(byString),
        since: tie.since,
      },
      classes: 'support',
    });
  }

  const edges = [...flowEdges, ...tieEdges.values()].sort((a, b) => byString(a.data.id, b.data.id));
  return [...districtNodes, ...firmNodes.sort((a, b) => byString(a.data.id, b.data.id)), ...edges];
}

export function isFirmNode(element: ClusterElement): element is ClusterNode & { data: FirmNodeData } {
  return element.data.kind === 'firm';
}

export function isLinkEdge(element: ClusterElement): element is ClusterEdge {
  return element.group === 'edges';
}
