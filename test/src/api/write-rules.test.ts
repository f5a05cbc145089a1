import { articleDataset } from '@yulian/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportKind } from '../../../server/src/import/columns';
import { startTestServer, type TestServer } from '../harness';
import { fullDump, templateCsv, upload } from '../import/helpers';
import { gqlAs, tokenFor, type Principal } from '../roles';

/**
 * One rule, one place: every rule of auth/policy.ts and every business rule a write obeys refuses
 * the same change whether it comes as a GraphQL mutation or as a spreadsheet row, and neither
 * path changes anything. Each case is tried both ways against one running server; the allowed
 * counterparts at the end show both paths still write.
 */

const UPSERT_FIRM = 'mutation($input: FirmInput!) { upsertFirm(input: $input) { id } }';
const SET_CAPABILITY = 'mutation($input: CapabilityInput!) { setCapability(input: $input) { id } }';
const SET_NEED = 'mutation($input: NeedInput!) { setNeed(input: $input) { id } }';
const RECORD_ORDER = 'mutation($input: OrderInput!) { recordOrder(input: $input) { id } }';
const UPSERT_TARGET = 'mutation($input: TargetInput!) { upsertTarget(input: $input) { id } }';

/** A seeded Hechuan target as the form sends it, with changes; `row` adds what a file row carries. */
const target = (id: string, segmentCode: string, patch: Record<string, unknown> = {}) => ({ id, name: '规则测试目标', districtCode: '500117', segmentCode, ...patch });

const FIRM_INPUT_KEYS = [
  'id', 'nameZh', 'nameEn', 'shortNameZh', 'shortNameEn', 'districtCode', 'creditCode', 'isChainLeader', 'isOem', 'isRecycler',
  'outputCny', 'outputYear', 'yieldRate', 'certifications', 'lat', 'lng', 'notes',
] as const;

/** An article firm's profile as the form sends it, with changes. */
function firm(id: string, patch: Record<string, unknown> = {}): Record<string, unknown> {
  const record = articleDataset.firms.find((f) => f.id === id) as Record<string, unknown> | undefined;
  if (!record) throw new Error(`no article firm ${id}`);
  return { ...Object.fromEntries(FIRM_INPUT_KEYS.map((k) => [k, record[k] ?? null])), ...patch };
}

const order = (patch: Record<string, unknown>) => ({
  id: 'rules-order-1', kind: 'SUPPLY', supplierId: 'aofang', buyerId: 'anrui', segmentCode: 'SURFACE_TREATMENT', year: 2025, amountCny: 1_000_000, ...patch,
});

interface Case {
  rule: string;
  who: Principal;
  mutation: string;
  input: Record<string, unknown>;
  kind: ImportKind;
  /** The code the API answers and the field it names (the import names the same column). */
  code: 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND';
  field: string;
  /** A role the import refuses outright (403) before any row is read. */
  kindRefused?: true;
  /** The file row, where it carries more than the form (a target's stage); defaults to the input. */
  row?: Record<string, unknown>;
}

const tianchiyu: Principal = { role: 'FIRM', firmId: 'tianchiyu' };
const aofang: Principal = { role: 'FIRM', firmId: 'aofang' };
const hechuanBureau: Principal = { role: 'BUREAU', districtCode: '500117' };
const admin: Principal = { role: 'ADMIN' };

