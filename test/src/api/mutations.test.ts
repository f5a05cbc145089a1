import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness';
import { gqlAs, gqlDataAs, tokenFor } from '../roles';

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await tokenFor(server.store, { role: 'ADMIN' });
});
afterAll(() => server.close());

const SNAPSHOT = `{
  firms(first: 500) { totalCount edges { node { id nameZh nameEn shortNameZh district { code } isChainLeader outputCny yieldRate certifications
    capabilities { segment { code } capacity utilisation yieldRate } updatedAt } } }
  tradeFlows { supplier { id } buyer { id } segment { code } year kind amountCny orderCount }
}`;

/** Everything a bad request could have touched, read back over the API. */
const snapshot = async () => JSON.stringify(await gqlDataAs(server.url, admin, SNAPSHOT));

const UPSERT = `mutation Upsert($input: FirmInput!) { upsertFirm(input: $input) { id nameZh nameEn district { code } certifications } }`;
const RECORD = `mutation Record($input: OrderInput!) { recordOrder(input: $input) { id kind year amountCny supplier { id } buyer { id } segment { code } status } }`;

const newFirm = {
  id: 'test-hechuan-plating',
  nameZh: '重庆测试表面处理有限公司',
  nameEn: 'Chongqing Test Plating Co.',
  districtCode: '500117',
  certifications: ['IATF 16949'],
};

const validOrder = {
  kind: 'SUPPLY',
  supplierId: 'aofang',
  buyerId: 'anrui',
  segmentCode: 'SURFACE_TREATMENT',
  year: 2025,
  amountCny: 1_000_000,
};

