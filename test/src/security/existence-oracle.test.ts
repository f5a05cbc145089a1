import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness';
import { templateCsv } from '../import/helpers';
import { tokenFor } from '../roles';

/**
 * Nobody learns whether a record they may not see exists by naming its id: over HTTP against the
 * real server, an existing id the viewer may not see (another pair's order, another district's
 * target) and an id of nothing get byte-identical answers, apart from the id itself, from the
 * single-record queries (null), the changes naming an id (NOT_FOUND, "no … you may change has this
 * id") and the import's dry run. Where an unknown id would create a record, an existing one the
 * viewer may not change is refused in the very words an unknown id gets from deleteOrder or
 * moveTarget, never "belongs to other parties".
 */

/** Another pair's order (Aofang → Anrui), and a Hechuan target; Yi'an and Bishan's bureau may see neither. */
const OTHERS_ORDER = 'o-2024-aofang-anrui-st';
const NO_ORDER = 'o-2024-nobody-has-this';
const HECHUAN_TARGET = 'tgt-hc-bearing-lead';
const NO_TARGET = 'tgt-hc-nobody-has-this';

let server: TestServer;
let yian: string;
let aofang: string;
let investment: string;
let bishanBureau: string;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  yian = await tokenFor(server.store, { role: 'FIRM', firmId: 'yian' });
  aofang = await tokenFor(server.store, { role: 'FIRM', firmId: 'aofang' });
  investment = await tokenFor(server.store, { role: 'INVESTMENT', districtCode: '500117' });
  bishanBureau = await tokenFor(server.store, { role: 'BUREAU', districtCode: '500120' });
  admin = await tokenFor(server.store, { role: 'ADMIN' });
});
afterAll(async () => server?.close());

interface Raw {
  status: number;
  body: string;
}

/** One GraphQL operation, its answer as the bytes the server sent. */
async function post(token: string | null, query: string, variables: Record<string, unknown>): Promise<Raw> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: await res.text() };
}

/** An import upload (dry run unless told), its answer as bytes. */
async function upload(token: string, kind: string, file: string, mode: 'dry-run' | 'commit' = 'dry-run'): Promise<Raw> {
  const form = new FormData();
  form.append('file', new Blob([file]), `${kind}.csv`);
  const res = await fetch(`${server.url}/api/import/${kind}?mode=${mode}`, {
    method: 'POST',
    body: form,
    // An API client's upload: the REST routes' CSRF check wants this header (rest-csrf.ts).
    headers: { authorization: `Bearer ${token}`, 'accept-language': 'en', 'x-graphql-yoga-csrf': 'test' },
  });
  return { status: res.status, body: await res.text() };
}

/** The two answers with each one's id blanked out, which must then be the same bytes. */
function expectAlike(existing: Raw, missing: Raw, existingId: string, missingId: string): void {
  const blank = (raw: Raw, id: string) => ({ status: raw.status, body: raw.body.replaceAll(id, '<id>') });
  expect(blank(existing, existingId)).toEqual(blank(missing, missingId));
}

const errorOf = (raw: Raw) => (JSON.parse(raw.body) as { errors?: { message: string; extensions?: { code?: string } }[] }).errors?.[0];

describe('single-record queries answer null alike', () => {
  const ORDER = 'query O($id: ID!) { order(id: $id) { id amountCny } }';

  it.each([
    ['a firm that is not a party', () => yian],
    ['an investment team', () => investment],
    ['a visitor', () => null],
  ])('order(id) for %s', async (_who, token) => {
    const existing = await post(token(), ORDER, { id: OTHERS_ORDER });
    const missing = await post(token(), ORDER, { id: NO_ORDER });
    expectAlike(existing, missing, OTHERS_ORDER, NO_ORDER);
    expect(JSON.parse(existing.body)).toEqual({ data: { order: null } });
    // A party does see it.
    expect(JSON.parse((await post(aofang, ORDER, { id: OTHERS_ORDER })).body)).toEqual({ data: { order: { id: OTHERS_ORDER, amountCny: 3_000_000 } } });
  });

  it("target(id) for another district's bureau", async () => {
    const TARGET = 'query T($id: ID!) { target(id: $id) { id name agreementCny } }';
    const existing = await post(bishanBureau, TARGET, { id: HECHUAN_TARGET });
    const missing = await post(bishanBureau, TARGET, { id: NO_TARGET });
    expectAlike(existing, missing, HECHUAN_TARGET, NO_TARGET);
    expect(JSON.parse(existing.body)).toEqual({ data: { target: null } });
    expect(JSON.parse((await post(investment, TARGET, { id: HECHUAN_TARGET })).body).data.target).toMatchObject({ id: HECHUAN_TARGET });
  });
});