const cases: Case[] = [
  { rule: "classifiesFirm: a firm's staff may not make it a chain leader, OEM or recycler", who: tianchiyu, mutation: UPSERT_FIRM, kind: 'firms',
    input: firm('tianchiyu', { isChainLeader: true, isOem: true, isRecycler: true }), code: 'FORBIDDEN', field: 'isChainLeader' },
  { rule: "classifiesFirm: a firm's staff may not move it to another district", who: tianchiyu, mutation: UPSERT_FIRM, kind: 'firms',
    input: firm('tianchiyu', { districtCode: '500120' }), code: 'FORBIDDEN', field: 'districtCode' },
  { rule: "editsFirm: a firm's staff may not edit another firm", who: aofang, mutation: UPSERT_FIRM, kind: 'firms',
    input: firm('anrui', { notes: 'edited by a supplier' }), code: 'FORBIDDEN', field: 'id' },
  { rule: 'editsFirm: a bureau may not edit a firm of another district', who: hechuanBureau, mutation: UPSERT_FIRM, kind: 'firms',
    input: firm('aofang', { notes: 'edited by the wrong bureau' }), code: 'FORBIDDEN', field: 'id' },
  { rule: 'editsFirm: a bureau may not create a firm in another district', who: hechuanBureau, mutation: UPSERT_FIRM, kind: 'firms',
    input: { id: 'rules-new-firm', nameZh: '规则测试企业', nameEn: 'Rules test firm', districtCode: '500120' }, code: 'FORBIDDEN', field: 'districtCode' },
  { rule: "editsFirm: a firm's staff may not create another firm", who: aofang, mutation: UPSERT_FIRM, kind: 'firms',
    input: { id: 'rules-new-firm', nameZh: '规则测试企业', nameEn: 'Rules test firm', districtCode: '500120' }, code: 'FORBIDDEN', field: 'districtCode' },
  { rule: 'a firm is in a district that exists', who: admin, mutation: UPSERT_FIRM, kind: 'firms',
    input: firm('aofang', { districtCode: '999999' }), code: 'BAD_USER_INPUT', field: 'districtCode' },
  { rule: 'editsFirm: capabilities of another firm', who: aofang, mutation: SET_CAPABILITY, kind: 'capabilities',
    input: { firmId: 'anrui', segmentCode: 'SURFACE_TREATMENT', capacity: 1000 }, code: 'FORBIDDEN', field: 'firmId' },
  { rule: 'a capability is of a segment that exists', who: admin, mutation: SET_CAPABILITY, kind: 'capabilities',
    input: { firmId: 'aofang', segmentCode: 'NO_SUCH_SEGMENT', capacity: 1000 }, code: 'BAD_USER_INPUT', field: 'segmentCode' },
  { rule: 'editsFirm: needs of another firm', who: aofang, mutation: SET_NEED, kind: 'needs',
    input: { firmId: 'anrui', segmentCode: 'SURFACE_TREATMENT', annualDemand: 5 }, code: 'FORBIDDEN', field: 'firmId' },
  { rule: 'a need is of a firm that exists', who: admin, mutation: SET_NEED, kind: 'needs',
    input: { firmId: 'no-such-firm', segmentCode: 'SURFACE_TREATMENT', annualDemand: 5 }, code: 'BAD_USER_INPUT', field: 'firmId' },
  { rule: 'recordsOrder: a firm records only orders it is a party to', who: aofang, mutation: RECORD_ORDER, kind: 'orders',
    input: order({ supplierId: 'jianya', buyerId: 'yian' }), code: 'FORBIDDEN', field: 'supplierId' },
  // Refused in the words an unknown id gets (NOT_FOUND), so the answer does not tell that the order exists.
  { rule: "recordsOrder: a firm may not take over other parties' order by naming itself", who: aofang, mutation: RECORD_ORDER, kind: 'orders',
    input: order({ id: 'o-2024-yian-jianya-bd', supplierId: 'aofang', buyerId: 'jianya' }), code: 'NOT_FOUND', field: 'id' },
  { rule: 'a scrap return goes to a recycler', who: admin, mutation: RECORD_ORDER, kind: 'orders',
    input: order({ kind: 'SCRAP_RETURN', segmentCode: 'SCRAP_AL', buyerId: 'anrui' }), code: 'BAD_USER_INPUT', field: 'buyerId' },
  { rule: 'an order is between firms that exist', who: admin, mutation: RECORD_ORDER, kind: 'orders',
    input: order({ buyerId: 'no-such-firm' }), code: 'BAD_USER_INPUT', field: 'buyerId' },
  { rule: 'an order is of a segment that exists', who: admin, mutation: RECORD_ORDER, kind: 'orders',
    input: order({ segmentCode: 'NO_SUCH_SEGMENT' }), code: 'BAD_USER_INPUT', field: 'segmentCode' },
  { rule: 'recordsOrdersOf: a bureau records no orders', who: hechuanBureau, mutation: RECORD_ORDER, kind: 'orders',
    input: order({ supplierId: 'jianya', buyerId: 'anrui', segmentCode: 'BEARING' }), code: 'FORBIDDEN', field: 'supplierId', kindRefused: true },
  { rule: 'an investment team changes no firm data', who: { role: 'INVESTMENT', districtCode: '500117' }, mutation: UPSERT_FIRM, kind: 'firms',
    input: firm('anrui', { notes: 'edited by investment' }), code: 'FORBIDDEN', field: 'id', kindRefused: true },
  // Another district's target is no target to this team: its id is refused as an unknown one is
  // (NOT_FOUND), here claimed for the team's own district so that both paths get that far.
  { rule: "managesTargetsOf: a district's team may not change another district's target", who: { role: 'INVESTMENT', districtCode: '500118' }, mutation: UPSERT_TARGET,
    kind: 'targets', input: target('tgt-hc-bearing-lead', 'BEARING', { districtCode: '500118' }), row: { ...target('tgt-hc-bearing-lead', 'BEARING', { districtCode: '500118' }), stage: 'LEAD' }, code: 'NOT_FOUND', field: 'id' },
  { rule: "managesTargetsOf: a district's team may not write into another district", who: { role: 'INVESTMENT', districtCode: '500118' }, mutation: UPSERT_TARGET,
    kind: 'targets', input: { name: '规则测试目标', districtCode: '500117', segmentCode: 'BEARING' }, row: { ...target('rules-new-target', 'BEARING'), stage: 'LEAD' }, code: 'FORBIDDEN', field: 'districtCode' },
  { rule: 'a signed target keeps its agreement amount', who: { role: 'INVESTMENT', districtCode: '500117' }, mutation: UPSERT_TARGET, kind: 'targets',
    input: target('tgt-hc-bearing-signed', 'BEARING'), row: { ...target('tgt-hc-bearing-signed', 'BEARING'), stage: 'SIGNED' }, code: 'BAD_USER_INPUT', field: 'agreementCny' },
  { rule: 'a target is of a segment that exists', who: { role: 'INVESTMENT', districtCode: '500117' }, mutation: UPSERT_TARGET, kind: 'targets',
    input: target('tgt-hc-bearing-lead', 'NO_SUCH_SEGMENT'), row: { ...target('tgt-hc-bearing-lead', 'NO_SUCH_SEGMENT'), stage: 'LEAD' }, code: 'BAD_USER_INPUT', field: 'segmentCode' },
];

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe('the API and the importer refuse the same changes', () => {
  for (const c of cases) {
    it(c.rule, async () => {
      const token = await tokenFor(server.store, c.who);
      const before = await fullDump(server.store);

      const api = await gqlAs(server.url, token, c.mutation, { input: c.input });
      expect(api.errors?.[0]?.extensions).toMatchObject({ code: c.code, field: `input.${c.field}` });

      const imported = await upload(server.url, c.kind, templateCsv(c.kind, [c.row ?? c.input]), { token, mode: 'commit' });
      expect(imported.answer.committed ?? false).toBe(false);
      if (c.kindRefused) {
        expect(imported.status).toBe(403);
      } else {
        expect(imported.status).toBe(422);
        expect(imported.answer.errors.map((e) => e.column)).toContain(c.field);
        // The same reason in the same words: the API's message carries the row error's.
        const reason = imported.answer.errors.find((e) => e.column === c.field)?.message ?? '';
        expect(api.errors?.[0]?.message).toContain(reason.replace(/ \(.*\)$/, ''));
      }
      expect(await fullDump(server.store)).toEqual(before);
    });
  }
});

