import { describe, expect, it } from 'vitest';
import type { ClusterFirmRow, ClusterFlowRow, DistrictRow, SupportRow } from '../store/queries';
import { buildClusterGraph, tieBegunBy, upstreamTiers, type ClusterGraphFilter, type ClusterGraphInput } from './cluster-graph';

const district = (code: string, inRegion = true): DistrictRow => ({
  code, nameZh: `区${code}`, nameEn: `D${code}`, inRegion, level: 'district', province: '重庆', lat: 29.5, lng: 106,
});
const firm = (id: string, districtCode: string, extra: Partial<ClusterFirmRow> = {}): ClusterFirmRow => ({
  id, nameZh: `重庆${id}有限公司`, nameEn: `${id} Co.`, shortNameZh: null, shortNameEn: null, districtCode,
  isChainLeader: false, isOem: false, isRecycler: false, outputCny: null, lat: null, lng: null, ...extra,
});
const flow = (supplierId: string, buyerId: string, kind: ClusterFlowRow['kind'] = 'SUPPLY', amountCny = 1_000_000): ClusterFlowRow => ({
  supplierId, buyerId, segmentCode: kind === 'SUPPLY' ? 'PART' : 'SCRAP', kind, amountCny, orderCount: 1,
});
const tie = (fromId: string, toId: string, since: string | null): SupportRow => ({ fromId, toId, kinds: ['ORDERS', 'EQUIPMENT'], since, synthetic: false, source: null });

const HC = '500117';
const BS = '500120';
const GA = '511600';
const input: ClusterGraphInput = {
  districts: [district(HC), district(BS), district(GA, false)],
  firms: [
    firm('anrui', HC, { isChainLeader: true, outputCny: 400_000_000 }),
    firm('aofang', BS, { outputCny: 100_000_000, shortNameZh: '奥方', shortNameEn: 'Aofang', lat: 29.6, lng: 106.2 }),
    firm('guangan', GA),
    firm('tier2', BS),
    firm('shunbo', HC, { isRecycler: true }),
    firm('ruitong', BS),
    firm('lonely', BS),
  ],
  flows: [flow('aofang', 'anrui'), flow('guangan', 'anrui'), flow('tier2', 'aofang'), flow('shunbo', 'ruitong'), flow('ruitong', 'shunbo', 'SCRAP_RETURN')],
  supports: [tie('anrui', 'aofang', '2024-07'), tie('shunbo', 'lonely', null)],
  makers: new Set(['lonely']),
};
const all: ClusterGraphFilter = { districtCodes: [], leaderId: null, tiers: 1, segmentCodes: [], year: 2024, includeScrap: true, includeSupport: true };
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe('buildClusterGraph', () => {
  it('draws every firm inside its district, edges supplier → buyer, sorted by id', () => {
    const g = buildClusterGraph(input, all);
    expect(ids(g.nodes).slice(0, 3)).toEqual(['district:500117', 'district:500120', 'district:511600']);
    expect(g.nodes.find((n) => n.id === 'firm:aofang')).toMatchObject({
      kind: 'SUPPLIER', parent: 'district:500120', labelZh: '奥方', labelEn: 'Aofang', size: 0.5, lat: 29.6, inRegion: true,
    });
    expect(g.nodes.find((n) => n.id === 'firm:guangan')).toMatchObject({ inRegion: false, lat: 29.5, size: 0, labelZh: '重庆guangan有限公司' });
    expect(g.nodes.find((n) => n.id === 'firm:shunbo')?.kind).toBe('RECYCLER');
    expect(g.edges.find((e) => e.id === 'flow:SUPPLY:aofang>anrui:PART')).toMatchObject({ source: 'firm:aofang', target: 'firm:anrui', amountCny: 1_000_000 });
    expect(ids(g.edges)).toEqual([...ids(g.edges)].sort());
    expect(ids(g.edges)).toContain('flow:SCRAP_RETURN:ruitong>shunbo:SCRAP');
    expect(g.edges.find((e) => e.kind === 'SUPPORT' && e.id === 'tie:anrui>aofang')?.supportKinds).toEqual(['EQUIPMENT', 'ORDERS']);
  });

  it('leaves out scrap returns and support ties when asked', () => {
    const g = buildClusterGraph(input, { ...all, includeScrap: false, includeSupport: false });
    expect(g.edges.map((e) => e.kind)).not.toContain('SCRAP_RETURN');
    expect(g.edges.map((e) => e.kind)).not.toContain('SUPPORT');
  });

  it('leaves out ties that began after the year', () => {
    expect(ids(buildClusterGraph(input, { ...all, year: 2023 }).edges)).not.toContain('tie:anrui>aofang');
    expect(tieBegunBy('2024-07', 2024)).toBe(true);
    expect(tieBegunBy(null, 2000)).toBe(true);
  });

  it('narrows to districts and still draws the partners at the other end of their edges', () => {
    const g = buildClusterGraph(input, { ...all, districtCodes: [HC], includeSupport: false });
    const firms = g.nodes.filter((n) => n.kind !== 'DISTRICT').map((n) => n.firmId);
    expect(firms).toEqual(expect.arrayContaining(['anrui', 'shunbo', 'aofang', 'guangan', 'ruitong']));
    expect(firms).not.toContain('tier2'); // trades with Aofang only, which is not in scope
    expect(firms).not.toContain('lonely');
  });

  it('draws a leader with its suppliers tier by tier', () => {
    const one = buildClusterGraph(input, { ...all, leaderId: 'anrui', tiers: 1, includeSupport: false });
    expect(one.nodes.filter((n) => n.firmId).map((n) => [n.firmId, n.tier])).toEqual([
      ['anrui', 0], ['aofang', 1], ['guangan', 1],
    ]);
    const two = buildClusterGraph(input, { ...all, leaderId: 'anrui', tiers: 2, includeSupport: false });
    expect(two.nodes.find((n) => n.firmId === 'tier2')?.tier).toBe(2);
    expect(ids(two.edges)).toContain('flow:SUPPLY:tier2>aofang:PART');
  });

  it('narrows to segments: makers and traders of them only', () => {
    const g = buildClusterGraph({ ...input, flows: [flow('shunbo', 'ruitong')] }, { ...all, segmentCodes: ['X'] });
    expect(g.nodes.filter((n) => n.firmId).map((n) => n.firmId)).toEqual(['lonely', 'ruitong', 'shunbo']);
    expect(ids(g.edges)).toEqual(['flow:SUPPLY:shunbo>ruitong:PART', 'tie:shunbo>lonely']);
  });

  it('gives an empty graph when nothing is in scope', () => {
    expect(buildClusterGraph(input, { ...all, districtCodes: ['000000'] })).toEqual({ nodes: [], edges: [] });
  });
});

describe('upstreamTiers', () => {
  it('stops at the asked depth and never revisits a firm', () => {
    const loop = [flow('a', 'b'), flow('b', 'a'), flow('c', 'a')];
    expect([...upstreamTiers('b', loop, 5)]).toEqual([['b', 0], ['a', 1], ['c', 2]]);
    expect([...upstreamTiers('b', loop, 1)]).toEqual([['b', 0], ['a', 1]]);
  });
});