describe('changes naming an id are refused alike', () => {
  it("deleteOrder of another pair's order and of no order", async () => {
    const DELETE = 'mutation D($id: ID!) { deleteOrder(id: $id) }';
    const existing = await post(yian, DELETE, { id: OTHERS_ORDER });
    const missing = await post(yian, DELETE, { id: NO_ORDER });
    expectAlike(existing, missing, OTHERS_ORDER, NO_ORDER);
    expect(errorOf(existing)).toMatchObject({ message: `id: no order you may change has this id "${OTHERS_ORDER}"`, extensions: { code: 'NOT_FOUND' } });
    // Still there.
    expect(JSON.parse((await post(admin, 'query O($id: ID!) { order(id: $id) { id } }', { id: OTHERS_ORDER })).body).data.order).toEqual({ id: OTHERS_ORDER });
  });

  it("moveTarget and an edit of another district's target and of no target", async () => {
    const MOVE = 'mutation M($id: ID!) { moveTarget(id: $id, stage: CONTACTED) { id } }';
    const moved = await post(bishanBureau, MOVE, { id: HECHUAN_TARGET });
    expectAlike(moved, await post(bishanBureau, MOVE, { id: NO_TARGET }), HECHUAN_TARGET, NO_TARGET);
    expect(errorOf(moved)).toMatchObject({ message: `id: no target you may change has this id "${HECHUAN_TARGET}"`, extensions: { code: 'NOT_FOUND' } });

    const EDIT = 'mutation U($input: TargetInput!) { upsertTarget(input: $input) { id } }';
    const edit = (id: string) => ({ input: { id, name: '探测', districtCode: '500120', segmentCode: 'BEARING' } });
    expectAlike(await post(bishanBureau, EDIT, edit(HECHUAN_TARGET)), await post(bishanBureau, EDIT, edit(NO_TARGET)), HECHUAN_TARGET, NO_TARGET);
    expect(JSON.parse((await post(investment, 'query T($id: ID!) { target(id: $id) { stage name } }', { id: HECHUAN_TARGET })).body).data.target).toMatchObject({ stage: 'LEAD' });
  });

  it("recordOrder with another pair's order id is refused in the words an unknown id gets", async () => {
    const taken = await post(aofang, 'mutation R($input: OrderInput!) { recordOrder(input: $input) { id } }', {
      input: { id: 'o-2024-yian-jianya-bd', kind: 'SUPPLY', supplierId: 'aofang', buyerId: 'jianya', segmentCode: 'SURFACE_TREATMENT', year: 2024, amountCny: 1 },
    });
    const unknown = await post(aofang, 'mutation D($id: ID!) { deleteOrder(id: $id) }', { id: NO_ORDER });
    const words = (raw: Raw, field: string, id: string) => {
      const error = errorOf(raw);
      return { code: error?.extensions?.code, message: error?.message.replace(`${field}: `, '').replace(id, '<id>') };
    };
    expect(words(taken, 'input.id', 'o-2024-yian-jianya-bd')).toEqual(words(unknown, 'id', NO_ORDER));
    expect(taken.body).not.toMatch(/other parties|belongs/);
  });
});

describe('the import dry run answers alike', () => {
  const targetRow = (id: string, districtCode: string) => ({ id, name: '探测目标', districtCode, segmentCode: 'BEARING', stage: 'LEAD' });
  const orderRow = (id: string, supplierId: string, buyerId: string) => ({ id, kind: 'SUPPLY', supplierId, buyerId, segmentCode: 'BRAKE_DRUM', year: 2024, amountCny: 1 });

  it("a target row naming another district's target and one naming no target", async () => {
    const existing = await upload(bishanBureau, 'targets', templateCsv('targets', [targetRow(HECHUAN_TARGET, '500117')]));
    const missing = await upload(bishanBureau, 'targets', templateCsv('targets', [targetRow(NO_TARGET, '500117')]));
    expectAlike(existing, missing, HECHUAN_TARGET, NO_TARGET);
    expect(JSON.parse(existing.body)).toMatchObject({ ok: false, errors: [{ row: 3, column: 'districtCode' }] });
  });

  it("a target row taking another district's target id for one's own district: the words moveTarget gives an unknown id", async () => {
    const taken = await upload(bishanBureau, 'targets', templateCsv('targets', [targetRow(HECHUAN_TARGET, '500120')]));
    const move = errorOf(await post(bishanBureau, 'mutation M($id: ID!) { moveTarget(id: $id, stage: CONTACTED) { id } }', { id: NO_TARGET }));
    const [error] = (JSON.parse(taken.body) as { errors: { column: string; message: string }[] }).errors;
    expect(error).toEqual({ row: 3, column: 'id', value: HECHUAN_TARGET, message: 'no target you may change has this id' });
    expect(move?.message).toBe(`id: ${error?.message} "${NO_TARGET}"`);
  });

  it("order rows naming another pair's order and no order", async () => {
    const others = (id: string) => templateCsv('orders', [orderRow(id, 'jianya', 'yian')]);
    expectAlike(await upload(aofang, 'orders', others('o-2024-yian-jianya-bd')), await upload(aofang, 'orders', others(NO_ORDER)), 'o-2024-yian-jianya-bd', NO_ORDER);

    const taken = await upload(aofang, 'orders', templateCsv('orders', [orderRow('o-2024-yian-jianya-bd', 'aofang', 'jianya')]));
    const unknown = errorOf(await post(aofang, 'mutation D($id: ID!) { deleteOrder(id: $id) }', { id: NO_ORDER }));
    const [error] = (JSON.parse(taken.body) as { errors: { column: string; message: string }[] }).errors;
    expect(error).toEqual({ row: 3, column: 'id', value: 'o-2024-yian-jianya-bd', message: 'no order you may change has this id' });
    expect(unknown?.message).toBe(`id: ${error?.message} "${NO_ORDER}"`);
  });
});