describe('mutations', () => {
  it('creates a firm, updates it, sets a capability and finds it by search', async () => {
    const created = await gqlDataAs<{ upsertFirm: { id: string; district: { code: string } } }>(server.url, admin, UPSERT, { input: newFirm });
    expect(created.upsertFirm).toMatchObject({ id: newFirm.id, district: { code: '500117' } });

    const moved = await gqlDataAs<{ upsertFirm: { district: { code: string }; nameEn: string } }>(server.url, admin, UPSERT, {
      input: { ...newFirm, districtCode: '500118', nameEn: 'Chongqing Test Plating (Yongchuan) Co.' },
    });
    expect(moved.upsertFirm.district.code).toBe('500118');

    await gqlDataAs(server.url, admin, 'mutation { setCapability(input: { firmId: "test-hechuan-plating", segmentCode: "SURFACE_TREATMENT", capacity: 1000, unit: "sets", utilisation: 0.25, yieldRate: 0.92 }) { id } }');
    const { firms } = await gqlDataAs<{ firms: { edges: { node: { id: string; district: { code: string }; capabilities: { spareCapacity: number }[] } }[] } }>(
      server.url,
      admin,
      '{ firms(filter: { search: "test plating", districtCodes: ["500118"], segmentCodes: ["SURFACE_TREATMENT"] }) { edges { node { id district { code } capabilities { spareCapacity } } } } }',
    );
    expect(firms.edges.map((e) => e.node)).toEqual([
      { id: newFirm.id, district: { code: '500118' }, capabilities: [{ spareCapacity: 750 }] },
    ]);
  });

  it("lets a firm's staff keep its profile, but its roles and district are its bureau's to set", async () => {
    const staff = await tokenFor(server.store, { role: 'FIRM', firmId: 'aofang' });
    const bureau = await tokenFor(server.store, { role: 'BUREAU', districtCode: '500120' });
    const PROFILE = `{ firm(id: "aofang") { id nameZh nameEn shortNameZh shortNameEn creditCode isChainLeader isOem isRecycler
      outputCny outputYear yieldRate certifications lat lng notes district { code } } }`;
    const { firm } = await gqlDataAs<{ firm: Record<string, unknown> & { district: { code: string } } }>(server.url, admin, PROFILE);
    const { district, ...rest } = firm;
    const profile = { ...rest, districtCode: district.code };
    expect(profile).toMatchObject({ districtCode: '500120', isChainLeader: false });

    const saved = await gqlAs(server.url, staff, UPSERT, { input: { ...profile, notes: 'Two new plating lines from 2025.' } });
    expect(saved.errors).toBeUndefined();

    const before = await snapshot();
    for (const [patch, field] of [
      [{ isChainLeader: true }, 'input.isChainLeader'],
      [{ isRecycler: true }, 'input.isRecycler'],
      [{ districtCode: '500117' }, 'input.districtCode'],
    ] as const) {
      const refused = await gqlAs(server.url, staff, UPSERT, { input: { ...profile, ...patch } });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.errors?.[0]?.message).toContain(field);
    }
    expect(await snapshot()).toBe(before);

    const promoted = await gqlAs(server.url, bureau, UPSERT, { input: { ...profile, isChainLeader: true } });
    expect(promoted.errors).toBeUndefined();
    const { firm: after } = await gqlDataAs<{ firm: { isChainLeader: boolean } }>(server.url, admin, PROFILE);
    expect(after.isChainLeader).toBe(true);
    await gqlDataAs(server.url, bureau, UPSERT, { input: profile });
  });

  it('stores a name with an apostrophe and query words literally', async () => {
    const literal = "Yi'an MATCH (n) DETACH DELETE n RETURN Co.";
    const before = await gqlDataAs<{ firms: { totalCount: number } }>(server.url, admin, '{ firms { totalCount } }');
    const res = await gqlDataAs<{ upsertFirm: { nameEn: string } }>(server.url, admin, UPSERT, {
      input: { ...newFirm, id: 'test-literal-name', nameEn: literal },
    });
    expect(res.upsertFirm.nameEn).toBe(literal);
    const after = await gqlDataAs<{ firms: { totalCount: number } }>(server.url, admin, '{ firms { totalCount } }');
    expect(after.firms.totalCount).toBe(before.firms.totalCount + 1);
  });

  it('records an order, then replaces and deletes it', async () => {
    const rec = await gqlDataAs<{ recordOrder: { id: string; status: string; amountCny: number } }>(server.url, admin, RECORD, { input: validOrder });
    expect(rec.recordOrder).toMatchObject({ amountCny: 1_000_000, status: 'ACTIVE' });
    const id = rec.recordOrder.id;

    const replaced = await gqlDataAs<{ recordOrder: { id: string; amountCny: number; status: string } }>(server.url, admin, RECORD, {
      input: { ...validOrder, id, amountCny: 2_500_000, status: 'EXPECTED' },
    });
    expect(replaced.recordOrder).toMatchObject({ id, amountCny: 2_500_000, status: 'EXPECTED' });

    const deleted = await gqlDataAs<{ deleteOrder: string }>(server.url, admin, 'mutation D($id: ID!) { deleteOrder(id: $id) }', { id });
    expect(deleted.deleteOrder).toBe(id);
    const gone = await gqlDataAs<{ order: unknown }>(server.url, admin, 'query O($id: ID!) { order(id: $id) { id } }', { id });
    expect(gone.order).toBeNull();

    const again = await gqlAs(server.url, admin, 'mutation D($id: ID!) { deleteOrder(id: $id) }', { id });
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('sets a need, then removes it, and says when there is none to remove', async () => {
    const needs = async () =>
      (await gqlDataAs<{ firm: { needs: { segment: { code: string } }[] } }>(server.url, admin, '{ firm(id: "aofang") { needs { segment { code } } } }')).firm.needs.map(
        (n) => n.segment.code,
      );
    await gqlDataAs(server.url, admin, 'mutation { setNeed(input: {firmId: "aofang", segmentCode: "SCRAP_AL", annualDemand: 12, unit: "tonnes"}) { id } }');
    expect(await needs()).toContain('SCRAP_AL');
    const removed = await gqlDataAs<{ removeNeed: { id: string } }>(server.url, admin, 'mutation { removeNeed(firmId: "aofang", segmentCode: "SCRAP_AL") { id } }');
    expect(removed.removeNeed.id).toBe('aofang');
    expect(await needs()).not.toContain('SCRAP_AL');
    const again = await gqlAs(server.url, admin, 'mutation { removeNeed(firmId: "aofang", segmentCode: "SCRAP_AL") { id } }');
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('tells each viewer whether it may record orders for a firm', async () => {
    const canRecord = async (token: string | null) =>
      (await gqlDataAs<{ firm: { viewerCanRecordOrders: boolean; viewerCanEdit: boolean } }>(server.url, token, '{ firm(id: "aofang") { viewerCanRecordOrders viewerCanEdit } }')).firm;
    expect(await canRecord(admin)).toEqual({ viewerCanRecordOrders: true, viewerCanEdit: true });
    expect(await canRecord(await tokenFor(server.store, { role: 'FIRM', firmId: 'aofang' }))).toEqual({ viewerCanRecordOrders: true, viewerCanEdit: true });
    // Bishan's bureau edits Aofang's profile, but its orders are for the trading parties to record.
    expect(await canRecord(await tokenFor(server.store, { role: 'BUREAU', districtCode: '500120' }))).toEqual({ viewerCanRecordOrders: false, viewerCanEdit: true });
    expect(await canRecord(await tokenFor(server.store, { role: 'FIRM', firmId: 'anrui' }))).toEqual({ viewerCanRecordOrders: false, viewerCanEdit: false });
    expect(await canRecord(null)).toEqual({ viewerCanRecordOrders: false, viewerCanEdit: false });
  });

  it('records a scrap return only towards a recycler', async () => {
    const res = await gqlAs(server.url, admin, RECORD, {
      input: { ...validOrder, kind: 'SCRAP_RETURN', segmentCode: 'SCRAP_AL', buyerId: 'anrui' },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.buyerId' });
  });
});

describe('bad input is refused, named and changes nothing', () => {
  const cases: { name: string; query: string; input: Record<string, unknown>; field: string }[] = [
    { name: 'unknown district', query: UPSERT, input: { ...newFirm, id: 'bad-1', districtCode: '999999' }, field: 'input.districtCode' },
    { name: 'empty name', query: UPSERT, input: { ...newFirm, id: 'bad-2', nameZh: '   ' }, field: 'input.nameZh' },
    { name: '10,000-character name', query: UPSERT, input: { ...newFirm, id: 'bad-3', nameEn: 'x'.repeat(10_000) }, field: 'input.nameEn' },
    {
      name: 'name with quotes and Cypher keywords',
      query: UPSERT,
      input: { ...newFirm, id: 'bad-4', nameEn: 'Evil" }) MATCH (n) DETACH DELETE n //' },
      field: 'input.nameEn',
    },
    {
      name: 'id with quotes and Cypher keywords',
      query: UPSERT,
      input: { ...newFirm, id: "x' OR 1=1 DETACH DELETE n //" },
      field: 'input.id',
    },
    { name: 'yield above 1', query: UPSERT, input: { ...newFirm, id: 'bad-5', yieldRate: 1.5 }, field: 'input.yieldRate' },
    { name: 'negative amount', query: RECORD, input: { ...validOrder, amountCny: -5 }, field: 'input.amountCny' },
    { name: 'unknown supplier', query: RECORD, input: { ...validOrder, supplierId: 'nobody' }, field: 'input.supplierId' },
    { name: 'unknown segment', query: RECORD, input: { ...validOrder, segmentCode: 'NO_SUCH' }, field: 'input.segmentCode' },
    { name: 'a year out of range', query: RECORD, input: { ...validOrder, year: 1800 }, field: 'input.year' },
    { name: 'an order to oneself', query: RECORD, input: { ...validOrder, buyerId: 'aofang' }, field: 'input.buyerId' },
  ];

  for (const c of cases) {
    it(`refuses ${c.name}`, async () => {
      const before = await snapshot();
      const res = await gqlAs(server.url, admin, c.query, { input: c.input });
      expect(res.data ?? null).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: c.field });
      expect(res.errors?.[0]?.message).toContain(c.field);
      expect(await snapshot()).toBe(before);
    });
  }

  it('refuses a cursor it did not issue and a page larger than 500', async () => {
    const badCursor = await gqlAs(server.url, admin, '{ firms(after: "not-a-cursor") { totalCount } }');
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const tooMany = await gqlAs(server.url, admin, '{ firms(first: 100000) { totalCount } }');
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'pagination.first' });
  });

  it('names the element of a list filter that is bad', async () => {
    const res = await gqlAs(server.url, admin, '{ firms(filter: { districtCodes: ["bad code!"] }) { totalCount } }');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.districtCodes.0' });
  });
});
