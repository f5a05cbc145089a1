import { buildSchema } from '@yulian/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness';
import { gqlAs, gqlDataAs, tokenFor, type Principal } from '../roles';

/**
 * What each role may do, over HTTP against the real server: every query and mutation of the
 * schema, for anonymous visitors and each role. A new field without a row here fails the test.
 */

const ROLES = {
  anonymous: null,
  admin: { role: 'ADMIN' },
  hechuanBureau: { role: 'BUREAU', districtCode: '500117' },
  bishanBureau: { role: 'BUREAU', districtCode: '500120' },
  hechuanInvestment: { role: 'INVESTMENT', districtCode: '500117' },
  aofang: { role: 'FIRM', firmId: 'aofang' },
  anrui: { role: 'FIRM', firmId: 'anrui' },
  yian: { role: 'FIRM', firmId: 'yian' },
} satisfies Record<string, Principal | null>;
type RoleName = keyof typeof ROLES;
const roleNames = Object.keys(ROLES) as RoleName[];

/** NULL: answered null without an error, as for an unknown id (a record the role may not see). */
type Outcome = 'ok' | 'NULL' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'NOT_FOUND';

let server: TestServer;
const tokens = {} as Record<RoleName, string | null>;
let adminToken: string;

let loginCalls = 0;
beforeAll(async () => {
  server = await startTestServer();
  for (const name of roleNames) {
    const who = ROLES[name];
    tokens[name] = who ? await tokenFor(server.store, who) : null;
  }
  adminToken = tokens.admin as string;
});
afterAll(() => server.close());

/** The 2024 order from Aofang to Anrui, found through the admin's view. */
async function aofangToAnruiOrderId(): Promise<string> {
  const data = await gqlDataAs<{ firm: { orders: { edges: { node: { id: string; buyer: { id: string } } }[] } } }>(
    server.url,
    adminToken,
    '{ firm(id: "aofang") { orders(year: 2024) { edges { node { id buyer { id } } } } } }',
  );
  const order = data.firm.orders.edges.find((e) => e.node.buyer.id === 'anrui');
  if (!order) throw new Error('seed lacks the 2024 Aofang → Anrui order');
  return order.node.id;
}

async function freshOrderId(): Promise<string> {
  const data = await gqlDataAs<{ recordOrder: { id: string } }>(
    server.url,
    adminToken,
    'mutation { recordOrder(input: {kind: SUPPLY, supplierId: "aofang", buyerId: "anrui", segmentCode: "SURFACE_TREATMENT", year: 2025, amountCny: 1}) { id } }',
  );
  return data.recordOrder.id;
}

/** Anrui needing gears, set by the admin, for each row to remove. */
async function freshNeedFirmId(): Promise<string> {
  await gqlDataAs(server.url, adminToken, 'mutation { setNeed(input: {firmId: "anrui", segmentCode: "GEAR"}) { id } }');
  return 'anrui';
}

/** A Hechuan target at LEAD of its own for each row to move. */
async function freshTargetId(): Promise<string> {
  const data = await gqlDataAs<{ upsertTarget: { id: string } }>(
    server.url,
    adminToken,
    'mutation { upsertTarget(input: {name: "矩阵测试目标", districtCode: "500117", segmentCode: "BEARING"}) { id } }',
  );
  return data.upsertTarget.id;
}

/** A user of its own for each row to act on, so no role's own session is touched. */
async function freshUserId(): Promise<string> {
  const { createUser } = await gqlDataAs<{ createUser: { id: string } }>(
    server.url,
    adminToken,
    'mutation C($input: UserInput!) { createUser(input: $input) { id } }',
    { input: { username: `victim-${Math.random().toString(36).slice(2, 10)}`, role: 'FIRM', firmId: 'yian', password: 'a long enough password' } },
  );
  return createUser.id;
}

/** Aofang and a Hechuan buyer, for a segment no other row used: no two proposals collide. */
const INTRO_BUYERS = ['anrui', 'jianya'];
const INTRO_SEGMENTS = ['BEARING', 'GEAR', 'FORGING', 'IRON_CASTING', 'TRIM', 'E_DRIVE', 'AL_DIE_CASTING', 'STAMPED_WELDED', 'LIGHTING_ELECTRONICS', 'BRAKE_DRUM', 'AUTO_CHAIN', 'DRIVE_AXLE'];
let introductionPairs = 0;
function freshIntroductionInput(): Record<string, unknown> {
  const n = introductionPairs++;
  return { buyerId: INTRO_BUYERS[n % 2], supplierId: 'aofang', segmentCode: INTRO_SEGMENTS[Math.floor(n / 2)], origin: 'MANUAL' };
}

