import type { ApiClusterGraph } from '../../api/cluster';

/**
 * The district dashboard's figures, from one year's cluster graph. Pure: unit-tested without a
 * browser. Flows are measured in CNY when the viewer may see every amount, else counted, since a
 * sum with hidden parts would mislead.
 */

export interface DistrictRow {
  code: string;
  labelZh: string;
  labelEn: string;
  inRegion: boolean;
  firms: number;
  chainLeaders: number;
  /** Supply bought by firms of this district from other districts, and sold to them. */
  inflow: number;
  outflow: number;
}

export interface FlowMatrix {
  /** District codes, rows are suppliers' districts, columns buyers'. */
  codes: string[];
  cells: [number, number, number][];
  measure: 'amount' | 'count';
}

export interface SegmentOutside {
  code: string;
  nameZh: string;
  nameEn: string;
  value: number;
}

export interface DistrictStats {
  districts: DistrictRow[];
  matrix: FlowMatrix;
  outsideSegments: SegmentOutside[];
  measure: 'amount' | 'count';
}

export function districtStats(graph: ApiClusterGraph, topSegments = 8): DistrictStats {
  const supply = graph.edges.filter((e) => e.kind === 'SUPPLY');
  const measure: 'amount' | 'count' = supply.length > 0 && supply.every((e) => !e.amountHidden && e.amountCny !== null) ? 'amount' : 'count';
  const value = (e: (typeof supply)[number]): number => (measure === 'amount' ? (e.amountCny ?? 0) : 1);
  const districtOf = new Map(graph.nodes.filter((n) => n.kind !== 'DISTRICT').map((n) => [n.id, n.districtCode]));
  const inRegion = new Map(graph.nodes.filter((n) => n.kind !== 'DISTRICT').map((n) => [n.id, n.inRegion]));

  const rows = new Map<string, DistrictRow>();
  for (const d of graph.nodes.filter((n) => n.kind === 'DISTRICT')) {
    rows.set(d.districtCode, { code: d.districtCode, labelZh: d.labelZh, labelEn: d.labelEn, inRegion: d.inRegion, firms: 0, chainLeaders: 0, inflow: 0, outflow: 0 });
  }
  for (const n of graph.nodes) {
    const row = n.kind === 'DISTRICT' ? undefined : rows.get(n.districtCode);
    if (!row) continue;
    row.firms += 1;
    if (n.kind === 'CHAIN_LEADER') row.chainLeaders += 1;
  }

  const codes = [...rows.keys()].sort();
  const index = new Map(codes.map((c, i) => [c, i]));
  const cells = new Map<string, number>();
  const segments = new Map<string, SegmentOutside>();
  for (const e of supply) {
    const from = districtOf.get(e.source);
    const to = districtOf.get(e.target);
    if (from === undefined || to === undefined) continue;
    const v = value(e);
    const key = `${from}>${to}`;
    cells.set(key, (cells.get(key) ?? 0) + v);
    if (from !== to) {
      const buyer = rows.get(to);
      const seller = rows.get(from);
      if (buyer) buyer.inflow += v;
      if (seller) seller.outflow += v;
    }
    if (inRegion.get(e.source) === false && inRegion.get(e.target) === true && e.segment) {
      const s = segments.get(e.segment.code) ?? { ...e.segment, value: 0 };
      s.value += v;
      segments.set(e.segment.code, s);
    }
  }

  return {
    districts: codes.flatMap((c) => rows.get(c) ?? []),
    matrix: {
      codes,
      cells: [...cells].flatMap(([key, v]) => {
        const [from = '', to = ''] = key.split('>');
        const i = index.get(from);
        const j = index.get(to);
        return i === undefined || j === undefined ? [] : [[j, i, v] as [number, number, number]];
      }),
      measure,
    },
    outsideSegments: [...segments.values()].sort((a, b) => b.value - a.value || (a.code < b.code ? -1 : 1)).slice(0, topSegments),
    measure,
  };
}
