import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness';
import { gqlAs, gqlDataAs, tokenFor } from '../roles';

/**
 * The small-cell rule (README, Security): a sum of order amounts reaches a viewer who may not see
 * the single amounts (an investment team) only when it rests on at least 3 orders and 3
 * supplier–buyer pairs, and not when the figures beside it would give a withheld one away. Bureaus
 * and admins see every figure. A buyer's demand, hidden from visitors, does not leak through the
 * supplier search's reasons or scores either.
 */

let server: TestServer;
let admin: string;
let bureau: string;
let investment: string;
let anrui: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await tokenFor(server.store, { role: 'ADMIN' });
  bureau = await tokenFor(server.store, { role: 'BUREAU', districtCode: '500117' });
  investment = await tokenFor(server.store, { role: 'INVESTMENT', districtCode: '500117' });
  anrui = await tokenFor(server.store, { role: 'FIRM', firmId: 'anrui' });
  await recordOrders();
});
afterAll(() => server.close());

/** A year the seed leaves empty, so each case below is made only of the orders recorded here. */
const YEAR = 2022;

interface Placed {
  supplierId: string;
  buyerId: string;
  segmentCode: string;
  amountCny: number;
}

/**
 * Anrui's surface treatment: three local suppliers and three outside, one order each. Jianya's
 * gears: three local suppliers, one order each, and one outside supplier with three orders.
 * Bearings: one outside firm selling to all three of Hechuan's chain leaders.
 */
const LOCAL_ST = ['aofang', 'syn-tongliang-st', 'syn-dazu-st'];
const OUTSIDE_ST = ['guangan-moto', 'syn-shapingba-led', 'syn-guangan-extrusion'];
const LOCAL_GEAR = ['syn-rongchang-gear', 'aofang', 'syn-dazu-casting'];
const LEADERS = ['anrui', 'jianya', 'pingwei'];
const placed: Placed[] = [
  ...LOCAL_ST.map((supplierId, i) => ({ supplierId, buyerId: 'anrui', segmentCode: 'SURFACE_TREATMENT', amountCny: 1_100_017 + i * 100_003 })),
  ...OUTSIDE_ST.map((supplierId, i) => ({ supplierId, buyerId: 'anrui', segmentCode: 'SURFACE_TREATMENT', amountCny: 2_300_011 + i * 200_009 })),
  ...LOCAL_GEAR.map((supplierId, i) => ({ supplierId, buyerId: 'jianya', segmentCode: 'GEAR', amountCny: 1_000_003 + i * 10_007 })),
  ...[0, 1, 2].map((i) => ({ supplierId: 'syn-liangjiang-bearing', buyerId: 'jianya', segmentCode: 'GEAR', amountCny: 2_000_029 + i * 1_001 })),
  ...LEADERS.map((buyerId, i) => ({ supplierId: 'syn-liangjiang-bearing', buyerId, segmentCode: 'BEARING', amountCny: 4_000_037 + i * 70_001 })),
];

async function recordOrders(): Promise<void> {
  for (const o of placed) {
    await gqlDataAs(server.url, admin, 'mutation R($input: OrderInput!) { recordOrder(input: $input) { id } }', {
      input: { kind: 'SUPPLY', year: YEAR, status: 'COMPLETED', ...o },
    });
  }
}

const sum = (orders: readonly Placed[]) => orders.reduce((s, o) => s + o.amountCny, 0);
const ordersOf = (buyerId: string, segmentCode: string, suppliers?: readonly string[]) =>
  placed.filter((o) => o.buyerId === buyerId && o.segmentCode === segmentCode && (!suppliers || suppliers.includes(o.supplierId)));

