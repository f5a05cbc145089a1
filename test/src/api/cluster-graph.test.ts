import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness';
import { gqlAs, gqlDataAs, tokenFor } from '../roles';

/** clusterGraph over HTTP against the article's seed: the map's scope, styles' inputs and who sees amounts. */

let server: TestServer;
let bureau: string;
let aofang: string;

beforeAll(async () => {
  server = await startTestServer();
  bureau = await tokenFor(server.store, { role: 'BUREAU', districtCode: '500117' });
  aofang = await tokenFor(server.store, { role: 'FIRM', firmId: 'aofang' });
});
afterAll(() => server.close());

interface Node { id: string; kind: string; label: string; parent: string | null; size: number; inRegion: boolean; tier: number | null; firm: { id: string } | null }
interface Edge { id: string; source: string; target: string; kind: string; amountCny: number | null; amountHidden: boolean }
interface Graph { clusterGraph: { nodes: Node[]; edges: Edge[] } }

const QUERY = `query G($filter: GraphFilter, $lang: Lang) { clusterGraph(filter: $filter, lang: $lang) {
  nodes { id kind label parent size inRegion tier firm { id } }
  edges { id source target kind amountCny amountHidden } } }`;

const graph = (token: string | null, filter: Record<string, unknown>, lang?: string) =>
  gqlDataAs<Graph>(server.url, token, QUERY, { filter, lang }).then((d) => d.clusterGraph);

const AOFANG_ANRUI = 'flow:SUPPLY:aofang>anrui:SURFACE_TREATMENT';
const SCRAP = 'flow:SCRAP_RETURN:ruitong>shunbo:SCRAP_AL';