/** An introduction of Aofang to a Hechuan buyer, of its own for each row to move or plan. */
async function freshIntroductionId(): Promise<string> {
  const { proposeIntroduction } = await gqlDataAs<{ proposeIntroduction: { id: string } }>(
    server.url,
    adminToken,
    'mutation P($input: IntroductionInput!) { proposeIntroduction(input: $input) { id } }',
    { input: freshIntroductionInput() },
  );
  return proposeIntroduction.id;
}

interface Case {
  /** The root field this row covers. */
  field: string;
  /** Builds the operation; may prepare what it acts on. */
  operation: () => Promise<{ query: string; variables?: Record<string, unknown> }>;
  allowed: RoleName[];
  /** Anonymous callers of mutations are asked to sign in; of queries, refused. */
  anonymous?: Outcome;
  /**
   * Roles answered otherwise than refused: a record they may not see answers as an unknown id
   * does (null, or NOT_FOUND for a change), so that no answer tells that it exists.
   */
  outcomes?: Partial<Record<RoleName, Outcome>>;
}

const everyone = roleNames;
const hechuanTargetTeam: RoleName[] = ['admin', 'hechuanBureau', 'hechuanInvestment'];
const bishanEditors: RoleName[] = ['admin', 'bishanBureau', 'aofang'];
const orderParties: RoleName[] = ['admin', 'aofang', 'anrui'];

const firmInput = {
  id: 'aofang', nameZh: '重庆奥方汽车零部件有限公司', nameEn: 'Chongqing Aofang Auto Parts Co., Ltd.', districtCode: '500120',
};

