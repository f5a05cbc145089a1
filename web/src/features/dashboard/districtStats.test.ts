import { describe, expect, it } from 'vitest';
import type { ApiClusterEdge, ApiClusterGraph, ApiClusterNode } from '../../api/cluster';
import { districtStats } from './districtStats';

const d = (code: string, inRegion = true): ApiClusterNode => ({
  id: `district:${code}`, kind: 'DISTRICT', labelZh: code, labelEn: code, parent: null, firmId: null, districtCode: code, inRegion,
  size: 0, outputCny: null, lat: 0, lng: 0, tier: null,
});
const f = (id: string, code: string, kind: ApiClusterNode['kind'] = 'SUPPLIER', inRegion = true): ApiClusterNode => ({
  ...d(code, inRegion), id: `firm:${id}`, kind, parent: `district:${code}`, firmId: id,
});
const e = (s: string, t: string, amountCny: number | null, seg = 'ST'): ApiClusterEdge => ({
  id: `${s}>${t}:${seg}`, source: `firm:${s}`, target: `firm:${t}`, kind: 'SUPPLY', amountCny, amountHidden: amountCny === null, orderCount: 1,
  segment: { code: seg, nameZh: seg, nameEn: seg }, supportKinds: [], since: null,
});

const nodes = [d('A'), d('B'), d('X', false), f('lead', 'A', 'CHAIN_LEADER'), f('a2', 'A'), f('b1', 'B'), f('x1', 'X', 'SUPPLIER', false)];

describe('districtStats', () => {
  it('counts firms and chain leaders per district', () => {
    const stats = districtStats({ nodes, edges: [] });
    expect(stats.districts.map((r) => [r.code, r.firms, r.chainLeaders])).toEqual([['A', 2, 1], ['B', 1, 0], ['X', 1, 0]]);
  });

  it('sums flows between districts in CNY when every amount is visible', () => {
    const graph: ApiClusterGraph = { nodes, edges: [e('b1', 'lead', 300), e('x1', 'lead', 700, 'AL'), e('a2', 'lead', 50)] };
    const stats = districtStats(graph);
    expect(stats.measure).toBe('amount');
    expect(stats.districts.find((r) => r.code === 'A')).toMatchObject({ inflow: 1000, outflow: 0 });
    expect(stats.districts.find((r) => r.code === 'B')).toMatchObject({ outflow: 300 });
    // [buyer column, supplier row, value]: B (row 1) → A (column 0)
    expect(stats.matrix.cells).toEqual(expect.arrayContaining([[0, 1, 300], [0, 2, 700], [0, 0, 50]]));
    expect(stats.outsideSegments).toEqual([{ code: 'AL', nameZh: 'AL', nameEn: 'AL', value: 700 }]);
  });

  it('counts flows instead when any amount is hidden from the viewer', () => {
    const stats = districtStats({ nodes, edges: [e('b1', 'lead', null), e('x1', 'lead', 700)] });
    expect(stats.measure).toBe('count');
    expect(stats.districts.find((r) => r.code === 'A')?.inflow).toBe(2);
    expect(stats.outsideSegments[0]?.value).toBe(1);
  });
});
