import { describe, expect, it } from 'vitest';
import { buildClusterElements, primaryRole } from './model';
import type { ClusterElement, ClusterModelInput, FirmNodeData, FlowEdgeData, GraphDistrict, GraphFirm } from './model';

const hechuan: GraphDistrict = { code: '500117', nameZh: '合川区', nameEn: 'Hechuan District', inRegion: true, lat: 29.97, lng: 106.28 };
const bishan: GraphDistrict = { code: '500120', nameZh: '璧山区', nameEn: 'Bishan District', inRegion: true, lat: 29.59, lng: 106.23 };
const tongliang: GraphDistrict = { code: '500151', nameZh: '铜梁区', nameEn: 'Tongliang District', inRegion: true, lat: 29.84, lng: 106.06 };
const guangan: GraphDistrict = { code: '511600', nameZh: '广安市', nameEn: "Guang'an City", inRegion: false, lat: 30.46, lng: 106.63 };
const dazu: GraphDistrict = { code: '500111', nameZh: '大足区', nameEn: 'Dazu District', inRegion: true, lat: 29.71, lng: 105.72 };

const firm = (id: string, district: GraphDistrict, extra: Partial<GraphFirm> = {}): GraphFirm => ({
  id,
  nameZh: `重庆${id}有限公司`,
  nameEn: `Chongqing ${id} Co., Ltd.`,
  shortNameZh: `${id}简称`,
  shortNameEn: id[0]?.toUpperCase() + id.slice(1),
  district,
  isChainLeader: false,
  isOem: false,
  isRecycler: false,
  outputCny: null,
  ...extra,
});

const anrui = firm('anrui', hechuan, { isChainLeader: true });
const aofang = firm('aofang', bishan);
const jianya = firm('jianya', hechuan, { isChainLeader: true });
const yian = firm('yian', tongliang, { outputCny: 180_000_000 });
const tianchiyu = firm('tianchiyu', hechuan, { outputCny: 80_000_000 });
const pingwei = firm('pingwei', hechuan, { isChainLeader: true });
const shunbo = firm('shunbo', hechuan, { isRecycler: true });
const ruitong = firm('ruitong', bishan);
const guanganMoto = firm('guangan-moto', guangan);
const ST = { code: 'SURFACE_TREATMENT', nameZh: '表处件', nameEn: 'Surface-treated parts' };
const AL = { code: 'RECYCLED_AL', nameZh: '再生铝', nameEn: 'Recycled aluminium' };
const SCRAP = { code: 'SCRAP_AL', nameZh: '废铝(报废料)', nameEn: 'Scrap aluminium' };

const input: ClusterModelInput = {
  districts: [hechuan, bishan, tongliang, guangan, dazu],
  firms: [anrui, aofang, jianya, yian, tianchiyu, pingwei, shunbo, ruitong],
  flows: [
    { supplier: guanganMoto, buyer: anrui, segment: ST, kind: 'SUPPLY', amountCny: 3_000_000, orderCount: 1 },
    { supplier: shunbo, buyer: ruitong, segment: AL, kind: 'SUPPLY', amountCny: 83_000_000, orderCount: 1 },
    { supplier: ruitong, buyer: shunbo, segment: SCRAP, kind: 'SCRAP_RETURN', amountCny: 17_000_000, orderCount: 1 },
  ],
  ties: [
    { from: jianya, to: yian, kinds: ['TECHNOLOGY', 'MANAGEMENT', 'ORDERS'], since: '2009' },
    { from: pingwei, to: tianchiyu, kinds: ['EQUIPMENT'], since: '2024-07' },
  ],
};

const ids = (elements: ClusterElement[]): string[] => elements.map((e) => e.data.id);
const byId = (elements: ClusterElement[], id: string): ClusterElement => {
  const found = elements.find((e) => e.data.id === id);
  if (!found) throw new Error(`no element ${id}`);
  return found;
};
const labelOf = (elements: ClusterElement[], id: string): string | undefined => {
  const { data } = byId(elements, id);
  return 'label' in data ? data.label : undefined;
};