/** Every number anywhere in an answer. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

interface Gap {
  segment: { code: string };
  purchasedCny: number | null;
  localCny: number | null;
  localShare: number | null;
  outsideSuppliers: { firm: { id: string }; amountCny: number | null }[];
  candidates: { firm: { id: string }; estimatedLogisticsSavingCny: number | null }[];
}
const GAP_FIGURES = `query G($leader: ID!, $year: Int!) { chainGaps(leaderId: $leader, year: $year) {
  segment { code } purchasedCny localCny localShare
  outsideSuppliers { firm { id } amountCny }
  candidates(first: 10) { firm { id } estimatedLogisticsSavingCny } } }`;
const GAP_REASONS = `query G($leader: ID!, $year: Int!) { chainGaps(leaderId: $leader, year: $year) {
  segment { code } purchasedCnyWithheld localCnyWithheld localShareWithheld
  outsideSuppliers { firm { id } amountCnyWithheld }
  candidates(first: 10) { firm { id } estimatedLogisticsSavingCny estimatedLogisticsSavingCnyWithheld } } }`;

interface Rate {
  rate: number | null;
  inDistrictRate: number | null;
  localCny: number | null;
  inDistrictCny: number | null;
  totalCny: number | null;
  byDistrict: { district: { code: string }; amountCny: number | null }[];
}
const RATE_FIGURES = `query R($leader: ID!, $segment: String!, $year: Int!) { localSupportRate(leaderId: $leader, segmentCode: $segment, year: $year) {
  rate inDistrictRate localCny inDistrictCny totalCny byDistrict { district { code } amountCny } } }`;
const RATE_REASONS = `query R($leader: ID!, $segment: String!, $year: Int!) { localSupportRate(leaderId: $leader, segmentCode: $segment, year: $year) {
  rateWithheld inDistrictRateWithheld localCnyWithheld inDistrictCnyWithheld totalCnyWithheld byDistrict { district { code } amountCnyWithheld } } }`;

interface Suggestion {
  firm: { id: string };
  segment: { code: string };
  amountCny: number | null;
  amountCnyWithheld?: string | null;
}
const SUGGESTIONS = `query S($year: Int!) { targetSuggestions(districtCode: "500117", year: $year) { firm { id } segment { code } amountCny } }`;
const SUGGESTION_REASONS = `query S($year: Int!) { targetSuggestions(districtCode: "500117", year: $year) { firm { id } segment { code } amountCny amountCnyWithheld } }`;

const gapOf = (gaps: Gap[], segment: string) => {
  const gap = gaps.find((g) => g.segment.code === segment);
  if (!gap) throw new Error(`no ${segment} gap in ${JSON.stringify(gaps.map((g) => g.segment.code))}`);
  return gap;
};

describe('an investment team and aggregates of one or two orders (the seed’s 2023–2024 story)', () => {
  it('gets Anrui’s 2023 surface-treatment gap without the one order’s 3,000,000 in any figure', async () => {
    const { chainGaps } = await gqlDataAs<{ chainGaps: Gap[] }>(server.url, investment, GAP_FIGURES, { leader: 'anrui', year: 2023 });
    const gap = gapOf(chainGaps, 'SURFACE_TREATMENT');
    expect(gap.purchasedCny).toBeNull();
    expect(gap.outsideSuppliers.map((o) => [o.firm.id, o.amountCny])).toEqual([['guangan-moto', null]]);
    // Nobody local supplied it, which the public trade flows tell anyway: 0 and 0% say nothing of an amount.
    expect(gap.localCny).toBe(0);
    expect(gap.localShare).toBe(0);
    expect(gap.candidates.length).toBeGreaterThan(0);
    expect(gap.candidates.every((c) => c.estimatedLogisticsSavingCny === null)).toBe(true);
    expect(numbersIn(chainGaps)).not.toContain(3_000_000);

    const reasons = await gqlDataAs<{ chainGaps: Record<string, unknown>[] }>(server.url, investment, GAP_REASONS, { leader: 'anrui', year: 2023 });
    const withheld = reasons.chainGaps.find((g) => (g.segment as { code: string }).code === 'SURFACE_TREATMENT');
    expect(withheld).toMatchObject({
      purchasedCnyWithheld: 'TOO_FEW_ORDERS',
      localCnyWithheld: null,
      localShareWithheld: null,
      outsideSuppliers: [{ firm: { id: 'guangan-moto' }, amountCnyWithheld: 'TOO_FEW_ORDERS' }],
    });
    const candidates = withheld?.candidates as { estimatedLogisticsSavingCnyWithheld: string | null }[];
    expect(candidates.some((c) => c.estimatedLogisticsSavingCnyWithheld === 'TOO_FEW_ORDERS')).toBe(true);
  });

  it('gets Anrui’s 2024 surface-treatment supporting rate without Aofang’s one order', async () => {
    const vars = { leader: 'anrui', segment: 'SURFACE_TREATMENT', year: 2024 };
    const { localSupportRate } = await gqlDataAs<{ localSupportRate: Rate }>(server.url, investment, RATE_FIGURES, vars);
    expect(localSupportRate.totalCny).toBeNull();
    expect(localSupportRate.localCny).toBeNull();
    expect(localSupportRate.byDistrict.map((d) => d.amountCny)).toEqual([null]);
    expect(numbersIn(localSupportRate)).not.toContain(3_000_000);
    // All of it was bought from Aofang, inside the region and outside Hechuan: 100% and 0% are public facts.
    expect(localSupportRate.rate).toBe(1);
    expect(localSupportRate.inDistrictRate).toBe(0);

    const { localSupportRate: why } = await gqlDataAs<{ localSupportRate: Record<string, unknown> }>(server.url, investment, RATE_REASONS, vars);
    expect(why).toMatchObject({ totalCnyWithheld: 'TOO_FEW_ORDERS', localCnyWithheld: 'TOO_FEW_ORDERS', rateWithheld: null, inDistrictRateWithheld: null });
    expect(why.byDistrict).toEqual([{ district: { code: '500120' }, amountCnyWithheld: 'TOO_FEW_ORDERS' }]);
  });

  it('gets the 2024 target suggestions without any single supplier’s sales (Pingwei’s 60,000,000 of extrusions)', async () => {
    const { targetSuggestions } = await gqlDataAs<{ targetSuggestions: Suggestion[] }>(server.url, investment, SUGGESTIONS, { year: 2024 });
    expect(targetSuggestions.length).toBeGreaterThan(0);
    expect(targetSuggestions.every((s) => s.amountCny === null)).toBe(true);
    expect(numbersIn(targetSuggestions)).not.toContain(60_000_000);
  });

  it('gets no freight saving from the supplier search: it is worked out from what the buyer pays one supplier', async () => {
    const q = '{ findSuppliers(segmentCode: "SURFACE_TREATMENT", nearFirmId: "anrui", year: 2023) { firm { id } estimatedLogisticsSavingCny } }';
    const { findSuppliers } = await gqlDataAs<{ findSuppliers: { estimatedLogisticsSavingCny: number | null }[] }>(server.url, investment, q);
    expect(findSuppliers.length).toBeGreaterThan(0);
    expect(findSuppliers.every((c) => c.estimatedLogisticsSavingCny === null)).toBe(true);
    // The buyer itself still gets it.
    const own = await gqlDataAs<{ findSuppliers: { estimatedLogisticsSavingCny: number | null }[] }>(server.url, anrui, q);
    expect(own.findSuppliers.some((c) => (c.estimatedLogisticsSavingCny ?? 0) > 0)).toBe(true);
  });

  it('gets no customer share of Tianchiyu: 60% of its public 80-million output is Pingwei’s 48,000,000', async () => {
    const q = '{ firm(id: "tianchiyu") { outputCny dependence(year: 2024) { customer { id } share } } }';
    const { firm } = await gqlDataAs<{ firm: { outputCny: number; dependence: { customer: { id: string }; share: number | null }[] } }>(server.url, investment, q);
    expect(firm.dependence.length).toBe(3);
    expect(firm.dependence.every((d) => d.share === null)).toBe(true);
    const seen = await gqlDataAs<{ firm: { dependence: { customer: { id: string }; share: number | null }[] } }>(server.url, bureau, q);
    expect(seen.firm.dependence.find((d) => d.customer.id === 'pingwei')?.share).toBeCloseTo(0.6, 10);
  });

  it('does not give away Anrui’s two suppliers as Hechuan’s total less Jianya’s and Pingwei’s', async () => {
    const q = `query R($leader: ID, $district: String) { localSupportRate(year: 2024, leaderId: $leader, districtCode: $district) { totalCny } }`;
    const total = async (vars: Record<string, string>) =>
      (await gqlDataAs<{ localSupportRate: { totalCny: number | null } }>(server.url, investment, q, vars)).localSupportRate.totalCny;
    const [district, ...leaders] = await Promise.all([total({ district: '500117' }), ...LEADERS.map((leader) => total({ leader }))]);
    // Anrui bought from two firms in 2024: its total is withheld, and so must be whatever recovers it.
    expect(leaders[0]).toBeNull();
    const shown = [district, ...leaders.slice(1)];
    expect(shown.every((t) => t !== null)).toBe(false);
    const { localSupportRate } = await gqlDataAs<{ localSupportRate: { totalCnyWithheld: string | null } }>(
      server.url,
      investment,
      '{ localSupportRate(year: 2024, districtCode: "500117") { totalCnyWithheld } }',
    );
    expect(localSupportRate.totalCnyWithheld).toBe('REVEALS_WITHHELD');
  });

  it('does not rank the gaps by withheld values, which would bound them between shown ones', async () => {
    const q = '{ chainGaps(year: 2024, districtCode: "500117") { leader { id } segment { code } purchasedCny localCny } }';
    type Ranked = { leader: { id: string }; segment: { code: string }; purchasedCny: number | null; localCny: number | null };
    const order = (gaps: Ranked[]) => gaps.map((g) => `${g.leader.id} ${g.segment.code}`);
    const seen = (await gqlDataAs<{ chainGaps: Ranked[] }>(server.url, bureau, q)).chainGaps;
    const outside = (g: Ranked) => (g.purchasedCny ?? 0) - (g.localCny ?? 0);
    expect(seen.map(outside)).toEqual(seen.map(outside).sort((a, b) => b - a));
    const { chainGaps } = await gqlDataAs<{ chainGaps: Ranked[] }>(server.url, investment, q);
    const shown = chainGaps.filter((g) => g.purchasedCny !== null && g.localCny !== null);
    const withheld = chainGaps.filter((g) => g.purchasedCny === null || g.localCny === null);
    expect(withheld.length).toBeGreaterThan(1);
    expect(order(chainGaps)).toEqual([...order(shown), ...order(withheld).sort()]);
  });

  it('leaves bureaus and admins every exact figure', async () => {
    for (const token of [bureau, admin]) {
      const { chainGaps } = await gqlDataAs<{ chainGaps: Gap[] }>(server.url, token, GAP_FIGURES, { leader: 'anrui', year: 2023 });
      const gap = gapOf(chainGaps, 'SURFACE_TREATMENT');
      expect(gap.purchasedCny).toBe(3_000_000);
      expect(gap.outsideSuppliers.map((o) => o.amountCny)).toEqual([3_000_000]);
      expect(gap.candidates.some((c) => (c.estimatedLogisticsSavingCny ?? 0) > 0)).toBe(true);
      const { localSupportRate } = await gqlDataAs<{ localSupportRate: Rate }>(server.url, token, RATE_FIGURES, { leader: 'anrui', segment: 'SURFACE_TREATMENT', year: 2024 });
      expect(localSupportRate).toMatchObject({ totalCny: 3_000_000, localCny: 3_000_000, rate: 1, byDistrict: [{ amountCny: 3_000_000 }] });
      const { targetSuggestions } = await gqlDataAs<{ targetSuggestions: Suggestion[] }>(server.url, token, SUGGESTIONS, { year: 2024 });
      expect(targetSuggestions.find((s) => s.firm.id === 'syn-guangan-extrusion')?.amountCny).toBe(60_000_000);
    }
  });
});

describe('an investment team and aggregates of enough orders (recorded here)', () => {
  it('sees a gap’s total and local part from six suppliers exactly, and no single outside supplier’s sales', async () => {
    const { chainGaps } = await gqlDataAs<{ chainGaps: Gap[] }>(server.url, investment, GAP_FIGURES, { leader: 'anrui', year: YEAR });
    const gap = gapOf(chainGaps, 'SURFACE_TREATMENT');
    const all = ordersOf('anrui', 'SURFACE_TREATMENT');
    const local = ordersOf('anrui', 'SURFACE_TREATMENT', LOCAL_ST);
    expect(gap.purchasedCny).toBe(sum(all));
    expect(gap.localCny).toBe(sum(local));
    expect(gap.localShare).toBeCloseTo(sum(local) / sum(all), 10);
    expect(gap.outsideSuppliers.map((o) => o.firm.id).sort()).toEqual([...OUTSIDE_ST].sort());
    expect(gap.outsideSuppliers.every((o) => o.amountCny === null)).toBe(true);
  });

  it('sees a supporting rate resting on three local and three outside pairs, but not the supplier districts of one firm each', async () => {
    const vars = { leader: 'anrui', segment: 'SURFACE_TREATMENT', year: YEAR };
    const { localSupportRate } = await gqlDataAs<{ localSupportRate: Rate }>(server.url, investment, RATE_FIGURES, vars);
    const all = ordersOf('anrui', 'SURFACE_TREATMENT');
    const local = ordersOf('anrui', 'SURFACE_TREATMENT', LOCAL_ST);
    expect(localSupportRate.totalCny).toBe(sum(all));
    expect(localSupportRate.localCny).toBe(sum(local));
    expect(localSupportRate.rate).toBeCloseTo(sum(local) / sum(all), 10);
    // None of these suppliers is in Hechuan.
    expect(localSupportRate.inDistrictCny).toBe(0);
    expect(localSupportRate.inDistrictRate).toBe(0);
    expect(localSupportRate.byDistrict.length).toBeGreaterThan(1);
    expect(localSupportRate.byDistrict.every((d) => d.amountCny === null)).toBe(true);
    const { localSupportRate: why } = await gqlDataAs<{ localSupportRate: { byDistrict: { amountCnyWithheld: string }[] } }>(server.url, investment, RATE_REASONS, vars);
    expect(why.byDistrict.every((d) => d.amountCnyWithheld === 'TOO_FEW_ORDERS')).toBe(true);
  });

  it('withholds a local part that, beside the total, would give away the one outside supplier', async () => {
    const vars = { leader: 'jianya', segment: 'GEAR', year: YEAR };
    const { localSupportRate } = await gqlDataAs<{ localSupportRate: Rate }>(server.url, investment, RATE_FIGURES, vars);
    expect(localSupportRate.totalCny).toBe(sum(ordersOf('jianya', 'GEAR')));
    expect(localSupportRate.localCny).toBeNull();
    expect(localSupportRate.rate).toBeNull();
    const { localSupportRate: why } = await gqlDataAs<{ localSupportRate: Record<string, unknown> }>(server.url, investment, RATE_REASONS, vars);
    expect(why).toMatchObject({ totalCnyWithheld: null, localCnyWithheld: 'REVEALS_WITHHELD', rateWithheld: 'REVEALS_WITHHELD' });

    // The same in the gap, where the outside supplier's three orders are still one counterparty.
    const { chainGaps } = await gqlDataAs<{ chainGaps: Gap[] }>(server.url, investment, GAP_FIGURES, { leader: 'jianya', year: YEAR });
    const gap = gapOf(chainGaps, 'GEAR');
    expect(gap.purchasedCny).toBe(sum(ordersOf('jianya', 'GEAR')));
    expect([gap.localCny, gap.localShare, gap.outsideSuppliers[0]?.amountCny]).toEqual([null, null, null]);
    const reasons = await gqlDataAs<{ chainGaps: Record<string, unknown>[] }>(server.url, investment, GAP_REASONS, { leader: 'jianya', year: YEAR });
    expect(reasons.chainGaps.find((g) => (g.segment as { code: string }).code === 'GEAR')).toMatchObject({
      purchasedCnyWithheld: null,
      localCnyWithheld: 'REVEALS_WITHHELD',
      localShareWithheld: 'REVEALS_WITHHELD',
      outsideSuppliers: [{ firm: { id: 'syn-liangjiang-bearing' }, amountCnyWithheld: 'TOO_FEW_COUNTERPARTIES' }],
    });
  });

  it('sees Hechuan’s total, every small leftover of its leaders together resting on three pairs', async () => {
    const { localSupportRate } = await gqlDataAs<{ localSupportRate: Rate }>(
      server.url,
      investment,
      'query R($year: Int!) { localSupportRate(year: $year, districtCode: "500117") { rate inDistrictRate localCny inDistrictCny totalCny byDistrict { district { code } amountCny } } }',
      { year: YEAR },
    );
    // Every order recorded here went to one of Hechuan's three chain leaders.
    expect(localSupportRate.totalCny).toBe(sum(placed));
    // Jianya's gears are one block (their outside part is one supplier): the district's local part would cut it.
    expect(localSupportRate.localCny).toBeNull();
    expect(localSupportRate.rate).toBeNull();
  });

  it('cannot move the gap threshold to find a withheld local share, which bureaus may', async () => {
    // Jianya's gear local share is about 0.335: a gap at 0.34, none at 0.33, and so on to any precision.
    const q = 'query G($share: Float) { chainGaps(leaderId: "jianya", year: 2022, maxLocalShare: $share) { segment { code } } }';
    const res = await gqlAs(server.url, investment, q, { share: 0.34 });
    expect(res.data?.chainGaps ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.errors?.[0]?.message).toContain('maxLocalShare');
    const asDefault = await gqlDataAs<{ chainGaps: { segment: { code: string } }[] }>(server.url, investment, q, { share: 0.5 });
    expect(asDefault.chainGaps.map((g) => g.segment.code)).toContain('GEAR');
    const bureauAt = async (share: number) =>
      (await gqlDataAs<{ chainGaps: { segment: { code: string } }[] }>(server.url, bureau, q, { share })).chainGaps.map((g) => g.segment.code);
    const local = sum(ordersOf('jianya', 'GEAR', LOCAL_GEAR)) / sum(ordersOf('jianya', 'GEAR'));
    expect(await bureauAt(local + 0.001)).toContain('GEAR');
    expect(await bureauAt(local - 0.001)).not.toContain('GEAR');
  });

  it('sees a suggestion resting on three chain leaders, and not one resting on one leader’s three orders', async () => {
    const { targetSuggestions } = await gqlDataAs<{ targetSuggestions: Suggestion[] }>(server.url, investment, SUGGESTION_REASONS, { year: YEAR });
    const bearing = targetSuggestions.find((s) => s.firm.id === 'syn-liangjiang-bearing' && s.segment.code === 'BEARING');
    expect(bearing).toMatchObject({ amountCny: sum(placed.filter((o) => o.segmentCode === 'BEARING')), amountCnyWithheld: null });
    const gear = targetSuggestions.find((s) => s.firm.id === 'syn-liangjiang-bearing' && s.segment.code === 'GEAR');
    expect(gear).toMatchObject({ amountCny: null, amountCnyWithheld: 'TOO_FEW_COUNTERPARTIES' });
    const surface = targetSuggestions.filter((s) => s.segment.code === 'SURFACE_TREATMENT');
    expect(surface.map((s) => s.firm.id).sort()).toEqual([...OUTSIDE_ST].sort());
    expect(surface.every((s) => s.amountCny === null && s.amountCnyWithheld === 'TOO_FEW_ORDERS')).toBe(true);
  });

  it('leaves bureaus and admins every exact figure of these cases', async () => {
    for (const token of [bureau, admin]) {
      const jianya = await gqlDataAs<{ localSupportRate: Rate }>(server.url, token, RATE_FIGURES, { leader: 'jianya', segment: 'GEAR', year: YEAR });
      const local = sum(ordersOf('jianya', 'GEAR', LOCAL_GEAR));
      expect(jianya.localSupportRate).toMatchObject({ totalCny: sum(ordersOf('jianya', 'GEAR')), localCny: local });
      const anruiRate = await gqlDataAs<{ localSupportRate: Rate }>(server.url, token, RATE_FIGURES, { leader: 'anrui', segment: 'SURFACE_TREATMENT', year: YEAR });
      expect(anruiRate.localSupportRate.byDistrict.reduce((s, d) => s + (d.amountCny ?? Number.NaN), 0)).toBe(sum(ordersOf('anrui', 'SURFACE_TREATMENT')));
      const { chainGaps } = await gqlDataAs<{ chainGaps: Gap[] }>(server.url, token, GAP_FIGURES, { leader: 'jianya', year: YEAR });
      expect(gapOf(chainGaps, 'GEAR').outsideSuppliers).toEqual([
        { firm: { id: 'syn-liangjiang-bearing' }, amountCny: sum(ordersOf('jianya', 'GEAR', ['syn-liangjiang-bearing'])) },
      ]);
      const { targetSuggestions } = await gqlDataAs<{ targetSuggestions: Suggestion[] }>(server.url, token, SUGGESTIONS, { year: YEAR });
      for (const s of targetSuggestions) {
        const expected = sum(placed.filter((o) => o.supplierId === s.firm.id && o.segmentCode === s.segment.code));
        expect(s.amountCny).toBe(expected);
      }
    }
  });
});

describe('a buyer’s demand in the supplier search (row 5)', () => {
  const SEARCH = '{ findSuppliers(segmentCode: "SURFACE_TREATMENT", nearFirmId: "anrui", year: 2023, first: 20) { firm { id } score spareCapacity reasons } }';
  type Found = { firm: { id: string }; score: number; spareCapacity: number | null; reasons: string[] };
  const setDemand = (annualDemand: number) =>
    gqlDataAs(server.url, admin, 'mutation N($input: NeedInput!) { setNeed(input: $input) { id } }', {
      input: { firmId: 'anrui', segmentCode: 'SURFACE_TREATMENT', annualDemand, unit: 'sets' },
    });
  const DEMAND = 420_000;

  it('gives a visitor reasons and scores that say nothing of Anrui’s 420,000 sets a year', async () => {
    const { findSuppliers } = await gqlDataAs<{ findSuppliers: Found[] }>(server.url, null, SEARCH);
    const spare = findSuppliers.filter((c) => (c.spareCapacity ?? 0) > 0);
    expect(spare.length).toBeGreaterThan(1);
    for (const c of spare) {
      const text = c.reasons.join(' ');
      const share = `${Math.round(((c.spareCapacity ?? 0) / DEMAND) * 100)}%`;
      // The yield rate is a percentage too: only the demand's share must be missing.
      expect(text).not.toContain(`需求的${share}`);
      expect(text).not.toMatch(/需求/);
      expect(text).not.toMatch(/42万|420,?000/);
    }
    // Nothing a visitor sees moves with the demand: it cannot be worked back from the scores either.
    await setDemand(DEMAND / 2);
    try {
      const after = await gqlDataAs<{ findSuppliers: Found[] }>(server.url, null, SEARCH);
      expect(after.findSuppliers).toEqual(findSuppliers);
    } finally {
      await setDemand(DEMAND);
    }
  });

  it('still tells the buyer itself and analysts how much of the demand each candidate covers', async () => {
    for (const token of [anrui, investment, bureau]) {
      const { findSuppliers } = await gqlDataAs<{ findSuppliers: Found[] }>(server.url, token, SEARCH);
      const tongliang = findSuppliers.find((c) => c.firm.id === 'syn-tongliang-st');
      expect(tongliang?.spareCapacity).toBeGreaterThan(0);
      const share = /可满足需求的(\d+)%/.exec(tongliang?.reasons.join('') ?? '');
      // Within a point: the spare capacity comes rounded to whole sets.
      expect(Math.abs(Number(share?.[1]) - ((tongliang?.spareCapacity ?? 0) / DEMAND) * 100)).toBeLessThanOrEqual(1);
    }
  });
});

describe('what is never answered', () => {
  it('keeps the withheld reasons of the freight saving from visitors, like the saving itself', async () => {
    const res = await gqlAs(server.url, null, '{ findSuppliers(segmentCode: "SURFACE_TREATMENT", nearFirmId: "anrui", year: 2023) { estimatedLogisticsSavingCnyWithheld } }');
    expect(res.errors?.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
  });
});
