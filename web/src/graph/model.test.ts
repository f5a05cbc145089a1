import { describe, expect, it } from 'vitest';
import type { ApiClusterEdge, ApiClusterGraph, ApiClusterNode } from '../api/cluster';
import { SIZE_STEPS, buildClusterElements, geoScale, spiralOffset } from './model';
import type { ClusterElement, FirmNodeData, FlowEdgeData } from './model';

const district = (code: string, lat: number, lng: number, inRegion = true): ApiClusterNode => ({
  id: `district:${code}`, kind: 'DISTRICT', labelZh: `区${code}`, labelEn: `D${code}`, parent: null, firmId: null,
  districtCode: code, inRegion, size: 0, outputCny: null, lat, lng, tier: null,
});
const firm = (id: string, code: string, extra: Partial<ApiClusterNode> = {}): ApiClusterNode => ({
  id: `firm:${id}`, kind: 'SUPPLIER', labelZh: `${id}简称`, labelEn: id, parent: `district:${code}`, firmId: id,
  districtCode: code, inRegion: true, size: 0, outputCny: null, lat: 0, lng: 0, tier: null, ...extra,
});
const flow = (s: string, t: string, amountCny: number | null, kind: ApiClusterEdge['kind'] = 'SUPPLY'): ApiClusterEdge => ({
  id: `flow:${kind}:${s}>${t}:X`, source: `firm:${s}`, target: `firm:${t}`, kind, amountCny, amountHidden: amountCny === null,
  orderCount: 1, segment: { code: 'X', nameZh: '表处件', nameEn: 'Surface-treated parts' }, supportKinds: [], since: null,
});

