import { describe, expect, it } from 'vitest';
import { DEFAULT_LOGISTICS } from './logistics';
import { haversineKm } from '@yulian/schema';
import { RANKING_WEIGHTS, rankCandidates, scoreParts, spareOf, type CandidateFacts, type RankingRequest } from './ranking';

/** Hechuan's seat; candidates are placed due south of it, so latitude alone sets the distance. */
const BUYER = { firmId: 'leader', lat: 29.97, lng: 106.28, nameZh: '链主', nameEn: 'Leader' };
const kmSouth = (km: number) => BUYER.lat - km / 111.2;

function firm(id: string, overrides: Partial<CandidateFacts> = {}): CandidateFacts {
  return {
    firmId: id,
    segmentCode: 'SURFACE_TREATMENT',
    inRegion: true,
    lat: kmSouth(30),
    lng: BUYER.lng,
    capacity: 100_000,
    unit: 'sets',
    utilisation: 0.5,
    yieldRate: 0.85,
    certifications: ['IATF 16949'],
    chainLeaderCustomers: 0,
    ...overrides,
  };
}

const request = (overrides: Partial<RankingRequest> = {}): RankingRequest => ({
  buyer: BUYER,
  demand: 40_000,
  excludeFirmIds: new Set(),
  logistics: DEFAULT_LOGISTICS,
  lang: 'en',
  first: 10,
  ...overrides,
});

const order = (facts: CandidateFacts[], r: RankingRequest = request()) => rankCandidates(facts, r).map((c) => c.firmId);

describe('rankCandidates', () => {
  it('ranks the nearer firm first when all else is equal', () => {
    expect(order([firm('far', { lat: kmSouth(80) }), firm('near', { lat: kmSouth(10) })])).toEqual(['near', 'far']);
  });

  it('ranks the higher yield first when all else is equal', () => {
    expect(order([firm('low', { yieldRate: 0.7 }), firm('high', { yieldRate: 0.95 })])).toEqual(['high', 'low']);
  });

  it('lists a firm with no spare capacity after every firm with some, with that reason', () => {
    const full = firm('full', { lat: kmSouth(1), yieldRate: 0.99, utilisation: 1, chainLeaderCustomers: 5 });
    const ranked = rankCandidates([full, firm('spare-far', { lat: kmSouth(90), yieldRate: 0.7, certifications: [] })], request());
    expect(ranked.map((c) => c.firmId)).toEqual(['spare-far', 'full']);
    expect(ranked[0]?.score).toBeLessThan(ranked[1]?.score ?? 0);
    expect(ranked[1]?.spareCapacity).toBe(0);
    expect(ranked[1]?.reasons.join(' ')).toMatch(/no spare capacity/i);
  });

  it('leaves out firms that already supply the buyer, the buyer itself and firms outside the region', () => {
    const facts = [firm('current'), firm('outside', { inRegion: false }), firm('leader'), firm('new')];
    expect(order(facts, request({ excludeFirmIds: new Set(['current']) }))).toEqual(['new']);
  });

  it('prefers IATF 16949 and references when all else is equal', () => {
    expect(order([firm('plain', { certifications: [] }), firm('certified')])).toEqual(['certified', 'plain']);
    expect(order([firm('new'), firm('proven', { chainLeaderCustomers: 2 })])).toEqual(['proven', 'new']);
  });

  it('weighs spare capacity against the demand', () => {
    const small = firm('small', { capacity: 20_000, utilisation: 0.5 });
    const enough = firm('enough', { capacity: 200_000, utilisation: 0.5 });
    expect(order([small, enough])).toEqual(['enough', 'small']);
  });

  it('applies distance, yield and certification filters', () => {
    const facts = [firm('near', { lat: kmSouth(10) }), firm('far', { lat: kmSouth(120) }), firm('low', { yieldRate: 0.7 }), firm('plain', { certifications: [] })];
    expect(order(facts, request({ maxDistanceKm: 50 }))).not.toContain('far');
    expect(order(facts, request({ minYieldRate: 0.8 }))).not.toContain('low');
    expect(order(facts, request({ certification: 'IATF 16949' }))).not.toContain('plain');
    expect(order(facts, request({ first: 2 }))).toHaveLength(2);
  });

  it('counts a firm once, at its best capability', () => {
    const ranked = rankCandidates([firm('twice', { segmentCode: 'A', yieldRate: 0.7 }), firm('twice', { segmentCode: 'B', yieldRate: 0.95 })], request());
    expect(ranked).toHaveLength(1);
    expect(ranked[0]?.segmentCode).toBe('B');
  });

  it('explains the rank in the request’s language, with distance and spare capacity', () => {
    const [en] = rankCandidates([firm('a', { lat: kmSouth(30) })], request());
    const [zh] = rankCandidates([firm('a', { lat: kmSouth(30) })], request({ lang: 'zh' }));
    expect(en?.distanceKm).toBeCloseTo(30, 0);
    expect(en?.reasons[0]).toBe('About 30 km from Leader.');
    expect(en?.reasons[1]).toMatch(/50,000 sets a year covers the whole demand/);
    expect(zh?.reasons[0]).toBe('距链主约30公里。');
    expect(zh?.reasons.join('')).toMatch(/5万套/);
  });

  it('estimates the freight saving against the current outside supplier', () => {
    const [c] = rankCandidates([firm('a', { lat: kmSouth(30) })], request({ outsideSupply: { distanceKm: 130, amountCny: 2_500_000 } }));
    // (130 − 30) km × (2.5M ÷ 25,000 CNY/t = 100 t) × 0.6 CNY/t·km
    expect(c?.estimatedLogisticsSavingCny).toBeCloseTo(6000, -1);
    const [none] = rankCandidates([firm('a')], request());
    expect(none?.estimatedLogisticsSavingCny).toBeNull();
  });

  it('ranks without a buyer by merit alone, with no distance', () => {
    const ranked = rankCandidates([firm('low', { yieldRate: 0.7 }), firm('high', { yieldRate: 0.95 })], request({ buyer: null }));
    expect(ranked.map((c) => [c.firmId, c.distanceKm])).toEqual([['high', null], ['low', null]]);
  });
});

