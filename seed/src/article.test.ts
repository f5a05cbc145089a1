import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CAPACITY_UNITS,
  DISTRICT_LEVELS,
  ORDER_KINDS,
  ORDER_STATUSES,
  capabilityInputSchema,
  codeSchema,
  firmInputSchema,
  idSchema,
  needInputSchema,
  orderInputSchema,
  supportInputSchema,
  yearSchema,
} from '@yulian/schema';
import { articleDataset as ds } from './article';

const CJK = /[\u4e00-\u9fff]/;
const SYNTHETIC_PREFIX = 'Synthetic:';

const districtByCode = new Map(ds.districts.map((d) => [d.code, d]));
const segmentByCode = new Map(ds.segments.map((s) => [s.code, s]));
const firmById = new Map(ds.firms.map((f) => [f.id, f]));

function firm(id: string) {
  const f = firmById.get(id);
  if (!f) throw new Error(`no firm ${id}`);
  return f;
}

function inRegion(firmId: string): boolean {
  return districtByCode.get(firm(firmId).districtCode)?.inRegion ?? false;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function expectUnique(keys: string[]) {
  const seen = new Set<string>();
  const dups = keys.filter((k) => (seen.has(k) ? true : (seen.add(k), false)));
  expect(dups).toEqual([]);
}

/** True if the directed graph given by `edges` has a cycle. */
function hasCycle(nodes: Iterable<string>, edges: [string, string][]): boolean {
  const out = new Map<string, string[]>();
  for (const [a, b] of edges) out.set(a, [...(out.get(a) ?? []), b]);
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (n: string): boolean => {
    if (state.get(n) === 'done') return false;
    if (state.get(n) === 'visiting') return true;
    state.set(n, 'visiting');
    for (const m of out.get(n) ?? []) if (visit(m)) return true;
    state.set(n, 'done');
    return false;
  };
  for (const n of nodes) if (visit(n)) return true;
  return false;
}

describe('article dataset: identity and references', () => {
  it('has unique keys', () => {
    expectUnique(ds.districts.map((d) => d.code));
    expectUnique(ds.segments.map((s) => s.code));
    expectUnique(ds.firms.map((f) => f.id));
    expectUnique(ds.orders.map((o) => o.id));
    expectUnique(ds.goals.map((g) => g.id));
    expectUnique(ds.feeds.map((f) => `${f.from}>${f.to}`));
    expectUnique(ds.capabilities.map((c) => `${c.firmId}/${c.segmentCode}`));
    expectUnique(ds.needs.map((n) => `${n.firmId}/${n.segmentCode}`));
    expectUnique(ds.supports.map((s) => `${s.fromFirmId}>${s.toFirmId}`));
  });

  it('uses well-formed codes and ids', () => {
    for (const d of ds.districts) expect(codeSchema.safeParse(d.code).success, d.code).toBe(true);
    for (const s of ds.segments) expect(s.code, s.code).toMatch(/^[A-Za-z0-9_-]+$/);
    for (const s of ds.segments) expect(codeSchema.safeParse(s.code).success, s.code).toBe(true);
    for (const f of ds.firms) expect(f.id, f.id).toMatch(/^[a-z0-9-]+$/);
    for (const o of ds.orders) expect(idSchema.safeParse(o.id).success, o.id).toBe(true);
    for (const g of ds.goals) expect(idSchema.safeParse(g.id).success, g.id).toBe(true);
  });

  it('resolves every district, segment and firm reference', () => {
    const missing: string[] = [];
    const district = (code: string, where: string) => districtByCode.has(code) || missing.push(`${where}: district ${code}`);
    const segment = (code: string, where: string) => segmentByCode.has(code) || missing.push(`${where}: segment ${code}`);
    const firmRef = (id: string, where: string) => firmById.has(id) || missing.push(`${where}: firm ${id}`);

    for (const s of ds.segments) if (s.parent !== undefined) segment(s.parent, `segment ${s.code} parent`);
    for (const f of ds.feeds) {
      segment(f.from, 'feed');
      segment(f.to, 'feed');
    }
    for (const f of ds.firms) district(f.districtCode, `firm ${f.id}`);
    for (const c of ds.capabilities) {
      firmRef(c.firmId, 'capability');
      segment(c.segmentCode, `capability of ${c.firmId}`);
    }
    for (const n of ds.needs) {
      firmRef(n.firmId, 'need');
      segment(n.segmentCode, `need of ${n.firmId}`);
    }
    for (const o of ds.orders) {
      firmRef(o.supplierId, `order ${o.id}`);
      firmRef(o.buyerId, `order ${o.id}`);
      segment(o.segmentCode, `order ${o.id}`);
    }
    for (const s of ds.supports) {
      firmRef(s.fromFirmId, 'support');
      firmRef(s.toFirmId, 'support');
    }
    for (const g of ds.goals) district(g.districtCode, `goal ${g.id}`);
    expect(missing).toEqual([]);
  });
});

describe('article dataset: validators', () => {
  it('every firm passes firmInputSchema', () => {
    for (const f of ds.firms) {
      const r = firmInputSchema.safeParse({
        id: f.id,
        nameZh: f.nameZh,
        nameEn: f.nameEn,
        shortNameZh: f.shortNameZh,
        shortNameEn: f.shortNameEn,
        districtCode: f.districtCode,
        isChainLeader: f.isChainLeader,
        isOem: f.isOem,
        isRecycler: f.isRecycler,
        outputCny: f.outputCny,
        outputYear: f.outputYear,
        yieldRate: f.yieldRate,
        certifications: f.certifications,
        lat: f.lat,
        lng: f.lng,
        notes: f.notes,
      });
      expect(r.success, `${f.id}: ${r.error?.message ?? ''}`).toBe(true);
    }
  });

  it('every capability, need, order and support passes its schema', () => {
    for (const c of ds.capabilities) {
      const r = capabilityInputSchema.safeParse(c);
      expect(r.success, `${c.firmId}/${c.segmentCode}: ${r.error?.message ?? ''}`).toBe(true);
    }
    for (const n of ds.needs) {
      const r = needInputSchema.safeParse(n);
      expect(r.success, `${n.firmId}/${n.segmentCode}: ${r.error?.message ?? ''}`).toBe(true);
    }
    for (const o of ds.orders) {
      const r = orderInputSchema.safeParse(o);
      expect(r.success, `${o.id}: ${r.error?.message ?? ''}`).toBe(true);
    }
    for (const s of ds.supports) {
      const r = supportInputSchema.safeParse(s);
      expect(r.success, `${s.fromFirmId}>${s.toFirmId}: ${r.error?.message ?? ''}`).toBe(true);
    }
  });

  it('uses only known enum values, units and years', () => {
    for (const d of ds.districts) expect(DISTRICT_LEVELS).toContain(d.level);
    for (const o of ds.orders) {
      expect(ORDER_KINDS).toContain(o.kind);
      expect(ORDER_STATUSES).toContain(o.status);
      expect(o.year, o.id).toBeGreaterThanOrEqual(2023);
      expect(o.year, o.id).toBeLessThanOrEqual(2025);
      expect(o.amountCny, o.id).toBeGreaterThan(0);
    }
    const units: readonly string[] = CAPACITY_UNITS;
    for (const c of ds.capabilities) if (c.unit !== null) expect(units, `${c.firmId}/${c.segmentCode}`).toContain(c.unit);
    for (const n of ds.needs) if (n.unit !== null) expect(units, `${n.firmId}/${n.segmentCode}`).toContain(n.unit);
    for (const g of ds.goals) expect(yearSchema.safeParse(g.year).success).toBe(true);
    for (const f of ds.firms) {
      // An output needs its year and vice versa.
      expect(f.outputCny === null, f.id).toBe(f.outputYear === null);
    }
  });
});

describe('article dataset: districts and segments', () => {
  it('has the eight western districts in the region and the outside places out of it', () => {
    const region = ds.districts.filter((d) => d.inRegion).map((d) => d.code).sort();
    expect(region).toEqual(['500111', '500116', '500117', '500118', '500120', '500151', '500152', '500153']);
    for (const d of ds.districts.filter((x) => x.inRegion)) {
      expect(d.level).toBe('district');
      expect(d.province).toBe('重庆');
    }
    expect(districtByCode.get('500106')).toMatchObject({ inRegion: false, level: 'district' });
    expect(districtByCode.get('511600')).toMatchObject({ inRegion: false, level: 'city', province: '四川' });
    expect(districtByCode.get('LJXQ')).toMatchObject({ inRegion: false, level: 'zone' });
    // Seats lie in or near Chongqing.
    for (const d of ds.districts) {
      expect(d.lat).toBeGreaterThan(28.5);
      expect(d.lat).toBeLessThan(31);
      expect(d.lng).toBeGreaterThan(105);
      expect(d.lng).toBeLessThan(107.5);
    }
  });

  it('segments form a tree without cycles', () => {
    const edges = ds.segments.filter((s) => s.parent !== undefined).map((s): [string, string] => [s.code, s.parent as string]);
    expect(hasCycle(segmentByCode.keys(), edges)).toBe(false);
    expect(ds.segments.filter((s) => s.parent === undefined)).toHaveLength(1);
  });

  it('FEEDS is acyclic and carries the aluminium chain', () => {
    const edges = ds.feeds.map((f): [string, string] => [f.from, f.to]);
    expect(hasCycle(segmentByCode.keys(), edges)).toBe(false);
    const has = (from: string, to: string) => ds.feeds.some((f) => f.from === from && f.to === to);
    expect(has('SCRAP_AL', 'RECYCLED_AL')).toBe(true);
    expect(has('RECYCLED_AL', 'AL_DIE_CASTING')).toBe(true);
    expect(has('AL_DIE_CASTING', 'BATTERY_ENCLOSURE')).toBe(true);
    expect(has('BRAKE_DRUM', 'DRIVE_AXLE')).toBe(true);
    expect(has('SURFACE_TREATMENT', 'LIGHTING')).toBe(true);
    expect(has('INJECTION_MOULDING', 'LIGHTING')).toBe(true);
  });

  it('has the segments the stories name', () => {
    for (const code of [
      'SCRAP_AL', 'RECYCLED_AL', 'AL_DIE_CASTING', 'BATTERY_ENCLOSURE', 'SURFACE_TREATMENT', 'INJECTION_MOULDING',
      'LIGHTING', 'BRAKE_DRUM', 'DRIVE_AXLE', 'E_DRIVE', 'TRIM', 'VEHICLE_ASSEMBLY',
    ]) {
      expect(segmentByCode.has(code), code).toBe(true);
    }
  });
});

describe('article dataset: sources', () => {
  type Sourced = { label: string; source: string; synthetic: boolean | null };
  const sourced: Sourced[] = [
    ...ds.firms.map((f) => ({ label: `firm ${f.id}`, source: f.source, synthetic: f.synthetic })),
    ...ds.orders.map((o) => ({ label: `order ${o.id}`, source: o.source, synthetic: o.synthetic })),
    ...ds.supports.map((s) => ({ label: `support ${s.fromFirmId}>${s.toFirmId}`, source: s.source, synthetic: s.synthetic })),
    // Capabilities, needs and goals have no flag: the "Synthetic:" prefix marks invented ones.
    ...ds.capabilities.map((c) => ({ label: `capability ${c.firmId}/${c.segmentCode}`, source: c.source, synthetic: null })),
    ...ds.needs.map((n) => ({ label: `need ${n.firmId}/${n.segmentCode}`, source: n.source, synthetic: null })),
    ...ds.goals.map((g) => ({ label: `goal ${g.id}`, source: g.source, synthetic: false })),
  ];
  const isSynthetic = (s: Sourced) => s.synthetic ?? s.source.startsWith(SYNTHETIC_PREFIX);

  it('every synthetic record says why it exists', () => {
    for (const s of sourced.filter(isSynthetic)) {
      expect(s.source.startsWith(SYNTHETIC_PREFIX), s.label).toBe(true);
      expect(s.source.length, s.label).toBeGreaterThan(SYNTHETIC_PREFIX.length + 10);
    }
  });

  it('every real record quotes the article (Chinese, whitespace normalised)', () => {
    for (const s of sourced.filter((x) => !isSynthetic(x))) {
      expect(s.source, s.label).toMatch(CJK);
      expect(s.source, s.label).not.toMatch(/\s/);
    }
  });

  // The article lives in the shared folder beside the repository; check the quotes against it
  // when it is there, and skip otherwise.
  const articlePath = fileURLToPath(new URL('../../../shared/seeds/000_aae186701d38811f.txt', import.meta.url));
  it.skipIf(!existsSync(articlePath))('real quotes appear verbatim in the article', () => {
    const article = readFileSync(articlePath, 'utf8').replace(/\s+/g, '');
    for (const s of sourced.filter((x) => !isSynthetic(x))) expect(article.includes(s.source), s.label).toBe(true);
  });
});

describe('article dataset: consistency of flows', () => {
  it('suppliers make and buyers need what supply orders carry', () => {
    const makes = new Set(ds.capabilities.map((c) => `${c.firmId}/${c.segmentCode}`));
    const needs = new Set(ds.needs.map((n) => `${n.firmId}/${n.segmentCode}`));
    for (const o of ds.orders.filter((x) => x.kind === 'SUPPLY')) {
      expect(makes.has(`${o.supplierId}/${o.segmentCode}`), `${o.id}: supplier makes`).toBe(true);
      expect(needs.has(`${o.buyerId}/${o.segmentCode}`), `${o.id}: buyer needs`).toBe(true);
    }
  });

  it('scrap returns go to a recycler as scrap aluminium', () => {
    const returns = ds.orders.filter((o) => o.kind === 'SCRAP_RETURN');
    expect(returns.length).toBeGreaterThan(0);
    for (const o of returns) {
      expect(o.segmentCode, o.id).toBe('SCRAP_AL');
      expect(firm(o.buyerId).isRecycler, o.id).toBe(true);
    }
  });

  it('every chain leader has local suppliers and at least one chain gap', () => {
    const leaders = ds.firms.filter((f) => f.isChainLeader).map((f) => f.id);
    expect(leaders.sort()).toEqual(['anrui', 'jianya', 'pingwei']);
    for (const id of leaders) {
      const bought = ds.orders.filter((o) => o.buyerId === id && o.kind === 'SUPPLY');
      expect(bought.some((o) => inRegion(o.supplierId)), `${id} local`).toBe(true);
      expect(bought.some((o) => !inRegion(o.supplierId)), `${id} gap`).toBe(true);
    }
  });

  it('OEMs are outside the region and buy from the chain leaders', () => {
    const oems = ds.firms.filter((f) => f.isOem);
    expect(oems.map((f) => f.id).sort()).toEqual(['changan', 'seres']);
    for (const f of oems) expect(f.districtCode).toBe('LJXQ');
    for (const leader of ['anrui', 'jianya', 'pingwei']) {
      expect(ds.orders.some((o) => o.supplierId === leader && firm(o.buyerId).isOem), leader).toBe(true);
    }
  });
});

describe('article dataset: facts from the article', () => {
  const orderAmount = (supplierId: string, buyerId: string, year: number, segmentCode?: string) =>
    sum(
      ds.orders
        .filter((o) => o.supplierId === supplierId && o.buyerId === buyerId && o.year === year)
        .filter((o) => segmentCode === undefined || o.segmentCode === segmentCode)
        .map((o) => o.amountCny),
    );

  it('has every firm the article names, in its district', () => {
    const expected: Record<string, string> = {
      anrui: '500117',
      aofang: '500120',
      jianya: '500117',
      yian: '500151',
      shunbo: '500117',
      ruitong: '500120',
      pingwei: '500117',
      tianchiyu: '500117',
    };
    for (const [id, code] of Object.entries(expected)) {
      expect(firm(id).districtCode, id).toBe(code);
      expect(firm(id).synthetic, id).toBe(false);
      expect(firm(id).nameZh, id).toMatch(/^重庆.+有限公司$/);
    }
    expect(firm('shunbo').nameZh).toMatch(/股份有限公司$/);
    expect(firm('ruitong').nameZh).toMatch(/股份有限公司$/);
    expect(firm('shunbo').isRecycler).toBe(true);
  });

  it('Aofang: Bishan, 90% yield, ~600,000 sets of surface treatment with spare capacity', () => {
    const aofang = firm('aofang');
    expect(aofang.districtCode).toBe('500120');
    expect(aofang.yieldRate).toBe(0.9);
    const st = ds.capabilities.find((c) => c.firmId === 'aofang' && c.segmentCode === 'SURFACE_TREATMENT');
    expect(st).toMatchObject({ capacity: 600_000, unit: 'sets', yieldRate: 0.9 });
    expect(st?.utilisation).toBeGreaterThanOrEqual(0.7);
    expect(st?.utilisation).toBeLessThan(0.95);
    expect(ds.capabilities.some((c) => c.firmId === 'aofang' && c.segmentCode === 'INJECTION_MOULDING')).toBe(true);
  });

  it("Anrui: surface treatment from Guang'an in 2023, from Aofang in 2024 and 2025", () => {
    const guangan = ds.orders.filter((o) => o.buyerId === 'anrui' && o.segmentCode === 'SURFACE_TREATMENT' && o.year === 2023);
    expect(guangan).toHaveLength(1);
    const [g] = guangan;
    expect(g && firm(g.supplierId)).toMatchObject({ districtCode: '511600', yieldRate: 0.7 });
    expect(g && inRegion(g.supplierId)).toBe(false);
    expect(ds.orders.some((o) => o.supplierId === 'aofang' && o.year === 2023)).toBe(false);
    expect(orderAmount('aofang', 'anrui', 2024)).toBe(3_000_000);
    expect(orderAmount('aofang', 'anrui', 2025)).toBe(10_000_000);
    expect(ds.orders.find((o) => o.id === 'o-2025-aofang-anrui-st')?.status).toBe('EXPECTED');
  });

  it('has local surface-treatment candidates that differ in what ranking weighs', () => {
    const local = ds.capabilities.filter(
      (c) => c.segmentCode === 'SURFACE_TREATMENT' && c.firmId !== 'aofang' && inRegion(c.firmId),
    );
    expect(local.length).toBeGreaterThanOrEqual(3);
    expect(local.some((c) => (c.utilisation ?? 0) >= 0.95)).toBe(true);
    expect(local.some((c) => !firm(c.firmId).certifications.includes('IATF 16949'))).toBe(true);
    for (const c of local) expect(c.yieldRate ?? 0).toBeLessThan(0.9);
  });

  it("Jianya buys 25 million of brake drums from Yi'an in 2024 and 2025", () => {
    expect(orderAmount('yian', 'jianya', 2024, 'BRAKE_DRUM')).toBe(25_000_000);
    expect(orderAmount('yian', 'jianya', 2025, 'BRAKE_DRUM')).toBe(25_000_000);
    expect(firm('yian')).toMatchObject({ outputCny: 180_000_000, outputYear: 2025 });
    const regional = new Set(ds.orders.filter((o) => o.buyerId === 'jianya' && inRegion(o.supplierId)).map((o) => o.supplierId));
    expect(regional.size).toBeGreaterThanOrEqual(5);
    expect(new Set([...regional].map((id) => firm(id).districtCode)).size).toBeGreaterThanOrEqual(4);
  });

  it('Shunbo and Ruitong trade about 100 million a year, supply one way and scrap the other', () => {
    for (const year of [2024, 2025]) {
      const supply = ds.orders.filter((o) => o.year === year && o.kind === 'SUPPLY' && o.supplierId === 'shunbo' && o.buyerId === 'ruitong');
      const scrap = ds.orders.filter((o) => o.year === year && o.kind === 'SCRAP_RETURN' && o.supplierId === 'ruitong' && o.buyerId === 'shunbo');
      expect(supply).toHaveLength(1);
      expect(scrap).toHaveLength(1);
      expect(supply[0]?.segmentCode).toBe('RECYCLED_AL');
      expect(sum([...supply, ...scrap].map((o) => o.amountCny))).toBe(100_000_000);
    }
  });

  it('Tianchiyu: output above 80 million in 2024, close to 60% of it from Pingwei', () => {
    expect(firm('tianchiyu')).toMatchObject({ outputCny: 80_000_000, outputYear: 2024 });
    for (const year of [2024, 2025]) {
      const sales = ds.orders.filter((o) => o.supplierId === 'tianchiyu' && o.year === year);
      const total = sum(sales.map((o) => o.amountCny));
      const share = orderAmount('tianchiyu', 'pingwei', year) / total;
      expect(share, String(year)).toBeGreaterThanOrEqual(0.55);
      expect(share, String(year)).toBeLessThanOrEqual(0.65);
    }
    expect(sum(ds.orders.filter((o) => o.supplierId === 'tianchiyu' && o.year === 2024).map((o) => o.amountCny))).toBeGreaterThanOrEqual(80_000_000);
    expect(sum(ds.orders.filter((o) => o.supplierId === 'tianchiyu' && o.year === 2025).map((o) => o.amountCny))).toBe(150_000_000);
  });

  it('has the two mentoring ties', () => {
    expect(ds.supports.find((s) => s.fromFirmId === 'jianya' && s.toFirmId === 'yian')).toMatchObject({ since: '2009' });
    expect(ds.supports.find((s) => s.fromFirmId === 'jianya' && s.toFirmId === 'yian')?.kinds.sort()).toEqual(['MANAGEMENT', 'ORDERS', 'TECHNOLOGY']);
    expect(ds.supports.find((s) => s.fromFirmId === 'pingwei' && s.toFirmId === 'tianchiyu')).toMatchObject({ since: '2024-07' });
    expect(ds.supports.find((s) => s.fromFirmId === 'pingwei' && s.toFirmId === 'tianchiyu')?.kinds.sort()).toEqual(['EQUIPMENT', 'ORDERS', 'TECHNOLOGY']);
  });

  it("has Hechuan's 2025 goal", () => {
    expect(ds.goals.find((g) => g.id === 'goal-500117-2025')).toMatchObject({
      districtCode: '500117',
      year: 2025,
      projects: 30,
      agreementCny: 11_000_000_000,
      outputCny: 22_000_000_000,
    });
  });
});
