import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithPassword, startTestServer, type GraphQLResponse, type TestServer } from '../harness';
import { tokenFor } from '../roles';
import { postJson } from './listen';

/**
 * Sign-in delays and request limits that hold back an attacker without locking anyone else out,
 * over HTTP against the real server. The server trusts a proxy on loopback, so X-Forwarded-For
 * names the client address each request comes from.
 */

const PASSWORD = 'correct horse battery staple';
const LOGIN = 'mutation L($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';

interface SignInAnswer {
  status: number;
  retryAfter: number | null;
  code: string | null;
  message: string | null;
  token: string | null;
}

async function signInFrom(url: string, address: string, username: string, password: string): Promise<SignInAnswer> {
  const res = await postJson(url, { query: LOGIN, variables: { u: username, p: password } }, { 'x-forwarded-for': address });
  const body = (await res.json()) as GraphQLResponse<{ login: { token: string } }>;
  const error = body.errors?.[0];
  const retryAfter = res.headers.get('retry-after');
  return {
    status: res.status,
    retryAfter: retryAfter === null ? null : Number(retryAfter),
    code: typeof error?.extensions?.code === 'string' ? error.extensions.code : null,
    message: error?.message ?? null,
    token: body.data?.login?.token ?? null,
  };
}

describe('sign-in delays', () => {
  let server: TestServer;
  const ids = new Map<string, string>();
  const from = (address: string, username: string, password: string) => signInFrom(server.url, address, username, password);

  /** `times` wrong passwords for `username` from `address`, each one answered as wrong (not held up). */
  async function fail(address: string, username: string, times: number): Promise<void> {
    for (let i = 0; i < times; i++) expect((await from(address, username, `wrong guess ${i}`)).code, `failure ${i + 1}`).toBe('UNAUTHENTICATED');
  }

  beforeAll(async () => {
    server = await startTestServer({
      security: { trustProxy: 'loopback' },
      // 20 free failures per pair: as many as locked an account before. Past 10 accounts an address
      // waits a minute (not 1 s, which a slow hash could outlast), so spraying takes few hashes to show.
      signInThrottle: { pair: { free: 20 }, address: { free: 10, baseMs: 60_000 } },
    });
    await createUserWithPassword(server.store, { username: 'admin', password: PASSWORD, role: 'ADMIN' });
    for (const username of ['victim', 'colleague', 'owner', 'sprayed', 'fresh', 'forgetful']) {
      ids.set(username, await createUserWithPassword(server.store, { username, password: PASSWORD, role: 'FIRM', firmId: 'anrui' }));
    }
  });
  afterAll(() => server.close());

  it("lets admin sign in at once from another address after an attacker's failures, and slows the attacker with a doubling Retry-After", async () => {
    const attacker = '203.0.113.66';
    await fail(attacker, 'admin', 20);
    // The attacker's own pair waits, longer after each failure …
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      const held = await from(attacker, 'admin', 'another guess');
      expect(held).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
      expect(held.message).toMatch(/too many failed sign-ins to this account from your address; try again in (a second|\d+ seconds)/);
      waits.push(held.retryAfter ?? 0);
      await sleep((held.retryAfter ?? 0) * 1000 + 50);
      expect((await from(attacker, 'admin', `guess after waiting ${round}`)).code).toBe('UNAUTHENTICATED');
    }

    // … while admin signs in at once from elsewhere. Before, 20 failures in a row locked admin for
    // everyone, the right password included.
    const admin = await from('198.51.100.10', 'admin', PASSWORD);
    expect(admin.code).toBeNull();
    expect(admin.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    expect(waits[0]).toBe(1);
    expect(waits[1]).toBeGreaterThan(waits[0] ?? 0);
    expect(waits[2]).toBeGreaterThan(waits[1] ?? 0);
    expect(waits[2]).toBeLessThanOrEqual(4);
    // Even the right password waits there: the answer does not tell a right guess from a wrong one.
    expect((await from(attacker, 'admin', PASSWORD)).status).toBe(429);
  });

  it('lets another user sign in from the address that failed many times on one account', async () => {
    const office = '203.0.113.7';
    const codes: (string | null)[] = [];
    for (let i = 0; i < 35; i++) codes.push((await from(office, 'victim', `guess ${i}`)).code);

    // Refused before: 30 attempts from one address held up every sign-in from it for 10 minutes.
    const colleague = await from(office, 'colleague', PASSWORD);
    expect(colleague.code).toBeNull();
    expect(colleague.token).not.toBeNull();
    // The guesser had its 20 free failures; then each further attempt was held up, and not counted.
    expect(codes).toEqual([...Array<string>(20).fill('UNAUTHENTICATED'), ...Array<string>(15).fill('RATE_LIMITED')]);
  });

  it('slows an address that sprays many accounts on the accounts it tried, and still checks one it has not', async () => {
    const sprayer = '203.0.113.99';
    // One guess each at ten accounts (most of them do not exist, which counts the same).
    expect((await from(sprayer, 'sprayed', 'Password123!')).code).toBe('UNAUTHENTICATED');
    for (let i = 1; i < 10; i++) expect((await from(sprayer, `nobody-${i}`, 'Password123!')).code).toBe('UNAUTHENTICATED');

    // A second guess at an account it tried waits, though that account saw only one failure from it.
    const second = await from(sprayer, 'sprayed', 'Summer2025!');
    expect(second).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(second.retryAfter).toBeGreaterThan(0);
    // From anywhere else that account is nothing special.
    expect((await from('198.51.100.20', 'sprayed', PASSWORD)).code).toBeNull();
    // An account this address has not failed on: checked at once, the right password lets its owner in.
    expect((await from(sprayer, 'fresh', PASSWORD)).code).toBeNull();
  });

  it('slows an account attacked from many addresses by at most a minute, and never holds up a fresh address', async () => {
    const bot = (i: number) => `192.0.2.${i + 1}`;
    // 21 addresses, one guess each: before, the 20th locked the account.
    for (let i = 0; i < 21; i++) expect((await from(bot(i), 'owner', `bot guess ${i}`)).code).toBe('UNAUTHENTICATED');

    const again = await from(bot(0), 'owner', 'bot guess again');
    expect(again).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(again.retryAfter).toBeGreaterThan(0);
    expect(again.retryAfter).toBeLessThanOrEqual(60);

    expect((await from('198.51.100.30', 'owner', PASSWORD)).code).toBeNull();
  });

  it("lifts the account's delays when an admin resets its password", async () => {
    const home = '203.0.113.150';
    await fail(home, 'forgetful', 20);
    expect((await from(home, 'forgetful', PASSWORD)).status).toBe(429);

    const adminToken = (await from('198.51.100.40', 'admin', PASSWORD)).token;
    const reset = await postJson(
      server.url,
      { query: 'mutation R($id: ID!, $p: String!) { resetUserPassword(id: $id, password: $p) { id } }', variables: { id: ids.get('forgetful'), p: 'a brand new password' } },
      { authorization: `Bearer ${adminToken}` },
    );
    expect(((await reset.json()) as GraphQLResponse<unknown>).errors).toBeUndefined();

    expect((await from(home, 'forgetful', 'a brand new password')).code).toBeNull();
  });

  it('answers one login per request, so aliases cannot multiply the hashes a request costs', async () => {
    // A failed login ends the operation anyway (the field is not nullable); successful ones would go on.
    const res = await postJson(
      server.url,
      { query: `mutation { a: login(username: "colleague", password: "${PASSWORD}") { token } b: login(username: "fresh", password: "${PASSWORD}") { token } }` },
      { 'x-forwarded-for': '203.0.113.200' },
    );
    const body = (await res.json()) as GraphQLResponse<unknown>;
    expect(body.errors?.map((e) => [e.path?.[0], e.extensions?.code, e.message])).toEqual([['b', 'BAD_USER_INPUT', 'one login per request']]);
  });
});

