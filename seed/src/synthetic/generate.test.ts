import { describe, expect, it } from 'vitest';
import {
  capabilityInputSchema,
  firmInputSchema,
  haversineKm,
  needInputSchema,
  orderInputSchema,
  supportInputSchema,
} from '@yulian/schema';
import { articleDataset } from '../article';
import type { SeedDataset } from '../types';
import { generateDataset, SYNTHETIC_DISTRICT_CODES } from './index';

const SMALL = { firms: 2000, orders: 20_000, seed: 7 } as const;
const ds: SeedDataset = generateDataset(SMALL);

const districtByCode = new Map(ds.districts.map((d) => [d.code, d]));
const firmById = new Map(ds.firms.map((f) => [f.id, f]));
const segmentCodes = new Set(ds.segments.map((s) => s.code));
const inRegion = (firmId: string) => districtByCode.get(firmById.get(firmId)?.districtCode ?? '')?.inRegion ?? false;
const makes = new Set(ds.capabilities.map((c) => `${c.firmId}>${c.segmentCode}`));
const needs = new Set(ds.needs.map((n) => `${n.firmId}>${n.segmentCode}`));

function duplicates(keys: readonly string[]): string[] {
  const seen = new Set<string>();
  return keys.filter((k) => (seen.has(k) ? true : (seen.add(k), false)));
}

/** Every n-th item, so validating a large list stays quick while covering all of it evenly. */
function sample<T>(items: readonly T[], max: number): T[] {
  const step = Math.max(1, Math.floor(items.length / max));
  return items.filter((_, i) => i % step === 0);
}

