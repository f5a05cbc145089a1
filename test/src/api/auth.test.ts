import { buildSchema, queries, startSession } from '@yulian/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signInThrottleFor, WRONG_CREDENTIALS } from '@yulian/server';
import { createUserWithPassword, gql, signIn, startTestServer, type GraphQLResponse, type TestServer } from '../harness';
import { gqlAs, gqlDataAs, tokenFor } from '../roles';

/**
 * Sign-in, sessions and user management over HTTP against the real server and embedded store.
 * Every request here comes from 127.0.0.1, so the sign-in delays are forgotten before each test;
 * their own tests are in test/src/security/throttling.test.ts.
 */

let server: TestServer;
let adminToken: string;
const PASSWORD = 'correct horse battery staple';

beforeAll(async () => {
  server = await startTestServer();
  adminToken = await tokenFor(server.store, { role: 'ADMIN' });
});
afterAll(() => server.close());
beforeEach(() => signInThrottleFor(server.store).clear());

const LOGIN = 'mutation L($u: String!, $p: String!) { login(username: $u, password: $p) { token expiresAt user { id username role districtCode district { code } firmId firm { id } disabled createdAt } } }';
const ME = '{ me { id username role } }';

type LoginData = { login: { token: string; expiresAt: string; user: { id: string; username: string; role: string } } };

const attempt = (username: string, password: string) => gql<LoginData>(server.url, LOGIN, { u: username, p: password });
const errorOf = (res: GraphQLResponse<unknown>) => res.errors?.[0];
const meAs = async (token: string | null) => (await gqlDataAs<{ me: { username: string } | null }>(server.url, token, ME)).me;

let counter = 0;
/** A fresh FIRM user of Anrui with PASSWORD, so tests do not share sign-in delays. */
async function freshUser(prefix: string): Promise<{ username: string; id: string }> {
  const username = `${prefix}-${++counter}`;
  const id = await createUserWithPassword(server.store, { username, password: PASSWORD, role: 'FIRM', firmId: 'anrui' });
  return { username, id };
}

