import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlData, startTestServer, type TestServer } from '../harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

interface FirmNode {
  id: string;
  nameZh: string;
  nameEn: string;
  district: { code: string; nameEn: string; inRegion: boolean };
  capabilities: { segment: { code: string; nameEn: string }; spareCapacity: number | null }[];
}
interface FirmsData {
  firms: {
    totalCount: number;
    edges: { cursor: string; node: FirmNode }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const FIRMS = `query Firms($filter: FirmFilter, $first: Int, $after: String) {
  firms(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { id nameZh nameEn district { code nameEn inRegion } capabilities { segment { code nameEn } spareCapacity } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const ids = (d: FirmsData) => d.firms.edges.map((e) => e.node.id).sort();

describe('firms', () => {
  it('finds Aofang in Bishan with its surface-treatment capability (the README example)', async () => {
    const data = await gqlData<FirmsData>(server.url, FIRMS, { filter: { search: '奥方' } });
    expect(data.firms.totalCount).toBe(1);
    const aofang = data.firms.edges[0]?.node;
    expect(aofang?.nameZh).toBe('重庆奥方汽车零部件有限公司');
    expect(aofang?.district.code).toBe('500120');
    expect(aofang?.district.nameEn).toMatch(/Bishan/);
    const surface = aofang?.capabilities.find((c) => c.segment.code === 'SURFACE_TREATMENT');
    expect(surface?.segment.nameEn).toMatch(/surface/i);
    expect(surface?.spareCapacity).toBeGreaterThan(0);
  });

  it('searches English and short names case-insensitively', async () => {
    const upper = await gqlData<FirmsData>(server.url, FIRMS, { filter: { search: 'AOFANG' } });
    expect(ids(upper)).toEqual(['aofang']);
    const short = await gqlData<FirmsData>(server.url, FIRMS, { filter: { search: '顺博' } });
    expect(ids(short)).toEqual(['shunbo']);
  });

  it('filters by district, segment, region, chain leadership, yield and certification', async () => {
    const hechuan = await gqlData<FirmsData>(server.url, FIRMS, { filter: { districtCodes: ['500117'] }, first: 100 });
    expect(ids(hechuan)).toEqual(expect.arrayContaining(['anrui', 'jianya', 'pingwei', 'shunbo', 'tianchiyu']));
    expect(hechuan.firms.edges.every((e) => e.node.district.code === '500117')).toBe(true);

    const surface = await gqlData<FirmsData>(server.url, FIRMS, { filter: { segmentCodes: ['SURFACE_TREATMENT'] }, first: 100 });
    expect(ids(surface)).toContain('aofang');
    expect(surface.firms.edges.every((e) => e.node.capabilities.some((c) => c.segment.code === 'SURFACE_TREATMENT'))).toBe(true);

    const outside = await gqlData<FirmsData>(server.url, FIRMS, { filter: { inRegion: false }, first: 100 });
    expect(outside.firms.totalCount).toBeGreaterThan(0);
    expect(outside.firms.edges.every((e) => !e.node.district.inRegion)).toBe(true);
    expect(ids(outside)).toEqual(expect.arrayContaining(['changan', 'seres']));

    const leaders = await gqlData<FirmsData>(server.url, FIRMS, { filter: { chainLeader: true }, first: 100 });
    expect(ids(leaders)).toEqual(expect.arrayContaining(['anrui', 'pingwei']));
    expect(ids(leaders)).not.toContain('aofang');

    const good = await gqlData<FirmsData>(server.url, FIRMS, {
      filter: { segmentCodes: ['SURFACE_TREATMENT'], minYieldRate: 0.85, inRegion: true },
      first: 100,
    });
    expect(ids(good)).toContain('aofang');
    expect(ids(good)).not.toContain('guangan-moto');

    const certified = await gqlData<FirmsData>(server.url, FIRMS, { filter: { certification: 'IATF 16949' }, first: 100 });
    expect(certified.firms.totalCount).toBeGreaterThan(0);
    expect(certified.firms.totalCount).toBeLessThan(hechuan.firms.totalCount + outside.firms.totalCount + 20);
  });

  it('includes firms that make a child segment when asked for the parent', async () => {
    const { segments } = await gqlData<{ segments: { code: string; parent: { code: string } | null }[] }>(
      server.url,
      '{ segments { code parent { code } } }',
    );
    const parentOfDieCasting = segments.find((s) => s.code === 'AL_DIE_CASTING')?.parent?.code;
    expect(parentOfDieCasting).toBeTruthy();
    const byParent = await gqlData<FirmsData>(server.url, FIRMS, { filter: { segmentCodes: [parentOfDieCasting] }, first: 200 });
    const byChild = await gqlData<FirmsData>(server.url, FIRMS, { filter: { segmentCodes: ['AL_DIE_CASTING'] }, first: 200 });
    expect(byChild.firms.totalCount).toBeGreaterThan(0);
    expect(ids(byParent)).toEqual(expect.arrayContaining(ids(byChild)));
  });

  it('pages through every firm exactly once with cursors', async () => {
    const all = await gqlData<FirmsData>(server.url, FIRMS, { first: 500 });
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const data: FirmsData = await gqlData<FirmsData>(server.url, FIRMS, { first: 5, after });
      expect(data.firms.totalCount).toBe(all.firms.totalCount);
      seen.push(...data.firms.edges.map((e) => e.node.id));
      if (!data.firms.pageInfo.hasNextPage) break;
      after = data.firms.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(all.firms.totalCount);
    expect(new Set(seen).size).toBe(all.firms.totalCount);
  });

  it('answers null for an unknown firm id', async () => {
    const data = await gqlData<{ firm: unknown }>(server.url, '{ firm(id: "no-such-firm") { id } }');
    expect(data.firm).toBeNull();
  });
});
