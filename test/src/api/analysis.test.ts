import { articleDataset } from '@yulian/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness';
import { gqlAs, gqlDataAs, tokenFor } from '../roles';

let server: TestServer;
let bureau: string;
let anrui: string;
let yian: string;
beforeAll(async () => {
  server = await startTestServer();
  bureau = await tokenFor(server.store, { role: 'BUREAU', districtCode: '500117' });
  anrui = await tokenFor(server.store, { role: 'FIRM', firmId: 'anrui' });
  yian = await tokenFor(server.store, { role: 'FIRM', firmId: 'yian' });
});
afterAll(() => server.close());

interface Candidate {
  firm: { id: string; district: { inRegion: boolean } };
  score: number;
  distanceKm: number | null;
  spareCapacity: number | null;
  yieldRate: number | null;
  reasons: string[];
  estimatedLogisticsSavingCny: number | null;
}
interface Gap {
  segment: { code: string };
  purchasedCny: number;
  localShare: number;
  outsideSuppliers: { firm: { id: string; district: { inRegion: boolean } }; distanceKm: number }[];
  candidates: Candidate[];
}

const GAPS = `query G($leader: ID, $year: Int!, $district: String) {
  chainGaps(leaderId: $leader, year: $year, districtCode: $district) {
    segment { code } purchasedCny localShare
    outsideSuppliers { firm { id district { inRegion } } distanceKm }
    candidates(first: 5) { firm { id district { inRegion } } score distanceKm spareCapacity yieldRate reasons estimatedLogisticsSavingCny }
  }
}`;

describe('closing a gap (story 1)', () => {
  it('finds Anrui’s 2023 surface-treatment gap, the Guang’an supplier outside, and Aofang among the candidates', async () => {
    const { chainGaps } = await gqlDataAs<{ chainGaps: Gap[] }>(server.url, bureau, GAPS, { leader: 'anrui', year: 2023 });
    const surface = chainGaps.find((g) => g.segment.code === 'SURFACE_TREATMENT');
    expect(surface).toBeDefined();
    expect(surface?.localShare).toBe(0);
    expect(surface?.outsideSuppliers.map((s) => [s.firm.id, s.firm.district.inRegion])).toEqual([['guangan-moto', false]]);
    const aofang = surface?.candidates.find((c) => c.firm.id === 'aofang');
    expect(aofang).toBeDefined();
    // Bishan to Hechuan, seat to seat, is about 42 km.
    expect(aofang?.distanceKm).toBeGreaterThan(30);
    expect(aofang?.distanceKm).toBeLessThan(55);
    expect(aofang?.yieldRate).toBe(0.9);
    expect(aofang?.spareCapacity).toBeGreaterThan(0);
    expect(aofang?.reasons.join('')).toMatch(/安瑞光电约\d+公里/);
    expect(aofang?.reasons.join('')).toContain('良品率90%');
    expect(surface?.candidates.every((c) => c.firm.district.inRegion)).toBe(true);
    expect(surface?.candidates.map((c) => c.firm.id)).not.toContain('guangan-moto');
    const scores = surface?.candidates.map((c) => c.score) ?? [];
    expect(scores.length).toBeGreaterThan(1);
  });

  it('no longer shows the gap once Aofang supplies Anrui (2024)', async () => {
    const { chainGaps } = await gqlDataAs<{ chainGaps: Gap[] }>(server.url, bureau, GAPS, { leader: 'anrui', year: 2024 });
    expect(chainGaps.map((g) => g.segment.code)).not.toContain('SURFACE_TREATMENT');
  });

  it('finds the gaps of every chain leader of a district at once', async () => {
    const { chainGaps } = await gqlDataAs<{ chainGaps: (Gap & { leader?: unknown })[] }>(server.url, bureau, GAPS, { year: 2023, district: '500117' });
    expect(chainGaps.length).toBeGreaterThan(0);
    expect(chainGaps.some((g) => g.segment.code === 'SURFACE_TREATMENT')).toBe(true);
  });

  it('gives the reasons in English on request', async () => {
    const { findSuppliers } = await gqlDataAs<{ findSuppliers: Candidate[] }>(
      server.url,
      bureau,
      '{ findSuppliers(segmentCode: "SURFACE_TREATMENT", nearFirmId: "anrui", year: 2023, lang: en) { firm { id district { inRegion } } score distanceKm spareCapacity yieldRate reasons estimatedLogisticsSavingCny } }',
    );
    const aofang = findSuppliers.find((c) => c.firm.id === 'aofang');
    expect(aofang?.reasons[0]).toMatch(/^About \d+ km from Anrui/);
    expect(aofang?.estimatedLogisticsSavingCny).toBeGreaterThan(0);
  });
});

