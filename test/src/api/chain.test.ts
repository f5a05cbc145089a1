import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness';
import { gqlDataAs, tokenFor } from '../roles';

let server: TestServer;
let bureau: string;
beforeAll(async () => {
  server = await startTestServer();
  bureau = await tokenFor(server.store, { role: 'BUREAU', districtCode: '500117' });
});
afterAll(() => server.close());

describe('districts and segments', () => {
  it('lists the eight western districts as in the region, with GB/T 2260 codes', async () => {
    const { districts } = await gqlDataAs<{ districts: { code: string; nameZh: string; inRegion: boolean }[] }>(
      server.url,
      bureau,
      '{ districts(inRegion: true) { code nameZh inRegion } }',
    );
    expect(districts.map((d) => d.code).sort()).toEqual(
      ['500111', '500116', '500117', '500118', '500120', '500151', '500152', '500153'].sort(),
    );
    const one = await gqlDataAs<{ district: { nameZh: string; inRegion: boolean; goals: { year: number; projects: number; agreementCny: number }[] } }>(
      server.url,
      bureau,
      '{ district(code: "500117") { nameZh inRegion goals { year projects agreementCny } } }',
    );
    expect(one.district.nameZh).toContain('合川');
    expect(one.district.goals).toContainEqual({ year: 2025, projects: 30, agreementCny: 11_000_000_000 });
  });

  it('links the segment tree and the upstream→downstream flow', async () => {
    const { segment } = await gqlDataAs<{
      segment: { code: string; feeds: { code: string }[]; fedBy: { code: string }[]; parent: { code: string; children: { code: string }[] } | null };
    }>(server.url, bureau, '{ segment(code: "AL_DIE_CASTING") { code feeds { code } fedBy { code } parent { code children { code } } } }');
    expect(segment.fedBy.map((s) => s.code)).toContain('RECYCLED_AL');
    expect(segment.feeds.map((s) => s.code)).toContain('BATTERY_ENCLOSURE');
    expect(segment.parent?.children.map((s) => s.code)).toContain('AL_DIE_CASTING');
  });
});

interface TradeLink {
  firm: { id: string };
  segment: { code: string };
  year: number;
  kind: string;
  amountCny: number;
  orderCount: number;
}

describe('trade links, orders and support ties', () => {
  it("shows Jianya buying 25 million of brake drums from Yi'an in 2024 and 2025", async () => {
    const { firm } = await gqlDataAs<{ firm: { suppliers: TradeLink[] } }>(
      server.url,
      bureau,
      '{ firm(id: "jianya") { suppliers { firm { id } segment { code } year kind amountCny orderCount } } }',
    );
    const fromYian = firm.suppliers.filter((l) => l.firm.id === 'yian' && l.segment.code === 'BRAKE_DRUM');
    expect(fromYian.map((l) => [l.year, l.amountCny]).sort()).toEqual([
      [2024, 25_000_000],
      [2025, 25_000_000],
    ]);
  });

  it('shows close to 60% of Tianchiyu’s 2024 sales going to Pingwei', async () => {
    const { firm } = await gqlDataAs<{ firm: { customers: TradeLink[] } }>(
      server.url,
      bureau,
      '{ firm(id: "tianchiyu") { customers(year: 2024) { firm { id } segment { code } year kind amountCny orderCount } } }',
    );
    expect(firm.customers.every((l) => l.year === 2024)).toBe(true);
    const total = firm.customers.reduce((sum, l) => sum + l.amountCny, 0);
    const pingwei = firm.customers.filter((l) => l.firm.id === 'pingwei').reduce((sum, l) => sum + l.amountCny, 0);
    expect(pingwei / total).toBeGreaterThan(0.55);
    expect(pingwei / total).toBeLessThan(0.65);
  });

  it('keeps scrap returns apart from supply between Ruitong and Shunbo', async () => {
    const { firm } = await gqlDataAs<{ firm: { suppliers: TradeLink[]; customers: TradeLink[] } }>(
      server.url,
      bureau,
      `{ firm(id: "ruitong") {
          suppliers(year: 2024) { firm { id } segment { code } year kind amountCny orderCount }
          customers(year: 2024, kind: SCRAP_RETURN) { firm { id } segment { code } year kind amountCny orderCount } } }`,
    );
    const bought = firm.suppliers.filter((l) => l.firm.id === 'shunbo');
    const returned = firm.customers.filter((l) => l.firm.id === 'shunbo');
    expect(bought.every((l) => l.kind === 'SUPPLY')).toBe(true);
    expect(returned.length).toBeGreaterThan(0);
    expect(returned.every((l) => l.kind === 'SCRAP_RETURN')).toBe(true);
    const both = [...bought, ...returned].reduce((sum, l) => sum + l.amountCny, 0);
    expect(both).toBe(100_000_000);
  });

  it('lists a firm’s orders newest first with a total count', async () => {
    const { firm } = await gqlDataAs<{
      firm: { orders: { totalCount: number; edges: { node: { year: number; supplier: { id: string }; buyer: { id: string }; amountCny: number } }[] } };
    }>(server.url, bureau, '{ firm(id: "aofang") { orders(first: 10) { totalCount edges { node { year supplier { id } buyer { id } amountCny } } } } }');
    const years = firm.orders.edges.map((e) => e.node.year);
    expect(firm.orders.totalCount).toBe(firm.orders.edges.length);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(firm.orders.edges).toContainEqual({ node: { year: 2024, supplier: { id: 'aofang' }, buyer: { id: 'anrui' }, amountCny: 3_000_000 } });
  });

  it('shows the mentoring ties Jianya → Yi’an and Pingwei → Tianchiyu', async () => {
    const { supportTies } = await gqlDataAs<{ supportTies: { from: { id: string }; to: { id: string }; kinds: string[]; since: string | null }[] }>(
      server.url,
      bureau,
      '{ supportTies { from { id } to { id } kinds since } }',
    );
    const pairs = supportTies.map((s) => `${s.from.id}->${s.to.id}`);
    expect(pairs).toEqual(expect.arrayContaining(['jianya->yian', 'pingwei->tianchiyu']));
    const { firm } = await gqlDataAs<{ firm: { supportedBy: { from: { id: string }; since: string | null }[] } }>(
      server.url,
      bureau,
      '{ firm(id: "tianchiyu") { supportedBy { from { id } since } } }',
    );
    expect(firm.supportedBy).toEqual([{ from: { id: 'pingwei' }, since: '2024-07' }]);
  });

  it('draws 2023 with the Guang’an supplier feeding Anrui, and 2024 with Aofang instead', async () => {
    const q = 'query F($year: Int) { tradeFlows(year: $year, kind: SUPPLY) { supplier { id district { inRegion } } buyer { id } segment { code } amountCny } }';
    type Flows = { tradeFlows: { supplier: { id: string; district: { inRegion: boolean } }; buyer: { id: string }; segment: { code: string } }[] };
    const y2023 = await gqlDataAs<Flows>(server.url, bureau, q, { year: 2023 });
    const y2024 = await gqlDataAs<Flows>(server.url, bureau, q, { year: 2024 });
    const surfaceToAnrui = (f: Flows) =>
      f.tradeFlows.filter((t) => t.buyer.id === 'anrui' && t.segment.code === 'SURFACE_TREATMENT').map((t) => t.supplier);
    expect(surfaceToAnrui(y2023).map((s) => s.district.inRegion)).toEqual([false]);
    expect(surfaceToAnrui(y2024).map((s) => s.id)).toEqual(['aofang']);
  });
});