describe('buildClusterElements', () => {
  it('gives stable ids in a stable order, whatever the input order', () => {
    const a = buildClusterElements(input, { lang: 'zh', year: 2024 });
    const shuffled: ClusterModelInput = {
      districts: [...input.districts].reverse(),
      firms: [...input.firms].reverse(),
      flows: [...input.flows].reverse(),
      ties: [...input.ties].reverse(),
    };
    const b = buildClusterElements(shuffled, { lang: 'zh', year: 2024 });
    expect(b).toEqual(a);
    expect(ids(a)).toEqual([
      'district:500117',
      'district:500120',
      'district:500151',
      'district:511600',
      'firm:anrui',
      'firm:aofang',
      'firm:guangan-moto',
      'firm:jianya',
      'firm:pingwei',
      'firm:ruitong',
      'firm:shunbo',
      'firm:tianchiyu',
      'firm:yian',
      'flow:SCRAP_RETURN:ruitong>shunbo:SCRAP_AL',
      'flow:SUPPLY:guangan-moto>anrui:SURFACE_TREATMENT',
      'flow:SUPPLY:shunbo>ruitong:RECYCLED_AL',
      'tie:jianya>yian',
      'tie:pingwei>tianchiyu',
    ]);
  });

  it('makes a compound parent per district that holds a firm, and only those', () => {
    const elements = buildClusterElements(input, { lang: 'zh' });
    const districts = elements.filter((e) => e.data.kind === 'district');
    expect(districts.map((d) => d.data.id)).not.toContain('district:500111'); // Dazu: no firm here
    expect(byId(elements, 'firm:aofang').data).toMatchObject({ parent: 'district:500120', districtLabel: '璧山区' });
    expect(byId(elements, 'district:511600')).toMatchObject({ classes: 'district outside', selectable: false });
    expect(byId(elements, 'district:500117').data).toMatchObject({ label: '合川区', inRegion: true });
  });

  it('adds firms met only at the end of a flow, classed by role and region', () => {
    const elements = buildClusterElements(input, { lang: 'zh' });
    expect(byId(elements, 'firm:guangan-moto')).toMatchObject({ classes: 'firm role-supplier outside output-unknown' });
    expect(byId(elements, 'firm:anrui').classes).toBe('firm role-chain-leader output-unknown');
    expect(byId(elements, 'firm:shunbo').classes).toContain('role-recycler');
    expect(byId(elements, 'firm:yian').classes).toBe('firm role-supplier');
  });

  it('labels in the UI language and falls back to the full name', () => {
    const zh = buildClusterElements(input, { lang: 'zh' });
    const en = buildClusterElements(input, { lang: 'en' });
    expect(byId(zh, 'firm:aofang').data).toMatchObject({ label: 'aofang简称', name: '重庆aofang有限公司' });
    expect(byId(en, 'firm:aofang').data).toMatchObject({ label: 'Aofang', name: 'Chongqing aofang Co., Ltd.' });
    expect(labelOf(en, 'district:511600')).toBe("Guang'an City");
    expect(ids(en)).toEqual(ids(zh));
    const noShort = buildClusterElements(
      { ...input, firms: [{ ...aofang, shortNameEn: null }], flows: [], ties: [] },
      { lang: 'en' },
    );
    expect(labelOf(noShort, 'firm:aofang')).toBe('Chongqing aofang Co., Ltd.');
  });

  it('draws flows supplier → buyer, scrap returns apart, sized relative to the largest flow', () => {
    const elements = buildClusterElements(input, { lang: 'en' });
    const supply = byId(elements, 'flow:SUPPLY:shunbo>ruitong:RECYCLED_AL');
    expect(supply).toMatchObject({ classes: 'flow supply' });
    expect(supply.data).toMatchObject({ source: 'firm:shunbo', target: 'firm:ruitong', amountScore: 1, segmentLabel: 'Recycled aluminium' });
    const scrap = byId(elements, 'flow:SCRAP_RETURN:ruitong>shunbo:SCRAP_AL');
    expect(scrap.classes).toBe('flow scrap-return');
    expect((scrap.data as FlowEdgeData).amountScore).toBeCloseTo(Math.sqrt(17 / 83), 3);
  });

  it('sums flows that share a key, so ids stay unique', () => {
    const [first] = input.flows;
    if (!first) throw new Error('fixture has flows');
    const twice = { ...input, flows: [first, { ...first, amountCny: 10_000_000, orderCount: 2 }] };
    const elements = buildClusterElements(twice, { lang: 'zh' });
    const flows = elements.filter((e) => e.data.kind === 'supply');
    expect(flows).toHaveLength(1);
    expect(flows[0]?.data).toMatchObject({ amountCny: 13_000_000, orderCount: 3 });
    expect(new Set(ids(elements)).size).toBe(elements.length);
  });

  it('draws a flow of undisclosed value at a neutral width, scaling the others among themselves', () => {
    const [guangan, supply, scrap] = input.flows;
    if (!guangan || !supply || !scrap) throw new Error('fixture has three flows');
    // A firm user sees the amounts of its own orders only: here the largest flow is hidden.
    const partly = { ...input, flows: [guangan, { ...supply, amountCny: null }, scrap] };
    const elements = buildClusterElements(partly, { lang: 'zh' });
    const hidden = byId(elements, 'flow:SUPPLY:shunbo>ruitong:RECYCLED_AL');
    expect(hidden.classes).toBe('flow supply amount-hidden');
    expect(hidden.data).toMatchObject({ amountCny: null, amountScore: 0, orderCount: 1 });
    const shown = byId(elements, 'flow:SCRAP_RETURN:ruitong>shunbo:SCRAP_AL');
    expect(shown.classes).toBe('flow scrap-return');
    expect(shown.data).toMatchObject({ amountCny: 17_000_000, amountScore: 1 });
    expect((byId(elements, 'flow:SUPPLY:guangan-moto>anrui:SURFACE_TREATMENT').data as FlowEdgeData).amountScore).toBeCloseTo(
      Math.sqrt(3 / 17),
      3,
    );
  });

  it('hides every amount for an anonymous visitor without losing a link', () => {
    const anonymous = { ...input, flows: input.flows.map((flow) => ({ ...flow, amountCny: null })) };
    const flows = buildClusterElements(anonymous, { lang: 'en' }).filter((e) => e.data.kind !== 'support' && e.group === 'edges');
    expect(flows).toHaveLength(3);
    for (const flow of flows) {
      expect(flow.classes).toContain('amount-hidden');
      expect(flow.data).toMatchObject({ amountCny: null, amountScore: 0 });
    }
  });

  it('hides a sum that has a hidden part, rather than show a partial total', () => {
    const [first] = input.flows;
    if (!first) throw new Error('fixture has flows');
    const mixed = { ...input, flows: [first, { ...first, amountCny: null, orderCount: 2 }] };
    const flow = byId(buildClusterElements(mixed, { lang: 'zh' }), 'flow:SUPPLY:guangan-moto>anrui:SURFACE_TREATMENT');
    expect(flow.data).toMatchObject({ amountCny: null, orderCount: 3, amountScore: 0 });
    expect(flow.classes).toContain('amount-hidden');
  });

  it('leaves out ties that began after the year drawn', () => {
    expect(ids(buildClusterElements(input, { lang: 'zh', year: 2023 }))).not.toContain('tie:pingwei>tianchiyu');
    expect(ids(buildClusterElements(input, { lang: 'zh', year: 2024 }))).toContain('tie:pingwei>tianchiyu');
    expect(byId(buildClusterElements(input, { lang: 'zh', year: 2023 }), 'tie:jianya>yian')).toMatchObject({
      classes: 'support',
      data: { source: 'firm:jianya', target: 'firm:yian', supportKinds: ['MANAGEMENT', 'ORDERS', 'TECHNOLOGY'], since: '2009' },
    });
  });

  it('scales node size by output, unknown output at the minimum', () => {
    const elements = buildClusterElements(input, { lang: 'zh' });
    expect((byId(elements, 'firm:yian').data as FirmNodeData).outputScore).toBe(1);
    expect((byId(elements, 'firm:tianchiyu').data as FirmNodeData).outputScore).toBeCloseTo(Math.sqrt(80 / 180), 3);
    expect((byId(elements, 'firm:anrui').data as FirmNodeData).outputScore).toBe(0);
  });

  it('starts firms near their district seat, north up, none on top of another', () => {
    const elements = buildClusterElements(input, { lang: 'zh' });
    const pos = (id: string) => byId(elements, id).position ?? { x: Number.NaN, y: Number.NaN };
    expect(pos('firm:anrui').y).toBeLessThan(pos('firm:aofang').y); // Hechuan lies north of Bishan
    expect(pos('firm:yian').x).toBeLessThan(pos('firm:anrui').x); // Tongliang lies west of Hechuan
    const hechuanFirms = elements.filter((e) => e.data.kind === 'firm' && e.data.parent === 'district:500117');
    const keys = hechuanFirms.map((e) => `${e.position?.x},${e.position?.y}`);
    expect(new Set(keys).size).toBe(hechuanFirms.length);
  });

  it('gives an empty graph for empty input', () => {
    expect(buildClusterElements({ districts: [hechuan], firms: [], flows: [], ties: [] }, { lang: 'zh' })).toEqual([]);
  });
});

describe('primaryRole', () => {
  it('prefers chain leader, then OEM, then recycler', () => {
    expect(primaryRole({ isChainLeader: true, isOem: true, isRecycler: true })).toBe('chain-leader');
    expect(primaryRole({ isChainLeader: false, isOem: true, isRecycler: true })).toBe('oem');
    expect(primaryRole({ isChainLeader: false, isOem: false, isRecycler: true })).toBe('recycler');
    expect(primaryRole({ isChainLeader: false, isOem: false, isRecycler: false })).toBe('supplier');
  });
});