describe('rankCandidates against ranking everything', () => {
  it('returns the first n of all makers scored, one row per firm at its best, in the documented order', () => {
    let seed = 11;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
    const facts = Array.from({ length: 600 }, (_, i) =>
      firm(`f${Math.floor(next() * 400)}`, {
        segmentCode: `S${i % 3}`,
        inRegion: next() > 0.1,
        lat: kmSouth(Math.floor(next() * 12) * 10),
        capacity: pick([null, 0, 1000, 50_000]),
        utilisation: pick([null, 0, 0.5, 1]),
        yieldRate: pick([null, 0.6, 0.8, 0.95]),
        certifications: pick([[], ['IATF 16949']]),
        chainLeaderCustomers: pick([0, 1, 4]),
      }),
    );
    const excluded = new Set(['f1', 'f2', 'f3']);
    // The ranking spelled out: score every maker with scoreParts, keep each firm's best, sort all.
    const everything = (r: RankingRequest) => {
      const best = new Map<string, { id: string; hasSpare: boolean; score: number; km: number | null }>();
      const better = (a: { id: string; hasSpare: boolean; score: number; km: number | null }, b: typeof a) =>
        Number(b.hasSpare) - Number(a.hasSpare) || b.score - a.score || (a.km ?? 0) - (b.km ?? 0) || a.id.localeCompare(b.id);
      for (const c of facts) {
        if (!c.inRegion || c.firmId === r.buyer?.firmId || r.excludeFirmIds.has(c.firmId)) continue;
        if (r.minYieldRate != null && (c.yieldRate == null || c.yieldRate < r.minYieldRate)) continue;
        const km = r.buyer ? haversineKm(r.buyer.lat, r.buyer.lng, c.lat, c.lng) : null;
        if (r.maxDistanceKm != null && km !== null && km > r.maxDistanceKm) continue;
        const p = scoreParts(c, km, r.demand);
        const w = RANKING_WEIGHTS;
        const score = 100 * (w.distance * p.distance + w.capacity * p.capacity + w.yield * p.yield + w.certification * p.certification + w.references * p.references);
        const row = { id: c.firmId, hasSpare: spareOf(c) !== 0, score: Math.round(score * 10) / 10, km: km === null ? null : Math.round(km * 10) / 10 };
        const previous = best.get(c.firmId);
        if (!previous || better(row, previous) < 0) best.set(c.firmId, row);
      }
      return [...best.values()].sort(better).slice(0, r.first).map((row) => [row.id, row.score]);
    };
    for (const r of [
      request({ first: 10, excludeFirmIds: excluded }),
      request({ first: 1 }),
      request({ first: 0 }),
      request({ first: 1000, demand: null }),
      request({ first: 25, buyer: null }),
      request({ first: 15, minYieldRate: 0.8, maxDistanceKm: 60 }),
    ]) {
      expect(rankCandidates(facts, r).map((c) => [c.firmId, c.score])).toEqual(everything(r));
    }
  });
});