describe('clusterGraph', () => {
  it("draws Hechuan's firms inside the Hechuan compound, with partners in their own districts", async () => {
    const g = await graph(null, { districtCodes: ['500117'], year: 2024 });
    const hechuan = g.nodes.filter((n) => n.parent === 'district:500117').map((n) => n.id);
    expect(hechuan).toEqual(expect.arrayContaining(['firm:anrui', 'firm:pingwei', 'firm:jianya', 'firm:shunbo', 'firm:tianchiyu']));
    expect(g.nodes.find((n) => n.id === 'firm:aofang')).toMatchObject({ parent: 'district:500120', kind: 'SUPPLIER', firm: { id: 'aofang' } });
    expect(g.nodes.find((n) => n.id === 'firm:anrui')?.kind).toBe('CHAIN_LEADER');
    expect(g.nodes.find((n) => n.id === 'firm:shunbo')?.kind).toBe('RECYCLER');
    expect(g.nodes.find((n) => n.id === 'district:500117')).toMatchObject({ kind: 'DISTRICT', parent: null, label: '合川区' });
    expect(g.edges.find((e) => e.id === AOFANG_ANRUI)).toMatchObject({ source: 'firm:aofang', target: 'firm:anrui', kind: 'SUPPLY' });
    expect(g.edges.some((e) => e.kind === 'SUPPORT' && e.source === 'firm:pingwei' && e.target === 'firm:tianchiyu')).toBe(true);
    for (const edge of g.edges) {
      expect(g.nodes.some((n) => n.id === edge.source)).toBe(true);
      expect(g.nodes.some((n) => n.id === edge.target)).toBe(true);
    }
    const sizes = g.nodes.filter((n) => n.kind !== 'DISTRICT').map((n) => n.size);
    expect(Math.max(...sizes)).toBe(1);
  });

  it("shows 2023's supplier in Guang'an outside the region, and labels in English on request", async () => {
    const g = await graph(null, { leaderId: 'anrui', year: 2023 }, 'en');
    const outside = g.nodes.filter((n) => n.kind !== 'DISTRICT' && !n.inRegion);
    expect(outside.map((n) => n.id)).toContain('firm:guangan-moto');
    expect(g.nodes.find((n) => n.id === 'firm:anrui')).toMatchObject({ tier: 0, label: 'Anrui' });
    expect(g.nodes.find((n) => n.id === 'firm:guangan-moto')?.tier).toBe(1);
  });

  it('draws the Shunbo–Ruitong scrap loop only with scrap returns included', async () => {
    const withScrap = await graph(null, { year: 2024 });
    expect(withScrap.edges.find((e) => e.id === SCRAP)).toMatchObject({ source: 'firm:ruitong', target: 'firm:shunbo', kind: 'SCRAP_RETURN' });
    expect(withScrap.edges.some((e) => e.kind === 'SUPPLY' && e.source === 'firm:shunbo' && e.target === 'firm:ruitong')).toBe(true);
    const without = await graph(null, { year: 2024, includeScrap: false, includeSupport: false });
    expect(without.edges.every((e) => e.kind === 'SUPPLY')).toBe(true);
  });

  it('narrows to a segment, counting an order once under two asked segments', async () => {
    const g = await graph(null, { segmentCodes: ['SURFACE_TREATMENT'], year: 2024, includeSupport: false });
    expect(g.edges.map((e) => e.id)).toContain(AOFANG_ANRUI);
    expect(g.edges.every((e) => e.id.endsWith(':SURFACE_TREATMENT'))).toBe(true);
    const twice = await gqlDataAs<{ clusterGraph: { edges: Edge[] } }>(server.url, bureau, QUERY, {
      filter: { segmentCodes: ['SURFACE_TREATMENT', 'PARTS'], year: 2024, includeSupport: false },
    });
    expect(twice.clusterGraph.edges.find((e) => e.id === AOFANG_ANRUI)?.amountCny).toBe(3_000_000);
  });

  it('shows amounts to bureaus and to the parties only; nulls, not errors, for everyone else', async () => {
    const anonymous = await gqlAs<Graph>(server.url, null, QUERY, { filter: { year: 2024 } });
    expect(anonymous.errors).toBeUndefined();
    const flows = anonymous.data?.clusterGraph.edges.filter((e) => e.kind !== 'SUPPORT') ?? [];
    expect(flows.length).toBeGreaterThan(3);
    expect(flows.every((e) => e.amountCny === null && e.amountHidden)).toBe(true);

    const asBureau = await graph(bureau, { year: 2024 });
    expect(asBureau.edges.find((e) => e.id === AOFANG_ANRUI)).toMatchObject({ amountCny: 3_000_000, amountHidden: false });

    const asAofang = await graph(aofang, { year: 2024 });
    expect(asAofang.edges.find((e) => e.id === AOFANG_ANRUI)?.amountCny).toBe(3_000_000);
    expect(asAofang.edges.find((e) => e.id === SCRAP)).toMatchObject({ amountCny: null, amountHidden: true });
    const tie = asBureau.edges.find((e) => e.kind === 'SUPPORT');
    expect(tie).toMatchObject({ amountCny: null, amountHidden: false });
  });

  it('gives the same graph as columns, hidden amounts included, for each viewer', async () => {
    const NODE = 'id kind labelZh labelEn parent firmId districtCode inRegion size outputCny lat lng tier';
    const EDGE = 'id source target kind amountCny amountHidden orderCount segmentCode supportKinds since';
    const both = `query B($filter: GraphFilter) { clusterGraph(filter: $filter) {
      nodes { ${NODE} } edges { ${EDGE} segment { code nameZh nameEn } }
      columns { nodes { ${NODE} } edges { ${EDGE} segments { code nameZh nameEn } } } } }`;
    type Row = Record<string, unknown>;
    type Both = { clusterGraph: { nodes: Row[]; edges: Row[]; columns: { nodes: Record<string, unknown[]>; edges: Record<string, unknown[]> } } };
    const rowsOf = (columns: Record<string, unknown[]>, fields: string): Row[] =>
      (columns.id ?? []).map((_id, i) => Object.fromEntries(fields.split(' ').map((f) => [f, columns[f]?.[i]])));
    for (const token of [null, bureau, aofang]) {
      const g = (await gqlDataAs<Both>(server.url, token, both, { filter: { year: 2024 } })).clusterGraph;
      expect(rowsOf(g.columns.nodes, NODE)).toEqual(g.nodes);
      expect(rowsOf(g.columns.edges, EDGE)).toEqual(g.edges.map(({ segment: _segment, ...edge }) => edge));
      const segments = new Map(g.edges.flatMap((e) => (e.segment ? [[e.segmentCode, e.segment] as const] : [])));
      expect(g.columns.edges.segments).toEqual(expect.arrayContaining([...segments.values()]));
      expect(g.columns.edges.segments).toHaveLength(segments.size);
    }
  });

  it('refuses bad filters naming the field, and an unknown leader', async () => {
    const bad = await gqlAs(server.url, null, QUERY, { filter: { tiers: 9 } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.tiers' });
    const unknown = await gqlAs(server.url, null, QUERY, { filter: { leaderId: 'nobody' } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('draws the store as it stands: a kept graph gives way to the next write', async () => {
    const admin = await tokenFor(server.store, { role: 'ADMIN' });
    const amount = async () => (await graph(bureau, { year: 2024 })).edges.find((e) => e.id === AOFANG_ANRUI)?.amountCny;
    expect(await amount()).toBe(3_000_000);
    const input = { kind: 'SUPPLY', supplierId: 'aofang', buyerId: 'anrui', segmentCode: 'SURFACE_TREATMENT', year: 2024, amountCny: 1_000_000 };
    const { recordOrder } = await gqlDataAs<{ recordOrder: { id: string } }>(server.url, admin, `mutation R($input: OrderInput!) { recordOrder(input: $input) { id } }`, { input });
    expect(await amount()).toBe(4_000_000);
    await gqlDataAs(server.url, admin, `mutation D($id: ID!) { deleteOrder(id: $id) }`, { id: recordOrder.id });
    expect(await amount()).toBe(3_000_000);
  });
});