describe('supplier search after a write', () => {
  it('leaves out a firm once it supplies the buyer, and lists it again when the order goes', async () => {
    const admin = await tokenFor(server.store, { role: 'ADMIN' });
    const candidates = async () =>
      (await gqlDataAs<{ findSuppliers: { firm: { id: string } }[] }>(server.url, bureau, '{ findSuppliers(segmentCode: "SURFACE_TREATMENT", nearFirmId: "anrui", year: 2023, first: 50) { firm { id } } }')).findSuppliers.map(
        (c) => c.firm.id,
      );
    expect(await candidates()).toContain('aofang');
    const input = { kind: 'SUPPLY', supplierId: 'aofang', buyerId: 'anrui', segmentCode: 'SURFACE_TREATMENT', year: 2023, amountCny: 500_000 };
    const { recordOrder } = await gqlDataAs<{ recordOrder: { id: string } }>(server.url, admin, 'mutation R($input: OrderInput!) { recordOrder(input: $input) { id } }', { input });
    expect(await candidates()).not.toContain('aofang');
    await gqlDataAs(server.url, admin, 'mutation D($id: ID!) { deleteOrder(id: $id) }', { id: recordOrder.id });
    expect(await candidates()).toContain('aofang');
  });
});

describe('local supporting rate', () => {
  it('matches the definition computed from the dataset for Hechuan’s chain leaders in 2024', async () => {
    const district = new Map(articleDataset.firms.map((f) => [f.id, f.districtCode]));
    const inRegion = new Set(articleDataset.districts.filter((d) => d.inRegion).map((d) => d.code));
    const leaders = new Set(articleDataset.firms.filter((f) => f.isChainLeader && f.districtCode === '500117').map((f) => f.id));
    const bought = articleDataset.orders.filter((o) => o.year === 2024 && o.kind === 'SUPPLY' && o.status !== 'CANCELLED' && leaders.has(o.buyerId));
    const total = bought.reduce((s, o) => s + o.amountCny, 0);
    const local = bought.filter((o) => inRegion.has(district.get(o.supplierId) ?? '')).reduce((s, o) => s + o.amountCny, 0);
    const inDistrict = bought.filter((o) => district.get(o.supplierId) === '500117').reduce((s, o) => s + o.amountCny, 0);

    const { localSupportRate } = await gqlDataAs<{
      localSupportRate: { rate: number; inDistrictRate: number; localCny: number; totalCny: number; byDistrict: { district: { code: string }; amountCny: number }[] };
    }>(server.url, bureau, '{ localSupportRate(year: 2024, districtCode: "500117") { rate inDistrictRate localCny totalCny byDistrict { district { code } amountCny } } }');
    expect(total).toBeGreaterThan(0);
    expect(localSupportRate.totalCny).toBe(total);
    expect(localSupportRate.localCny).toBe(local);
    expect(localSupportRate.rate).toBeCloseTo(local / total, 10);
    expect(localSupportRate.inDistrictRate).toBeCloseTo(inDistrict / total, 10);
    expect(localSupportRate.byDistrict.reduce((s, d) => s + d.amountCny, 0)).toBe(total);
  });

  it('rises for Anrui from 2023 to 2024 as Aofang replaces the Guang’an supplier', async () => {
    const rate = async (year: number) =>
      (await gqlDataAs<{ localSupportRate: { rate: number } }>(server.url, bureau, 'query R($y: Int!) { localSupportRate(year: $y, leaderId: "anrui") { rate } }', { y: year }))
        .localSupportRate.rate;
    expect(await rate(2024)).toBeGreaterThan(await rate(2023));
  });
});

describe('who sees the analyses', () => {
  it('refuses gaps and rates to firms and anonymous visitors', async () => {
    for (const token of [null, anrui]) {
      const res = await gqlAs(server.url, token, '{ chainGaps(year: 2023) { segment { code } } localSupportRate(year: 2023) { rate } }');
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    }
  });

  it('shows the freight saving to the buyer itself, not to another firm', async () => {
    const q = '{ findSuppliers(segmentCode: "SURFACE_TREATMENT", nearFirmId: "anrui", year: 2023) { firm { id } estimatedLogisticsSavingCny } }';
    const own = await gqlDataAs<{ findSuppliers: { estimatedLogisticsSavingCny: number | null }[] }>(server.url, anrui, q);
    expect(own.findSuppliers.some((c) => (c.estimatedLogisticsSavingCny ?? 0) > 0)).toBe(true);
    const other = await gqlAs<{ findSuppliers: { estimatedLogisticsSavingCny: number | null }[] }>(server.url, yian, q);
    expect(other.data?.findSuppliers.every((c) => c.estimatedLogisticsSavingCny === null)).toBe(true);
    expect(other.errors?.every((e) => e.extensions?.code === 'FORBIDDEN' && e.path?.at(-1) === 'estimatedLogisticsSavingCny')).toBe(true);
  });

  it('names the bad argument', async () => {
    const res = await gqlAs(server.url, bureau, '{ chainGaps(year: 2023, maxLocalShare: 2) { segment { code } } }');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'maxLocalShare' });
  });
});