const cases: Case[] = [
  { field: 'districts', operation: async () => ({ query: '{ districts { code } }' }), allowed: everyone },
  { field: 'district', operation: async () => ({ query: '{ district(code: "500117") { code goals { year } } }' }), allowed: everyone },
  { field: 'segments', operation: async () => ({ query: '{ segments { code children { code } } }' }), allowed: everyone },
  { field: 'segment', operation: async () => ({ query: '{ segment(code: "BRAKE_DRUM") { code feeds { code } } }' }), allowed: everyone },
  { field: 'firm', operation: async () => ({ query: '{ firm(id: "aofang") { id capabilities { spareCapacity } supports { to { id } } } }' }), allowed: everyone },
  { field: 'firms', operation: async () => ({ query: '{ firms(first: 5) { totalCount edges { node { id district { code } } } } }' }), allowed: everyone },
  { field: 'tradeFlows', operation: async () => ({ query: '{ tradeFlows(year: 2024) { supplier { id } buyer { id } orderCount } }' }), allowed: everyone },
  { field: 'clusterGraph', operation: async () => ({ query: '{ clusterGraph(filter: {year: 2024}) { nodes { id } edges { id amountCny } } }' }), allowed: everyone },
  { field: 'supportTies', operation: async () => ({ query: '{ supportTies { from { id } to { id } kinds } }' }), allowed: everyone },
  {
    field: 'order',
    operation: async () => ({ query: 'query O($id: ID!) { order(id: $id) { id } }', variables: { id: await aofangToAnruiOrderId() } }),
    allowed: ['admin', 'hechuanBureau', 'bishanBureau', 'aofang', 'anrui'],
    outcomes: { anonymous: 'NULL', hechuanInvestment: 'NULL', yian: 'NULL' },
  },
  {
    field: 'auditEvents',
    operation: async () => ({ query: '{ auditEvents(first: 3) { totalCount } }' }),
    allowed: ['admin', 'hechuanBureau', 'bishanBureau'],
    anonymous: 'FORBIDDEN',
  },
  { field: 'me', operation: async () => ({ query: '{ me { username role } }' }), allowed: everyone },
  { field: 'users', operation: async () => ({ query: '{ users(first: 5) { totalCount } }' }), allowed: ['admin'], anonymous: 'FORBIDDEN' },
  {
    field: 'upsertFirm',
    operation: async () => ({ query: 'mutation U($input: FirmInput!) { upsertFirm(input: $input) { id } }', variables: { input: firmInput } }),
    allowed: bishanEditors,
  },
  {
    field: 'setCapability',
    operation: async () => ({
      query: 'mutation { setCapability(input: {firmId: "aofang", segmentCode: "SURFACE_TREATMENT", capacity: 600000, unit: "sets", utilisation: 0.8, yieldRate: 0.9}) { id } }',
    }),
    allowed: bishanEditors,
  },
  {
    field: 'setNeed',
    operation: async () => ({ query: 'mutation { setNeed(input: {firmId: "anrui", segmentCode: "SURFACE_TREATMENT", annualDemand: 420000, unit: "sets"}) { id } }' }),
    allowed: ['admin', 'hechuanBureau', 'anrui'],
  },
  {
    field: 'removeNeed',
    operation: async () => ({ query: 'mutation R($firmId: ID!) { removeNeed(firmId: $firmId, segmentCode: "GEAR") { id } }', variables: { firmId: await freshNeedFirmId() } }),
    allowed: ['admin', 'hechuanBureau', 'anrui'],
  },
  {
    field: 'recordOrder',
    operation: async () => ({
      query: 'mutation { recordOrder(input: {kind: SUPPLY, supplierId: "aofang", buyerId: "anrui", segmentCode: "SURFACE_TREATMENT", year: 2025, amountCny: 5}) { id } }',
    }),
    allowed: orderParties,
  },
  {
    field: 'deleteOrder',
    operation: async () => ({ query: 'mutation D($id: ID!) { deleteOrder(id: $id) }', variables: { id: await freshOrderId() } }),
    allowed: orderParties,
    outcomes: { hechuanBureau: 'NOT_FOUND', bishanBureau: 'NOT_FOUND', hechuanInvestment: 'NOT_FOUND', yian: 'NOT_FOUND' },
  },
  {
    field: 'createUser',
    operation: async () => ({
      query: 'mutation C($input: UserInput!) { createUser(input: $input) { id } }',
      variables: { input: { username: `matrix-${Math.random().toString(36).slice(2, 10)}`, role: 'FIRM', firmId: 'yian', password: 'a long enough password' } },
    }),
    allowed: ['admin'],
  },
  {
    field: 'setUserDisabled',
    operation: async () => ({ query: 'mutation S($id: ID!) { setUserDisabled(id: $id, disabled: false) { id } }', variables: { id: await freshUserId() } }),
    allowed: ['admin'],
  },
  {
    field: 'resetUserPassword',
    operation: async () => ({
      query: 'mutation R($id: ID!) { resetUserPassword(id: $id, password: "another long password") { id } }',
      variables: { id: await freshUserId() },
    }),
    allowed: ['admin'],
  },
  {
    field: 'localSupportRate',
    operation: async () => ({ query: '{ localSupportRate(year: 2024, districtCode: "500117") { rate totalCny } }' }),
    allowed: ['admin', 'hechuanBureau', 'bishanBureau', 'hechuanInvestment'],
    anonymous: 'FORBIDDEN',
  },
  {
    field: 'chainGaps',
    operation: async () => ({ query: '{ chainGaps(leaderId: "anrui", year: 2023) { segment { code } candidates(first: 2) { firm { id } } } }' }),
    allowed: ['admin', 'hechuanBureau', 'bishanBureau', 'hechuanInvestment'],
    anonymous: 'FORBIDDEN',
  },
  // Supplier search is the firms' own tool: open to all (the freight saving is checked separately).
  {
    field: 'findSuppliers',
    operation: async () => ({ query: '{ findSuppliers(segmentCode: "SURFACE_TREATMENT", nearFirmId: "anrui") { firm { id } score reasons } }' }),
    allowed: everyone,
  },
  // Risk analyses are for analysts; their amounts between two firms are checked in api/risk.test.ts.
  {
    field: 'materialLoops',
    operation: async () => ({ query: '{ materialLoops(year: 2024) { firms { id } segments { code } } }' }),
    allowed: ['admin', 'hechuanBureau', 'bishanBureau', 'hechuanInvestment'],
    anonymous: 'FORBIDDEN',
  },
  {
    field: 'singleSourceRisks',
    operation: async () => ({ query: '{ singleSourceRisks(year: 2024) { buyer { id } supplier { id } } }' }),
    allowed: ['admin', 'hechuanBureau', 'bishanBureau', 'hechuanInvestment'],
    anonymous: 'FORBIDDEN',
  },
  {
    field: 'disruption',
    operation: async () => ({ query: '{ disruption(firmId: "yian", year: 2024) { tier buyer { id } } }' }),
    allowed: ['admin', 'hechuanBureau', 'bishanBureau', 'hechuanInvestment'],
    anonymous: 'FORBIDDEN',
  },
  // A district's targets and goals: its investment team and bureau, and admins; nobody else.
  {
    field: 'targets',
    operation: async () => ({ query: '{ targets(districtCode: "500117") { id stage history { stage } } }' }),
    allowed: hechuanTargetTeam,
    anonymous: 'FORBIDDEN',
  },
  {
    field: 'target',
    operation: async () => ({ query: '{ target(id: "tgt-hc-bearing-signed") { id stage } }' }),
    allowed: hechuanTargetTeam,
    anonymous: 'FORBIDDEN',
    outcomes: { bishanBureau: 'NULL' },
  },
  {
    field: 'targetSuggestions',
    operation: async () => ({ query: '{ targetSuggestions(districtCode: "500117", year: 2025) { firm { id } amountCny } }' }),
    allowed: hechuanTargetTeam,
    anonymous: 'FORBIDDEN',
  },
  {
    field: 'investmentProgress',
    operation: async () => ({ query: '{ investmentProgress(districtCode: "500117", year: 2025) { signedProjects startRate } }' }),
    allowed: hechuanTargetTeam,
    anonymous: 'FORBIDDEN',
  },
  {
    field: 'upsertTarget',
    operation: async () => ({
      query: 'mutation U($input: TargetInput!) { upsertTarget(input: $input) { id } }',
      variables: { input: { name: '矩阵测试目标', districtCode: '500117', segmentCode: 'BEARING' } },
    }),
    allowed: hechuanTargetTeam,
  },
  {
    field: 'moveTarget',
    operation: async () => ({ query: 'mutation M($id: ID!) { moveTarget(id: $id, stage: CONTACTED) { stage } }', variables: { id: await freshTargetId() } }),
    allowed: hechuanTargetTeam,
    outcomes: { bishanBureau: 'NOT_FOUND' },
  },
  {
    field: 'targetFromGap',
    operation: async () => ({ query: 'mutation { targetFromGap(input: {leaderId: "anrui", segmentCode: "INJECTION_MOULDING", year: 2025}) { id } }' }),
    allowed: hechuanTargetTeam,
  },
  {
    field: 'setGoal',
    operation: async () => ({ query: 'mutation { setGoal(districtCode: "500117", year: 2025, projects: 30, agreementCny: 11000000000) { id } }' }),
    allowed: hechuanTargetTeam,
  },
    // Introductions: the two firms, their districts' bureaus and admins; investment teams the results' counts.
  {
    field: 'introductions',
    operation: async () => ({ query: '{ introductions { id stage history { stage } } }' }),
    allowed: ['admin', 'hechuanBureau', 'bishanBureau', 'aofang', 'anrui', 'yian'],
    anonymous: 'FORBIDDEN',
  },
  {
    field: 'introduction',
    operation: async () => ({ query: '{ introduction(id: "intro-aofang-anrui-st") { id stage steps { amountCny } } }' }),
    allowed: ['admin', 'hechuanBureau', 'bishanBureau', 'aofang', 'anrui'],
    anonymous: 'FORBIDDEN',
    outcomes: { yian: 'NULL', hechuanInvestment: 'NULL' },
  },
  {
    field: 'introductionResults',
    operation: async () => ({ query: '{ introductionResults(year: 2025, districtCode: "500117") { total valueWonCny } }' }),
    allowed: ['admin', 'hechuanBureau', 'bishanBureau', 'hechuanInvestment'],
    anonymous: 'FORBIDDEN',
  },
  {
    field: 'inbox',
    operation: async () => ({ query: '{ inbox { unread items { text } } }' }),
    allowed: roleNames.filter((r) => r !== 'anonymous'),
    anonymous: 'FORBIDDEN',
  },
  {
    field: 'proposeIntroduction',
    operation: async () => ({
      query: 'mutation P($input: IntroductionInput!) { proposeIntroduction(input: $input) { id } }',
      variables: { input: freshIntroductionInput() },
    }),
    allowed: ['admin', 'hechuanBureau', 'bishanBureau', 'aofang', 'anrui'],
  },
  {
    field: 'moveIntroduction',
    operation: async () => ({ query: 'mutation M($id: ID!) { moveIntroduction(id: $id, stage: INTRODUCED) { stage } }', variables: { id: await freshIntroductionId() } }),
    allowed: ['admin', 'hechuanBureau', 'bishanBureau', 'aofang', 'anrui'],
    outcomes: { yian: 'NOT_FOUND', hechuanInvestment: 'NOT_FOUND' },
  },
  {
    field: 'setIntroductionPlan',
    operation: async () => ({
      query: 'mutation S($input: IntroductionPlanInput!) { setIntroductionPlan(input: $input) { id } }',
      variables: { input: { id: await freshIntroductionId(), goalYieldRate: 0.9, steps: [{ kind: 'EQUIPMENT', amountCny: 1000000 }] } },
    }),
    allowed: ['admin', 'hechuanBureau', 'bishanBureau', 'aofang', 'anrui'],
    outcomes: { yian: 'NOT_FOUND', hechuanInvestment: 'NOT_FOUND' },
  },
  {
    field: 'markInboxRead',
    operation: async () => ({ query: 'mutation { markInboxRead(upTo: "2025-05-14T00:00:00.000Z") }' }),
    allowed: roleNames.filter((r) => r !== 'anonymous'),
  },
  // Signing in and out is for everyone; a wrong password is refused the same way for all. A new
  // username each time: the same one from one address would soon be held up (RATE_LIMITED).
  {
    field: 'login',
    operation: async () => ({ query: `mutation { login(username: "nobody-${++loginCalls}", password: "wrong password") { token } }` }),
    allowed: [],
    anonymous: 'UNAUTHENTICATED',
  },
  { field: 'logout', operation: async () => ({ query: 'mutation { logout }' }), allowed: everyone },
];