const graph: ApiClusterGraph = {
  nodes: [
    district('500117', 29.97, 106.28),
    district('500120', 29.59, 106.23),
    district('511600', 30.46, 106.63, false),
    firm('anrui', '500117', { kind: 'CHAIN_LEADER', size: 1, outputCny: 4e8 }),
    firm('shunbo', '500117', { kind: 'RECYCLER' }),
    firm('aofang', '500120'),
    firm('guangan', '511600', { inRegion: false }),
  ],
  edges: [
    flow('aofang', 'anrui', 3_000_000),
    flow('guangan', 'anrui', 12_000_000),
    flow('anrui', 'shunbo', null, 'SCRAP_RETURN'),
    { ...flow('shunbo', 'aofang', null, 'SUPPORT'), id: 'tie:shunbo>aofang', amountHidden: false, segment: null, supportKinds: ['ORDERS'], since: '2024-07' },
  ],
};
const byId = (els: ClusterElement[], id: string): ClusterElement => {
  const found = els.find((e) => e.data.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};

describe('buildClusterElements', () => {
  it('makes compound districts and firms classed by role and region', () => {
    const els = buildClusterElements(graph, { lang: 'zh' });
    expect(byId(els, 'district:511600')).toMatchObject({ classes: 'district outside', selectable: false });
    expect(byId(els, 'firm:anrui').classes).toBe('firm role-chain-leader');
    expect(byId(els, 'firm:shunbo').classes).toBe('firm role-recycler output-unknown');
    expect(byId(els, 'firm:guangan').classes).toContain('outside');
    expect(byId(els, 'firm:aofang').data).toMatchObject({ parent: 'district:500120', label: 'aofang简称', districtLabel: '区500120', firmId: 'aofang' });
    expect((byId(els, 'firm:anrui').data as FirmNodeData).outputScore).toBe(1);
  });

  it('sizes firms in a few steps, so that firms alike share one cached bitmap', () => {
    const sized = (size: number): number => {
      const els = buildClusterElements({ ...graph, nodes: [district('500117', 29.97, 106.28), firm('x', '500117', { size, outputCny: 1 })] }, { lang: 'zh' });
      return (byId(els, 'firm:x').data as FirmNodeData).outputScore;
    };
    expect(sized(0.3)).toBe(sized(0.31));
    expect(sized(0.3)).toBeLessThan(sized(0.5));
    expect([sized(0), sized(0.02), sized(0.97), sized(1)]).toEqual([0, 0, 1, 1]);
    expect(new Set(Array.from({ length: 101 }, (_, i) => sized(i / 100))).size).toBe(SIZE_STEPS + 1);
  });

  it('labels in the UI language, ids unchanged', () => {
    const zh = buildClusterElements(graph, { lang: 'zh' });
    const en = buildClusterElements(graph, { lang: 'en' });
    expect(en.map((e) => e.data.id)).toEqual(zh.map((e) => e.data.id));
    expect(byId(en, 'firm:aofang').data).toMatchObject({ label: 'aofang' });
    expect(byId(en, 'flow:SUPPLY:aofang>anrui:X').data).toMatchObject({ segmentLabel: 'Surface-treated parts', sourceLabel: 'aofang', targetLabel: 'anrui' });
  });

  it('scales widths among visible amounts and draws hidden ones apart', () => {
    const els = buildClusterElements(graph, { lang: 'zh' });
    expect((byId(els, 'flow:SUPPLY:guangan>anrui:X').data as FlowEdgeData).amountScore).toBe(1);
    expect((byId(els, 'flow:SUPPLY:aofang>anrui:X').data as FlowEdgeData).amountScore).toBeCloseTo(0.5, 3);
    expect(byId(els, 'flow:SCRAP_RETURN:anrui>shunbo:X')).toMatchObject({ classes: 'flow scrap-return amount-hidden', data: { amountScore: 0, amountCny: null } });
    expect(byId(els, 'tie:shunbo>aofang')).toMatchObject({ classes: 'support', data: { kind: 'support', supportKinds: ['ORDERS'] } });
  });

  it('places firms around their district seat, north up, none on another', () => {
    const els = buildClusterElements(graph, { lang: 'zh' });
    const pos = (id: string) => byId(els, id).position ?? { x: Number.NaN, y: Number.NaN };
    expect(pos('firm:anrui').y).toBeLessThan(pos('firm:aofang').y); // Hechuan lies north of Bishan
    expect(pos('firm:anrui')).not.toEqual(pos('firm:shunbo'));
  });

  it('draws districts as regions behind their firms instead of compound parents when asked (big graphs)', () => {
    const els = buildClusterElements(graph, { lang: 'zh', compound: false });
    const hechuan = byId(els, 'district:500117');
    expect(hechuan.classes).toBe('district region');
    expect(hechuan.position).toBeDefined();
    expect((hechuan.data as { regionSize?: number }).regionSize).toBeGreaterThan(0);
    expect(byId(els, 'firm:anrui').data).not.toHaveProperty('parent');
    expect(byId(els, 'firm:anrui').data).toMatchObject({ districtId: 'district:500117' });
  });

  it('drops edges whose ends are not drawn, and gives nothing for nothing', () => {
    const lonely = { nodes: graph.nodes, edges: [flow('nobody', 'anrui', 1)] };
    expect(buildClusterElements(lonely, { lang: 'zh' }).filter((e) => e.group === 'edges')).toEqual([]);
    expect(buildClusterElements({ nodes: [], edges: [] }, { lang: 'zh' })).toEqual([]);
  });
});

describe('geographic placement', () => {
  it('spreads a district on a spiral whose points keep their distance', () => {
    const points = Array.from({ length: 200 }, (_, i) => spiralOffset(i, 200));
    let closest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < points.length; i += 1) {
      for (let j = i + 1; j < points.length; j += 1) {
        const a = points[i];
        const b = points[j];
        if (a && b) closest = Math.min(closest, Math.hypot(a.x - b.x, a.y - b.y));
      }
    }
    expect(closest).toBeGreaterThan(15);
    expect(spiralOffset(0, 1)).toEqual({ x: 0, y: 0 });
  });

  it('grows the map with the most crowded district so spirals of neighbours do not overlap', () => {
    expect(geoScale(1)).toBe(420);
    expect(geoScale(900)).toBeGreaterThan(geoScale(100));
  });
});