describe('generateDataset', () => {
  it('gives the same dataset for the same seed and another for another seed', () => {
    expect(generateDataset(SMALL)).toEqual(ds);
    const other = generateDataset({ ...SMALL, seed: 8 });
    expect(other.orders.slice(0, 50)).not.toEqual(ds.orders.slice(0, 50));
  });

  it.each([
    [40, 0],
    [40, 100],
    [2000, 20_000],
    [12_345, 54_321],
  ])('makes exactly %i firms and %i orders', (firms, orders) => {
    const d = firms === SMALL.firms ? ds : generateDataset({ firms, orders, seed: 1 });
    expect(d.firms).toHaveLength(firms);
    expect(d.orders).toHaveLength(orders);
  });

  it('refuses sizes it cannot give a structure to', () => {
    expect(() => generateDataset({ firms: 39, orders: 10, seed: 1 })).toThrow(RangeError);
    expect(() => generateDataset({ firms: 100, orders: -1, seed: 1 })).toThrow(RangeError);
    expect(() => generateDataset({ firms: 100, orders: 10, seed: 1, years: [] })).toThrow(RangeError);
  });

  it('uses the article’s segment tree and feeds, and its districts plus the flagged outside ones', () => {
    expect(ds.segments).toEqual(articleDataset.segments);
    expect(ds.feeds).toEqual(articleDataset.feeds);
    for (const d of articleDataset.districts) expect(ds.districts).toContainEqual(d);
    const added = ds.districts.filter((d) => !articleDataset.districts.some((a) => a.code === d.code));
    expect(added.map((d) => d.code).sort()).toEqual([...SYNTHETIC_DISTRICT_CODES].sort());
    expect(added.every((d) => !d.inRegion)).toBe(true);
  });

  it('keeps ids unique and stable in form', () => {
    expect(duplicates(ds.firms.map((f) => f.id))).toEqual([]);
    expect(duplicates(ds.orders.map((o) => o.id))).toEqual([]);
    expect(ds.firms.every((f) => /^syn-f-\d{6}$/.test(f.id))).toBe(true);
    expect(ds.orders.every((o) => /^syn-o-\d{7}$/.test(o.id))).toBe(true);
    expect(duplicates(ds.capabilities.map((c) => `${c.firmId}>${c.segmentCode}`))).toEqual([]);
    expect(duplicates(ds.needs.map((n) => `${n.firmId}>${n.segmentCode}`))).toEqual([]);
    expect(duplicates(ds.supports.map((s) => `${s.fromFirmId}>${s.toFirmId}`))).toEqual([]);
  });

  it('refers only to firms, districts and segments it contains', () => {
    for (const f of ds.firms) expect(districtByCode.has(f.districtCode), f.id).toBe(true);
    for (const r of [...ds.capabilities, ...ds.needs]) {
      expect(firmById.has(r.firmId), r.firmId).toBe(true);
      expect(segmentCodes.has(r.segmentCode), r.segmentCode).toBe(true);
    }
    const badOrders = ds.orders.filter(
      (o) => !firmById.has(o.supplierId) || !firmById.has(o.buyerId) || !segmentCodes.has(o.segmentCode) || o.supplierId === o.buyerId,
    );
    expect(badOrders).toEqual([]);
    for (const s of ds.supports) {
      expect(firmById.has(s.fromFirmId) && firmById.has(s.toFirmId)).toBe(true);
    }
  });

  it('passes the shared validators', () => {
    const problems = (schema: { safeParse(v: unknown): { success: boolean } }, rows: readonly object[]) =>
      rows.filter((r) => !schema.safeParse(r).success);
    expect(problems(firmInputSchema, ds.firms)).toEqual([]);
    expect(problems(capabilityInputSchema, ds.capabilities)).toEqual([]);
    expect(problems(needInputSchema, ds.needs)).toEqual([]);
    expect(problems(supportInputSchema, ds.supports)).toEqual([]);
    expect(problems(orderInputSchema, sample(ds.orders, 5000))).toEqual([]);
  });

  it('marks every record synthetic with its seed', () => {
    const source = `synthetic generator seed ${SMALL.seed}`;
    expect(ds.firms.every((f) => f.synthetic && f.source === source)).toBe(true);
    expect(ds.orders.every((o) => o.synthetic && o.source === source)).toBe(true);
    expect(ds.supports.every((s) => s.synthetic && s.source === source)).toBe(true);
    expect([...ds.capabilities, ...ds.needs].every((r) => r.source === source)).toBe(true);
  });

  it('puts chain leaders in every western district, Hechuan the most', () => {
    const leaders = ds.firms.filter((f) => f.isChainLeader);
    const perDistrict = new Map<string, number>();
    for (const l of leaders) perDistrict.set(l.districtCode, (perDistrict.get(l.districtCode) ?? 0) + 1);
    const western = ds.districts.filter((d) => d.inRegion).map((d) => d.code);
    expect(western).toHaveLength(8);
    for (const code of western) expect(perDistrict.get(code) ?? 0, code).toBeGreaterThan(0);
    expect(Math.max(...perDistrict.values())).toBe(perDistrict.get('500117'));
    expect(leaders.every((l) => inRegion(l.id))).toBe(true);
    expect(ds.firms.filter((f) => f.isOem).length).toBeGreaterThanOrEqual(2);
    expect(ds.firms.filter((f) => f.isRecycler).length).toBeGreaterThanOrEqual(2);
  });

  it('has suppliers in all eight districts and 15–20% outside the region', () => {
    const suppliers = ds.firms.filter((f) => !f.isChainLeader && !f.isOem && !f.isRecycler);
    const outside = suppliers.filter((f) => !inRegion(f.id));
    expect(outside.length / suppliers.length).toBeGreaterThan(0.14);
    expect(outside.length / suppliers.length).toBeLessThan(0.22);
    const districtsWithSuppliers = new Set(suppliers.map((f) => f.districtCode));
    for (const d of ds.districts) expect(districtsWithSuppliers.has(d.code), d.code).toBe(true);
  });

  it('gives firms plausible capabilities and coordinates near their district seat', () => {
    const caps = ds.capabilities;
    expect(caps.every((c) => c.yieldRate != null && c.yieldRate >= 0.65 && c.yieldRate <= 0.99)).toBe(true);
    expect(caps.every((c) => c.utilisation == null || (c.utilisation >= 0.3 && c.utilisation <= 1))).toBe(true);
    expect(caps.some((c) => c.utilisation === 1)).toBe(true);
    const perFirm = new Map<string, number>();
    for (const c of caps) perFirm.set(c.firmId, (perFirm.get(c.firmId) ?? 0) + 1);
    expect(ds.firms.every((f) => (perFirm.get(f.id) ?? 0) >= 1 && (perFirm.get(f.id) ?? 0) <= 4)).toBe(true);
    const iatf = ds.firms.filter((f) => f.certifications.includes('IATF 16949')).length / ds.firms.length;
    expect(iatf).toBeGreaterThan(0.33);
    expect(iatf).toBeLessThan(0.47);
    for (const f of ds.firms) {
      const seat = districtByCode.get(f.districtCode);
      if (!seat || f.lat == null || f.lng == null) throw new Error(`firm ${f.id} has no coordinates`);
      expect(haversineKm(f.lat, f.lng, seat.lat, seat.lng), f.id).toBeLessThan(60);
    }
  });

  it('gives chain leaders needs for what feeds their products', () => {
    const inputs = new Map<string, string[]>();
    for (const f of ds.feeds) inputs.set(f.to, [...(inputs.get(f.to) ?? []), f.from]);
    for (const leader of ds.firms.filter((f) => f.isChainLeader)) {
      const sold = ds.capabilities.filter((c) => c.firmId === leader.id).map((c) => c.segmentCode);
      const needed = ds.needs.filter((n) => n.firmId === leader.id).map((n) => n.segmentCode);
      expect(needed.length, leader.id).toBeGreaterThan(0);
      for (const n of needed) expect(sold.some((s) => inputs.get(s)?.includes(n)), `${leader.id} needs ${n}`).toBe(true);
    }
  });

  it('draws supply orders from suppliers that make the segment to buyers that need it', () => {
    const supply = ds.orders.filter((o) => o.kind === 'SUPPLY');
    expect(supply.filter((o) => !makes.has(`${o.supplierId}>${o.segmentCode}`))).toEqual([]);
    expect(supply.filter((o) => !needs.has(`${o.buyerId}>${o.segmentCode}`))).toEqual([]);
  });

  it('returns scrap to recyclers the returning firm buys recycled aluminium from', () => {
    const scrap = ds.orders.filter((o) => o.kind === 'SCRAP_RETURN');
    expect(scrap.length).toBeGreaterThan(0);
    expect(scrap.length / ds.orders.length).toBeLessThan(0.05);
    const buysFrom = new Set(ds.orders.filter((o) => o.segmentCode === 'RECYCLED_AL').map((o) => `${o.buyerId}>${o.supplierId}`));
    for (const o of scrap) {
      expect(o.segmentCode).toBe('SCRAP_AL');
      expect(firmById.get(o.buyerId)?.isRecycler).toBe(true);
      expect(needs.has(`${o.supplierId}>RECYCLED_AL`), o.id).toBe(true);
      expect(needs.has(`${o.buyerId}>SCRAP_AL`), o.id).toBe(true);
    }
    // Orders are drawn per link, so a loop's supply side can lack orders in a small sample; most close.
    const closed = scrap.filter((o) => buysFrom.has(`${o.supplierId}>${o.buyerId}`)).length;
    expect(closed / scrap.length).toBeGreaterThan(0.8);
  });

  it('trades over every year, with heavy-tailed amounts, mostly locally but with gaps', () => {
    expect(new Set(ds.orders.map((o) => o.year))).toEqual(new Set([2023, 2024, 2025]));
    const amounts = ds.orders.map((o) => o.amountCny).sort((a, b) => a - b);
    expect(amounts[0]).toBeGreaterThanOrEqual(100_000);
    expect(amounts.at(-1)).toBeLessThanOrEqual(50_000_000);
    const median = amounts[amounts.length >> 1] as number;
    const mean = amounts.reduce((a, b) => a + b, 0) / amounts.length;
    expect(mean).toBeGreaterThan(1.5 * median);

    const leaders = new Set(ds.firms.filter((f) => f.isChainLeader).map((f) => f.id));
    const bought = new Map<string, { total: number; local: number }>();
    for (const o of ds.orders) {
      if (!leaders.has(o.buyerId) || o.kind !== 'SUPPLY' || o.year !== 2024) continue;
      const key = `${o.buyerId}>${o.segmentCode}`;
      const b = bought.get(key) ?? { total: 0, local: 0 };
      b.total += o.amountCny;
      if (inRegion(o.supplierId)) b.local += o.amountCny;
      bought.set(key, b);
    }
    const shares = [...bought.values()].map((b) => b.local / b.total);
    const overall = [...bought.values()].reduce((s, b) => s + b.local, 0) / [...bought.values()].reduce((s, b) => s + b.total, 0);
    expect(overall).toBeGreaterThan(0.6);
    expect(shares.filter((s) => s <= 0.5).length).toBeGreaterThan(0);
    const unsupplied = ds.needs.filter(
      (n) => leaders.has(n.firmId) && !ds.orders.some((o) => o.buyerId === n.firmId && o.segmentCode === n.segmentCode),
    );
    expect(unsupplied.length).toBeGreaterThan(0);
  });

  it('has mentoring ties from chain leaders to local suppliers', () => {
    expect(ds.supports.length).toBeGreaterThan(0);
    for (const s of ds.supports) {
      expect(firmById.get(s.fromFirmId)?.isChainLeader).toBe(true);
      expect(inRegion(s.toFirmId)).toBe(true);
    }
  });

  it('honours the years it is given', () => {
    const d = generateDataset({ firms: 100, orders: 500, seed: 3, years: [2021, 2022] });
    expect(new Set(d.orders.map((o) => o.year))).toEqual(new Set([2021, 2022]));
    expect(d.orders.filter((o) => o.year === 2022 && o.status === 'COMPLETED')).toEqual([]);
  });
});