function expected(c: Case, role: RoleName, isMutation: boolean): Outcome {
  if (c.field === 'login') return 'UNAUTHENTICATED';
  if (c.allowed.includes(role)) return 'ok';
  const other = c.outcomes?.[role];
  if (other) return other;
  if (role === 'anonymous') return c.anonymous ?? (isMutation ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  return 'FORBIDDEN';
}

describe('authorization matrix', () => {
  it('has a row for every query and mutation', () => {
    const schema = buildSchema();
    const fields = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}),
    ].sort();
    expect(cases.map((c) => c.field).sort()).toEqual(fields);
  });

  const mutationNames = new Set(Object.keys(buildSchema().getMutationType()?.getFields() ?? {}));
  for (const c of cases) {
    // Logging out ends the session, so it runs last for each role (see below).
    if (c.field === 'logout') continue;
    it.each(roleNames)(`${c.field} as %s`, async (role) => {
      const { query, variables } = await c.operation();
      const res = await gqlAs(server.url, tokens[role], query, variables);
      const outcome = expected(c, role, mutationNames.has(c.field));
      if (outcome === 'ok') {
        expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
        expect(res.data?.[c.field] !== undefined).toBe(true);
      } else if (outcome === 'NULL') {
        expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
        expect(res.data?.[c.field]).toBeNull();
      } else {
        expect(res.errors?.map((e) => e.extensions?.code)).toEqual([outcome]);
        expect(res.data?.[c.field] ?? null).toBeNull();
      }
    });
  }

  it.each(roleNames)('logout as %s', async (role) => {
    const logout = cases.find((c) => c.field === 'logout');
    if (!logout) throw new Error('no logout row');
    const res = await gqlAs<{ logout: boolean }>(server.url, tokens[role], (await logout.operation()).query);
    expect(res.errors).toBeUndefined();
    expect(res.data?.logout).toBe(role !== 'anonymous');
    const me = await gqlAs<{ me: unknown }>(server.url, tokens[role], '{ me { username } }');
    expect(me.data?.me).toBeNull();
    // Sign the role in again for any test that follows.
    const who = ROLES[role];
    tokens[role] = who ? await tokenFor(server.store, who) : null;
    if (role === 'admin') adminToken = tokens.admin as string;
  });
});