describe('request limits', () => {
  let server: TestServer;
  const PER_ADDRESS = 5;
  const PER_USER = 8;
  const QUERY = { query: '{ __typename }' };

  beforeAll(async () => {
    server = await startTestServer({ seed: false, security: { rateLimitPerMinute: PER_ADDRESS, rateLimitPerUserPerMinute: PER_USER } });
  });
  afterAll(() => server.close());

  const send = async (token: string | null) => {
    const res = await postJson(server.url, QUERY, token ? { authorization: `Bearer ${token}` } : {});
    const body = (await res.json()) as GraphQLResponse<unknown>;
    return { status: res.status, retryAfter: res.headers.get('retry-after'), message: body.errors?.[0]?.message ?? null, code: body.errors?.[0]?.extensions?.code };
  };

  it('counts signed-in users each on their own, anonymous traffic per address, and a user beyond their own limit gets 429', async () => {
    // Fifty people behind one office address, every one signed in (all requests here come from 127.0.0.1).
    const tokens: string[] = [];
    for (let i = 0; i < 50; i++) tokens.push(await tokenFor(server.store, { role: i % 2 ? 'BUREAU' : 'ADMIN', ...(i % 2 ? { districtCode: '500117' } : {}) }));
    const statuses: number[] = [];
    for (let round = 0; round < PER_ADDRESS + 1; round++) for (const token of tokens) statuses.push((await send(token)).status);
    // Before, the address's five requests went to the first five; the other 295 got 429.
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(statuses).toHaveLength(300);

    // Anonymous traffic from the same address has its own five.
    for (let i = 0; i < PER_ADDRESS; i++) expect((await send(null)).status).toBe(200);
    const anonymous = await send(null);
    expect(anonymous).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(anonymous.message).toMatch(/at most 5 per minute from one address without signing in/);
    expect(Number(anonymous.retryAfter)).toBeGreaterThan(0);
    // A token that names no session is anonymous.
    expect((await send('no-such-session-token-but-well-formed-0123456789')).status).toBe(429);

    // One user past their own limit (six used, eight allowed).
    const [first] = tokens;
    expect((await send(first ?? null)).status).toBe(200);
    expect((await send(first ?? null)).status).toBe(200);
    const over = await send(first ?? null);
    expect(over).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(over.message).toMatch(/at most 8 per minute per signed-in user/);
    // The others still have theirs.
    expect((await send(tokens[1] ?? null)).status).toBe(200);
  });

  it('counts the target export the same way', async () => {
    const exportAs = async (token: string | null) => {
      const res = await fetch(`${server.url}/api/targets/export?year=2025`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      await res.body?.cancel();
      return res.status;
    };
    const tokens = await Promise.all(Array.from({ length: 3 }, () => tokenFor(server.store, { role: 'BUREAU', districtCode: '500117' })));
    const statuses: number[] = [];
    for (let round = 0; round < PER_ADDRESS + 1; round++) for (const token of tokens) statuses.push(await exportAs(token));
    expect(statuses).not.toContain(429);
    for (let i = 0; i < PER_ADDRESS; i++) expect(await exportAs(null)).toBe(401);
    expect(await exportAs(null)).toBe(429);
  });
});