describe('the allowed counterparts write on both paths', () => {
  it("a firm's staff keep its own profile current, by form and by file", async () => {
    const token = await tokenFor(server.store, tianchiyu);
    const api = await gqlAs(server.url, token, UPSERT_FIRM, { input: firm('tianchiyu', { notes: 'new line from the API' }) });
    expect(api.errors).toBeUndefined();
    const imported = await upload(server.url, 'firms', templateCsv('firms', [firm('tianchiyu', { notes: 'new line from a file' })]), { token, mode: 'commit' });
    expect(imported.answer).toMatchObject({ ok: true, committed: true, updated: 1 });
  });

  it("the district's bureau sets a firm's roles, by form and by file", async () => {
    const token = await tokenFor(server.store, hechuanBureau);
    const api = await gqlAs(server.url, token, UPSERT_FIRM, { input: firm('tianchiyu', { isOem: true }) });
    expect(api.errors).toBeUndefined();
    const imported = await upload(server.url, 'firms', templateCsv('firms', [firm('tianchiyu', { isOem: false, isRecycler: true })]), { token, mode: 'commit' });
    expect(imported.answer).toMatchObject({ ok: true, committed: true });
  });

  it('a scrap return to a recycler, by form and by file', async () => {
    const token = await tokenFor(server.store, admin);
    const scrap = { kind: 'SCRAP_RETURN', segmentCode: 'SCRAP_AL', supplierId: 'anrui', buyerId: 'shunbo' };
    expect((await gqlAs(server.url, token, RECORD_ORDER, { input: order({ ...scrap, id: 'rules-scrap-api' }) })).errors).toBeUndefined();
    const imported = await upload(server.url, 'orders', templateCsv('orders', [order({ ...scrap, id: 'rules-scrap-file' })]), { token, mode: 'commit' });
    expect(imported.answer).toMatchObject({ ok: true, committed: true, created: 1 });
  });
});

describe('an imported change is audited like the same change through the API', () => {
  it('auditEvents(entityId) shows the firm an import changed, before and after', async () => {
    const token = await tokenFor(server.store, hechuanBureau);
    const imported = await upload(server.url, 'firms', templateCsv('firms', [firm('tianchiyu', { notes: 'audited import' })]), { token, mode: 'commit' });
    expect(imported.answer).toMatchObject({ ok: true, committed: true });
    const adminToken = await tokenFor(server.store, admin);
    const res = await gqlAs<{ auditEvents: { edges: { node: { action: string; after: string | null; before: string | null } }[] } }>(
      server.url, adminToken, '{ auditEvents(entityId: "tianchiyu", first: 1) { edges { node { action before after } } } }',
    );
    const latest = res.data?.auditEvents.edges[0]?.node;
    expect(latest?.action).toBe('import.firms');
    expect(JSON.parse(latest?.after ?? '{}')).toMatchObject({ id: 'tianchiyu', notes: 'audited import' });
    expect(JSON.parse(latest?.before ?? '{}')).toMatchObject({ id: 'tianchiyu' });
  });
});
