import { articleDataset } from '@yulian/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness';
import { gqlAs, gqlDataAs, tokenFor } from '../roles';

/** Material loops, dependence, single-source risk and disruption over HTTP on the article's data. */

let server: TestServer;
let bureau: string;
let investment: string;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  bureau = await tokenFor(server.store, { role: 'BUREAU', districtCode: '500117' });
  investment = await tokenFor(server.store, { role: 'INVESTMENT', districtCode: '500117' });
  admin = await tokenFor(server.store, { role: 'ADMIN' });
});
afterAll(() => server.close());

const ordersOf = (year: number) => articleDataset.orders.filter((o) => o.year === year && o.status !== 'CANCELLED');
const sum = (amounts: number[]) => amounts.reduce((s, a) => s + a, 0);

interface Loop {
  firms: { id: string }[];
  segments: { code: string }[];
  hops: { from: { id: string }; to: { id: string }; segments: { code: string }[]; amountCny: number | null }[];
  amountCny: number | null;
}
const LOOPS = '{ materialLoops(year: 2024) { firms { id } segments { code } hops { from { id } to { id } segments { code } amountCny } amountCny } }';

describe('material loops', () => {
  it('finds the Shunbo ↔ Ruitong loop of 2024 with its 100 million a year and both segments', async () => {
    const { materialLoops } = await gqlDataAs<{ materialLoops: Loop[] }>(server.url, bureau, LOOPS);
    const loop = materialLoops.find((l) => l.firms.map((f) => f.id).join() === 'ruitong,shunbo');
    expect(loop).toBeDefined();
    const between = ordersOf(2024).filter((o) => ['shunbo', 'ruitong'].includes(o.supplierId) && ['shunbo', 'ruitong'].includes(o.buyerId));
    expect(loop?.amountCny).toBe(sum(between.map((o) => o.amountCny)));
    expect(loop?.amountCny).toBe(100_000_000);
    // Ruitong ships scrap back to Shunbo, Shunbo ships recycled aluminium to Ruitong.
    expect(loop?.segments.map((s) => s.code)).toEqual(['SCRAP_AL', 'RECYCLED_AL']);
    expect(loop?.hops.map((h) => [h.from.id, h.to.id, h.segments.map((s) => s.code).join(), h.amountCny])).toEqual([
      ['ruitong', 'shunbo', 'SCRAP_AL', 17_000_000],
      ['shunbo', 'ruitong', 'RECYCLED_AL', 83_000_000],
    ]);
  });

  it('finds the same loop in 2025 and none in a year without orders', async () => {
    const later = await gqlDataAs<{ materialLoops: Loop[] }>(server.url, bureau, LOOPS.replace('2024', '2025'));
    expect(later.materialLoops.map((l) => l.firms.map((f) => f.id).join())).toContain('ruitong,shunbo');
    const empty = await gqlDataAs<{ materialLoops: Loop[] }>(server.url, bureau, LOOPS.replace('2024', '2001'));
    expect(empty.materialLoops).toEqual([]);
  });

  it('shows an investment team the loops but not their values', async () => {
    const res = await gqlAs<{ materialLoops: Loop[] }>(server.url, investment, LOOPS);
    expect(res.data?.materialLoops.length).toBeGreaterThan(0);
    for (const loop of res.data?.materialLoops ?? []) {
      expect(loop.amountCny).toBeNull();
      expect(loop.hops.every((h) => h.amountCny === null)).toBe(true);
    }
    expect(new Set(res.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
    expect(res.errors?.some((e) => e.path?.join('.') === 'materialLoops.0.amountCny')).toBe(true);
  });

  it('refuses firms and anonymous visitors', async () => {
    const firm = await tokenFor(server.store, { role: 'FIRM', firmId: 'shunbo' });
    for (const token of [firm, null]) {
      const res = await gqlAs(server.url, token, '{ materialLoops(year: 2024) { firms { id } } }');
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(res.data?.materialLoops ?? null).toBeNull();
    }
  });

  it('names a bad year', async () => {
    const res = await gqlAs(server.url, bureau, '{ materialLoops(year: 1800) { amountCny } }');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });
});

interface DependenceRow {
  customer: { id: string };
  share: number | null;
  amountCny: number | null;
}
const TIANCHIYU = '{ firm(id: "tianchiyu") { dependence(year: 2024) { customer { id } share amountCny } } }';

describe('dependence', () => {
  it('puts about 60% of Tianchiyu’s 2024 sales on Pingwei, and the shares add up to 1', async () => {
    const { firm } = await gqlDataAs<{ firm: { dependence: DependenceRow[] } }>(server.url, bureau, TIANCHIYU);
    const sales = ordersOf(2024).filter((o) => o.supplierId === 'tianchiyu' && o.kind === 'SUPPLY');
    const toPingwei = sum(sales.filter((o) => o.buyerId === 'pingwei').map((o) => o.amountCny));
    const pingwei = firm.dependence.find((d) => d.customer.id === 'pingwei');
    expect(firm.dependence[0]?.customer.id).toBe('pingwei');
    expect(pingwei?.share).toBeGreaterThanOrEqual(0.55);
    expect(pingwei?.share).toBeLessThanOrEqual(0.65);
    expect(pingwei?.share).toBeCloseTo(toPingwei / sum(sales.map((o) => o.amountCny)), 10);
    expect(pingwei?.amountCny).toBe(toPingwei);
    expect(sum(firm.dependence.map((d) => d.share ?? Number.NaN))).toBeCloseTo(1, 10);
    expect(firm.dependence.map((d) => d.customer.id).sort()).toEqual([...new Set(sales.map((o) => o.buyerId))].sort());
  });

  it('shows an investment team the customers, with the amounts null and FORBIDDEN at their path and the shares withheld', async () => {
    const res = await gqlAs<{ firm: { dependence: DependenceRow[] } }>(server.url, investment, TIANCHIYU);
    const rows = res.data?.firm.dependence ?? [];
    expect(rows.length).toBeGreaterThan(0);
    // A share times the firm's public output is the amount (security/aggregates.test.ts).
    expect(rows.every((d) => d.share === null && d.amountCny === null)).toBe(true);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(rows.map(() => 'FORBIDDEN'));
    expect(res.errors?.map((e) => e.path?.join('.')).sort()).toEqual(rows.map((_d, i) => `firm.dependence.${i}.amountCny`).sort());
  });

  it('shows a firm its own dependence with amounts, and not another firm’s', async () => {
    const own = await tokenFor(server.store, { role: 'FIRM', firmId: 'tianchiyu' });
    const { firm } = await gqlDataAs<{ firm: { dependence: DependenceRow[] } }>(server.url, own, TIANCHIYU);
    expect(firm.dependence.find((d) => d.customer.id === 'pingwei')?.amountCny).toBe(48_000_000);

    // Pingwei is Tianchiyu's customer, but Tianchiyu's sales to others are none of its business.
    const customer = await tokenFor(server.store, { role: 'FIRM', firmId: 'pingwei' });
    for (const token of [customer, null]) {
      const res = await gqlAs<{ firm: { dependence: DependenceRow[] | null } }>(server.url, token, TIANCHIYU);
      expect(res.data?.firm.dependence).toBeNull();
      expect(res.errors?.map((e) => [e.extensions?.code, e.path?.join('.')])).toEqual([['FORBIDDEN', 'firm.dependence']]);
    }
  });

  it('answers for a whole page of firms, each with its own customers', async () => {
    const { firms } = await gqlDataAs<{ firms: { edges: { node: { id: string; dependence: DependenceRow[] } }[] } }>(
      server.url,
      bureau,
      '{ firms(first: 50) { edges { node { id dependence(year: 2024) { customer { id } share } } } } }',
    );
    for (const { node } of firms.edges) {
      const buyers = new Set(ordersOf(2024).filter((o) => o.supplierId === node.id && o.kind === 'SUPPLY').map((o) => o.buyerId));
      expect(node.dependence.map((d) => d.customer.id).sort(), node.id).toEqual([...buyers].sort());
      if (buyers.size) expect(sum(node.dependence.map((d) => d.share ?? Number.NaN))).toBeCloseTo(1, 10);
    }
  });

  it('is empty for a firm that sold nothing in the year', async () => {
    const { firm } = await gqlDataAs<{ firm: { dependence: DependenceRow[] } }>(server.url, bureau, TIANCHIYU.replace('2024', '2001'));
    expect(firm.dependence).toEqual([]);
  });
});

interface Risk {
  buyer: { id: string };
  segment: { code: string };
  supplier: { id: string };
  amountCny: number | null;
}
const RISKS = 'query R($year: Int!, $district: String) { singleSourceRisks(year: $year, districtCode: $district) { buyer { id } segment { code } supplier { id } amountCny } }';

/** Single-source pairs as the definition says, straight from the dataset. */
function expectedRisks(year: number, districtCode?: string): string[] {
  const district = new Map(articleDataset.firms.map((f) => [f.id, f.districtCode]));
  const suppliers = new Map<string, Map<string, number>>();
  for (const o of ordersOf(year).filter((o) => o.kind === 'SUPPLY')) {
    if (districtCode && district.get(o.buyerId) !== districtCode) continue;
    const key = `${o.buyerId}/${o.segmentCode}`;
    const bySupplier = suppliers.get(key) ?? new Map<string, number>();
    bySupplier.set(o.supplierId, (bySupplier.get(o.supplierId) ?? 0) + o.amountCny);
    suppliers.set(key, bySupplier);
  }
  return [...suppliers]
    .filter(([, bySupplier]) => bySupplier.size === 1)
    .map(([key, bySupplier]) => {
      const [[supplierId, amountCny]] = [...bySupplier] as [[string, number]];
      return `${key}/${supplierId}/${amountCny}`;
    })
    .sort();
}
const asKeys = (risks: Risk[]) => risks.map((r) => `${r.buyer.id}/${r.segment.code}/${r.supplier.id}/${r.amountCny}`).sort();

describe('single-source risks', () => {
  it('lists the buyer-segment pairs with exactly one supplier, Jianya’s brake drums from Yi’an among them', async () => {
    const { singleSourceRisks } = await gqlDataAs<{ singleSourceRisks: Risk[] }>(server.url, bureau, RISKS, { year: 2024 });
    expect(asKeys(singleSourceRisks)).toContain('jianya/BRAKE_DRUM/yian/25000000');
    expect(asKeys(singleSourceRisks)).toEqual(expectedRisks(2024));
    const amounts = singleSourceRisks.map((r) => r.amountCny ?? 0);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  });

  it('keeps to the buyers of one district when asked', async () => {
    const { singleSourceRisks } = await gqlDataAs<{ singleSourceRisks: Risk[] }>(server.url, bureau, RISKS, { year: 2024, district: '500117' });
    expect(singleSourceRisks.length).toBeGreaterThan(0);
    expect(asKeys(singleSourceRisks)).toEqual(expectedRisks(2024, '500117'));
  });

  it('no longer counts a pair once a second supplier delivers the segment', async () => {
    const record = await gqlDataAs<{ recordOrder: { id: string } }>(
      server.url,
      admin,
      'mutation { recordOrder(input: {kind: SUPPLY, supplierId: "syn-tongliang-st", buyerId: "jianya", segmentCode: "SURFACE_TREATMENT", year: 2024, amountCny: 1000}) { id } }',
    );
    try {
      const { singleSourceRisks } = await gqlDataAs<{ singleSourceRisks: Risk[] }>(server.url, bureau, RISKS, { year: 2024 });
      expect(singleSourceRisks.some((r) => r.buyer.id === 'jianya' && r.segment.code === 'SURFACE_TREATMENT')).toBe(false);
    } finally {
      await gqlDataAs(server.url, admin, 'mutation D($id: ID!) { deleteOrder(id: $id) }', { id: record.recordOrder.id });
    }
  });

  it('shows an investment team the pairs with the amounts null', async () => {
    const res = await gqlAs<{ singleSourceRisks: Risk[] }>(server.url, investment, RISKS, { year: 2024 });
    expect(res.data?.singleSourceRisks.map((r) => `${r.buyer.id}/${r.segment.code}/${r.supplier.id}`).sort()).toEqual(
      expectedRisks(2024).map((k) => k.split('/').slice(0, 3).join('/')),
    );
    expect(res.data?.singleSourceRisks.every((r) => r.amountCny === null)).toBe(true);
    expect(new Set(res.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
  });

  it('names a bad district code', async () => {
    const res = await gqlAs(server.url, bureau, RISKS, { year: 2024, district: 'no such; code' });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'districtCode' });
  });
});

interface Loss {
  tier: number;
  buyer: { id: string };
  lostSupplier: { id: string };
  segment: { code: string };
  amountCny: number | null;
  alternatives: { firm: { id: string }; reasons: string[] }[];
}
const DISRUPTION = `query D($firm: ID!, $year: Int!, $tiers: Int, $lang: Lang) {
  disruption(firmId: $firm, year: $year, tiers: $tiers, lang: $lang) {
    tier buyer { id } lostSupplier { id } segment { code } amountCny alternatives { firm { id } reasons }
  }
}`;

/** Segments a lost one goes into, directly or further down, by the dataset's FEEDS links. */
function fedBy(code: string): Set<string> {
  const found = new Set<string>();
  const stack = [code];
  while (stack.length) {
    const next = stack.pop() as string;
    for (const f of articleDataset.feeds.filter((f) => f.from === next)) {
      if (!found.has(f.to)) stack.push(f.to);
      found.add(f.to);
    }
  }
  return found;
}

describe('disruption', () => {
  it('makes Jianya lose Yi’an’s brake drums at tier 1 and Changan Jianya’s drive axles at tier 2', async () => {
    const { disruption } = await gqlDataAs<{ disruption: Loss[] }>(server.url, bureau, DISRUPTION, { firm: 'yian', year: 2024 });
    const tier1 = disruption.filter((l) => l.tier === 1);
    const yianSales = ordersOf(2024).filter((o) => o.supplierId === 'yian' && o.kind === 'SUPPLY');
    expect(tier1.map((l) => `${l.buyer.id}/${l.segment.code}/${l.amountCny}`)).toEqual(
      yianSales.map((o) => `${o.buyerId}/${o.segmentCode}/${o.amountCny}`),
    );
    expect(tier1[0]).toMatchObject({ buyer: { id: 'jianya' }, lostSupplier: { id: 'yian' }, segment: { code: 'BRAKE_DRUM' }, amountCny: 25_000_000 });

    // Tier 2: what Jianya sells that brake drums go into.
    const onward = ordersOf(2024).filter((o) => o.supplierId === 'jianya' && o.kind === 'SUPPLY' && fedBy('BRAKE_DRUM').has(o.segmentCode));
    expect(onward.length).toBeGreaterThan(0);
    expect(disruption.filter((l) => l.tier === 2).map((l) => `${l.lostSupplier.id}/${l.buyer.id}/${l.segment.code}/${l.amountCny}`)).toEqual(
      onward.map((o) => `jianya/${o.buyerId}/${o.segmentCode}/${o.amountCny}`),
    );
    expect(disruption.find((l) => l.tier === 2)).toMatchObject({ buyer: { id: 'changan' }, segment: { code: 'DRIVE_AXLE' }, amountCny: 300_000_000 });
    expect(disruption.filter((l) => l.tier > 1).every((l) => l.alternatives.length === 0)).toBe(true);
    // Nobody is reached twice, and the stopped firm never.
    const buyers = disruption.map((l) => `${l.tier}/${l.buyer.id}`);
    expect(new Set(disruption.map((l) => l.buyer.id)).size).toBe(new Set(buyers).size);
    expect(disruption.some((l) => l.buyer.id === 'yian')).toBe(false);
  });

  it('offers the local firms findSuppliers ranks for the buyer, best first, never the stopped firm', async () => {
    // The article names no second brake-drum maker; two regional firms take it up here.
    for (const firmId of ['syn-tongliang-st', 'syn-dazu-st']) {
      await gqlDataAs(
        server.url,
        admin,
        'mutation S($input: CapabilityInput!) { setCapability(input: $input) { id } }',
        { input: { firmId, segmentCode: 'BRAKE_DRUM', capacity: 200_000, unit: 'pieces', utilisation: 0.5, yieldRate: 0.95 } },
      );
    }
    const { disruption } = await gqlDataAs<{ disruption: Loss[] }>(server.url, bureau, DISRUPTION, { firm: 'yian', year: 2024, tiers: 1 });
    expect(disruption.every((l) => l.tier === 1)).toBe(true);
    const alternatives = disruption[0]?.alternatives ?? [];
    expect(alternatives.map((a) => a.firm.id).sort()).toEqual(['syn-dazu-st', 'syn-tongliang-st']);
    const { findSuppliers } = await gqlDataAs<{ findSuppliers: { firm: { id: string } }[] }>(
      server.url,
      bureau,
      '{ findSuppliers(segmentCode: "BRAKE_DRUM", nearFirmId: "jianya", year: 2024, first: 5) { firm { id } } }',
    );
    expect(alternatives.map((a) => a.firm.id)).toEqual(findSuppliers.map((c) => c.firm.id));
    // Reasons come in the request's language: Chinese by default, English on request.
    expect(alternatives[0]?.reasons.join(' ')).toMatch(/[\u4e00-\u9fff]/);
    const english = await gqlDataAs<{ disruption: Loss[] }>(server.url, bureau, DISRUPTION, { firm: 'yian', year: 2024, tiers: 1, lang: 'en' });
    const reasons = english.disruption[0]?.alternatives[0]?.reasons ?? [];
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.join(' ')).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('stops at the recycler round the Shunbo ↔ Ruitong loop', async () => {
    const { disruption } = await gqlDataAs<{ disruption: Loss[] }>(server.url, bureau, DISRUPTION, { firm: 'shunbo', year: 2024, tiers: 6 });
    expect(disruption.some((l) => l.buyer.id === 'shunbo')).toBe(false);
    expect(disruption.find((l) => l.tier === 1)).toMatchObject({ buyer: { id: 'ruitong' }, segment: { code: 'RECYCLED_AL' } });
    expect(disruption.filter((l) => l.tier === 2).map((l) => l.buyer.id)).toContain('pingwei');
  });

  it('shows an investment team who loses what, with the amounts null', async () => {
    const res = await gqlAs<{ disruption: Loss[] }>(server.url, investment, DISRUPTION, { firm: 'yian', year: 2024 });
    expect(res.data?.disruption.map((l) => l.buyer.id)).toEqual(['jianya', 'changan']);
    expect(res.data?.disruption.every((l) => l.amountCny === null)).toBe(true);
    expect(res.errors?.map((e) => e.path?.join('.')).sort()).toEqual(['disruption.0.amountCny', 'disruption.1.amountCny']);
  });

  it('shows a firm nothing, and anonymous visitors nothing', async () => {
    const firm = await tokenFor(server.store, { role: 'FIRM', firmId: 'yian' });
    for (const token of [firm, null]) {
      const res = await gqlAs(server.url, token, DISRUPTION, { firm: 'yian', year: 2024 });
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });

  it.each([
    [{ firm: 'yian', year: 2024, tiers: 0 }, 'tiers'],
    [{ firm: 'yian', year: 2024, tiers: 7 }, 'tiers'],
    [{ firm: 'no-such-firm', year: 2024 }, 'firmId'],
    [{ firm: 'bad id!', year: 2024 }, 'firmId'],
    [{ firm: 'yian', year: 3000 }, 'year'],
  ])('refuses %j naming %s', async (variables, field) => {
    const res = await gqlAs(server.url, bureau, DISRUPTION, variables);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