describe('sign-in and sessions', () => {
  it('signs in and returns a token, its expiry and the user with district and firm', async () => {
    const { username, id } = await freshUser('signin');
    const res = await attempt(username, PASSWORD);
    expect(res.errors).toBeUndefined();
    const { token, expiresAt, user } = res.data?.login ?? ({} as LoginData['login']);
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(11 * 3600_000);
    expect(user).toMatchObject({ id, username, role: 'FIRM', firmId: 'anrui', firm: { id: 'anrui' }, districtCode: null, district: null, disabled: false });
  });

  it('accepts the username in any case and with surrounding spaces', async () => {
    const { username } = await freshUser('case');
    expect(errorOf(await attempt(`  ${username.toUpperCase()} `, PASSWORD))).toBeUndefined();
  });

  it('knows the user by a Bearer token', async () => {
    const { username } = await freshUser('bearer');
    const token = await signIn(server.url, username, PASSWORD);
    expect(await meAs(token)).toMatchObject({ username, role: 'FIRM' });
    expect(await meAs(null)).toBeNull();
    expect(await meAs('not-a-real-token-but-long-enough-to-look-like-one')).toBeNull();
  });

  it('sets an httpOnly, same-site session cookie that signs the browser in', async () => {
    const { username } = await freshUser('cookie');
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: LOGIN, variables: { u: username, p: PASSWORD } }),
    });
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^yulian_session=[A-Za-z0-9_-]+;/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const body = (await res.json()) as { data: LoginData };
    const cookie = setCookie.split(';')[0] ?? '';
    expect(cookie).toBe(`yulian_session=${body.data.login.token}`);

    const me = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', cookie },
      body: JSON.stringify({ query: ME }),
    });
    expect(((await me.json()) as { data: { me: { username: string } } }).data.me.username).toBe(username);
  });

  it('logs out: the token is anonymous afterwards and the cookie is cleared', async () => {
    const { username } = await freshUser('logout');
    const token = await signIn(server.url, username, PASSWORD);
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(((await res.json()) as { data: { logout: boolean } }).data.logout).toBe(true);
    expect(res.headers.get('set-cookie')).toMatch(/^yulian_session=;.*Expires=Thu, 01 Jan 1970/i);
    expect(await meAs(token)).toBeNull();
    expect((await gqlDataAs<{ logout: boolean }>(server.url, token, 'mutation { logout }')).logout).toBe(false);
  });

  it('treats an expired session as anonymous', async () => {
    const { id } = await freshUser('expired');
    const thirteenHoursAgo = new Date(Date.now() - 13 * 3600_000);
    const { token } = await startSession(server.store, id, thirteenHoursAgo);
    expect(await meAs(token)).toBeNull();
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const { username } = await freshUser('same');
    const wrong = errorOf(await attempt(username, 'not the password'));
    const unknown = errorOf(await attempt('nobody-by-this-name', 'not the password'));
    const short = errorOf(await attempt(username, 'short'));
    for (const error of [wrong, unknown, short]) {
      expect(error).toMatchObject({ message: WRONG_CREDENTIALS, extensions: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('refuses malformed input with the field named', async () => {
    expect(errorOf(await attempt('x', PASSWORD))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'username' });
    expect(errorOf(await attempt('someone', 'p'.repeat(257)))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
  });
});

describe('sign-in delays count failures only', () => {
  it('lets many people behind one address sign in, again and again', async () => {
    const office = [await freshUser('office'), await freshUser('office'), await freshUser('office')];
    for (let round = 0; round < 12; round++) {
      for (const { username } of office) expect(errorOf(await attempt(username, PASSWORD)), `round ${round}`).toBeUndefined();
    }
  });
});

describe('disabled accounts', () => {
  it('cannot sign in and lose their sessions; re-enabled they can again', async () => {
    const { username, id } = await freshUser('disabled');
    const token = await signIn(server.url, username, PASSWORD);
    const SET = 'mutation S($id: ID!, $d: Boolean!) { setUserDisabled(id: $id, disabled: $d) { id disabled } }';

    const off = await gqlDataAs<{ setUserDisabled: { disabled: boolean } }>(server.url, adminToken, SET, { id, d: true });
    expect(off.setUserDisabled.disabled).toBe(true);
    expect(await meAs(token)).toBeNull();
    const sessions = await server.store.read({ name: 'test:sessions', cypher: 'MATCH (s:Session) WHERE s.userId = $id RETURN count(s) AS n', params: { id } });
    expect(sessions).toEqual([{ n: 0 }]);

    const right = errorOf(await attempt(username, PASSWORD));
    expect(right).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/disabled/) });
    expect(errorOf(await attempt(username, 'wrong'))?.message).toBe(WRONG_CREDENTIALS);

    await gqlDataAs(server.url, adminToken, SET, { id, d: false });
    expect(errorOf(await attempt(username, PASSWORD))).toBeUndefined();
  });

  it('does not let an admin disable their own account', async () => {
    const id = await createUserWithPassword(server.store, { username: 'admin-self', password: PASSWORD, role: 'ADMIN' });
    const token = await signIn(server.url, 'admin-self', PASSWORD);
    const res = await gqlAs(server.url, token, 'mutation S($id: ID!) { setUserDisabled(id: $id, disabled: true) { id } }', { id });
    expect(errorOf(res)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

describe('user management', () => {
  const CREATE = 'mutation C($input: UserInput!) { createUser(input: $input) { id username role districtCode district { code nameEn } firmId disabled } }';

  it('refuses every admin-only field to non-admins and anonymous callers', async () => {
    const firmToken = await tokenFor(server.store, { role: 'FIRM', firmId: 'anrui' });
    const bureauToken = await tokenFor(server.store, { role: 'BUREAU', districtCode: '500117' });
    const victim = await freshUser('victim');
    const { id } = victim;
    const operations = [
      { query: '{ users { totalCount } }' },
      { query: CREATE, variables: { input: { username: 'sneaky', role: 'ADMIN', password: 'a long enough password' } } },
      { query: 'mutation S($id: ID!) { setUserDisabled(id: $id, disabled: true) { id } }', variables: { id } },
      { query: 'mutation R($id: ID!) { resetUserPassword(id: $id, password: "a long enough password") { id } }', variables: { id } },
    ];
    for (const op of operations) {
      for (const token of [firmToken, bureauToken]) {
        expect(errorOf(await gqlAs(server.url, token, op.query, op.variables))?.extensions?.code, op.query).toBe('FORBIDDEN');
      }
      expect(['FORBIDDEN', 'UNAUTHENTICATED'], op.query).toContain(errorOf(await gqlAs(server.url, null, op.query, op.variables))?.extensions?.code);
    }
    expect(await server.store.read(queries.userByUsername('sneaky'))).toEqual([]);
    // Neither disabled nor given a new password.
    expect(errorOf(await attempt(victim.username, PASSWORD))).toBeUndefined();
  });

  it('creates a user who can sign in, and audits it without the password', async () => {
    const input = { username: 'hechuan-analyst', displayName: '合川分析员', role: 'INVESTMENT', districtCode: '500117', password: 'analyst password 2025' };
    const created = await gqlDataAs<{ createUser: { id: string; district: { code: string } } }>(server.url, adminToken, CREATE, { input });
    expect(created.createUser).toMatchObject({ username: input.username, role: 'INVESTMENT', districtCode: '500117', district: { code: '500117' }, firmId: null, disabled: false });
    expect(errorOf(await attempt(input.username, input.password))).toBeUndefined();

    const audit = await gqlDataAs<{ auditEvents: { edges: { node: { action: string; after: string } }[] } }>(
      server.url,
      adminToken,
      'query A($id: String!) { auditEvents(entityId: $id) { edges { node { action after } } } }',
      { id: created.createUser.id },
    );
    expect(audit.auditEvents.edges.map((e) => e.node.action)).toEqual(['createUser']);
    const after = audit.auditEvents.edges[0]?.node.after ?? '';
    expect(JSON.parse(after)).toMatchObject({ username: input.username, role: 'INVESTMENT' });
    expect(after).not.toMatch(/scrypt|passwordHash|analyst password/);
  });

  it.each([
    ['an unknown district', { username: 'u-district', role: 'BUREAU', districtCode: '999999' }, 'input.districtCode'],
    ['an unknown firm', { username: 'u-firm', role: 'FIRM', firmId: 'no-such-firm' }, 'input.firmId'],
    ['a taken username', { username: 'hechuan-analyst', role: 'ADMIN' }, 'input.username'],
    ['a short password', { username: 'u-short', role: 'ADMIN', password: 'short' }, 'input.password'],
    ['a BUREAU without district', { username: 'u-nodistrict', role: 'BUREAU' }, 'input.districtCode'],
    ['a firm on a non-FIRM user', { username: 'u-stray', role: 'BUREAU', districtCode: '500117', firmId: 'anrui' }, 'input.firmId'],
    ['an upper-case username', { username: 'Shouty', role: 'ADMIN' }, 'input.username'],
  ])('refuses %s, naming the field', async (_what, fields, field) => {
    const before = await server.store.read(queries.countUsers());
    const res = await gqlAs(server.url, adminToken, CREATE, { input: { password: 'a long enough password', ...fields } });
    expect(errorOf(res)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await server.store.read(queries.countUsers())).toEqual(before);
  });

  it('pages through users with a total count', async () => {
    const USERS = 'query U($after: String) { users(first: 3, after: $after) { totalCount edges { node { username } } pageInfo { hasNextPage endCursor } } }';
    type Page = { users: { totalCount: number; edges: { node: { username: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const names: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const page: Page = await gqlDataAs<Page>(server.url, adminToken, USERS, { after });
      total = page.users.totalCount;
      names.push(...page.users.edges.map((e) => e.node.username));
      if (!page.users.pageInfo.hasNextPage) break;
      after = page.users.pageInfo.endCursor;
    }
    expect(names).toHaveLength(total);
    expect(names).toEqual([...names].sort());
    const [count] = await server.store.read(queries.countUsers());
    expect(total).toBe(count?.total);
  });

  it('resets a password: old sessions end, the old password fails, the new one works', async () => {
    const { username, id } = await freshUser('reset');
    const token = await signIn(server.url, username, PASSWORD);
    const res = await gqlAs(server.url, adminToken, 'mutation R($id: ID!, $p: String!) { resetUserPassword(id: $id, password: $p) { id } }', { id, p: 'x' });
    expect(errorOf(res)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    await gqlDataAs(server.url, adminToken, 'mutation R($id: ID!, $p: String!) { resetUserPassword(id: $id, password: $p) { id } }', { id, p: 'another long password' });
    expect(await meAs(token)).toBeNull();
    expect(errorOf(await attempt(username, PASSWORD))?.message).toBe(WRONG_CREDENTIALS);
    expect(errorOf(await attempt(username, 'another long password'))).toBeUndefined();
  });

  it('answers NOT_FOUND for an unknown user id', async () => {
    const res = await gqlAs(server.url, adminToken, 'mutation { setUserDisabled(id: "no-such-user", disabled: true) { id } }');
    expect(errorOf(res)?.extensions?.code).toBe('NOT_FOUND');
  });

  it('never exposes the hash', () => {
    const user = buildSchema().getType('User');
    if (!user || !('getFields' in user)) throw new Error('the schema has no User object type');
    const fields = Object.keys(user.getFields()).sort();
    expect(fields).toEqual(['createdAt', 'disabled', 'displayName', 'district', 'districtCode', 'firm', 'firmId', 'id', 'role', 'username']);
  });
});
