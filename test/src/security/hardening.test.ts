import { gzipSync } from 'node:zlib';
import { loadConfig } from '@yulian/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLUSTER_QUERY, FIRMS_QUERY, TRADE_FLOWS_QUERY } from '../../../web/src/api/queries';
import { gql, startTestServer, type GraphQLResponse, type TestServer } from '../harness';
import { postJson } from './listen';

/** The hardened /graphql endpoint over HTTP, in production mode unless a test says otherwise. */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const CSRF = { 'x-graphql-yoga-csrf': 'test' };

async function body(res: Response): Promise<GraphQLResponse<unknown>> {
  expect(res.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
  return (await res.json()) as GraphQLResponse<unknown>;
}

/** A nested selection: firm → suppliers → firm → … `levels` times, `id` at the bottom. */
function chain(levels: number): string {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = `suppliers { firm { ${inner} } }`;
  return inner;
}

describe('operation limits', () => {
  it('lets the web app’s operations and the deepest test operation through', async () => {
    const ops: [string, Record<string, unknown>][] = [
      [FIRMS_QUERY, { first: 500 }],
      [CLUSTER_QUERY, { first: 500 }],
      [TRADE_FLOWS_QUERY, { year: 2024 }],
      [
        `{ firms(first: 100) { edges { node { id district { code nameEn } capabilities { segment { code parent { code } } spareCapacity }
          needs { segment { code } } suppliers(year: 2024) { firm { id district { code } } amountCny }
          customers(year: 2024) { firm { id } amountCny } supports { to { id } } } } } }`,
        {},
      ],
    ];
    for (const [query, variables] of ops) {
      const res = await gql(server.url, query, variables);
      // Anonymous visitors get FORBIDDEN for amounts; what matters here is that nothing is refused whole.
      expect(res.data).toBeTruthy();
      expect(res.errors?.filter((e) => e.extensions?.code !== 'FORBIDDEN') ?? []).toEqual([]);
    }
  });

  const refusals: { name: string; query: string; message: RegExp; limit: string }[] = [
    { name: 'too deep', query: `{ firm(id: "anrui") { ${chain(5)} } }`, message: /depth limit of 10 exceeded, found 12/, limit: 'depth' },
    {
      name: 'too costly',
      query: '{ firms(first: 500) { edges { node { orders(first: 500) { edges { node { id amountCny } } } } } } }',
      message: /cost limit of 100000 exceeded/,
      limit: 'cost',
    },
    {
      name: 'too many aliases',
      query: `{ ${Array.from({ length: 16 }, (_, i) => `d${i}: district(code: "500117") { code }`).join(' ')} }`,
      message: /Aliases limit of 15 exceeded, found 16/,
      limit: 'aliases',
    },
    {
      name: 'too many directives',
      query: `{ districts { ${Array.from({ length: 11 }, () => 'code @include(if: true)').join(' ')} } }`,
      message: /Directives limit of 10 exceeded, found 11/,
      limit: 'directives',
    },
    {
      name: 'too many tokens',
      query: `{ districts { ${'code '.repeat(3_000)} } }`,
      message: /Token limit of 3000 exceeded/,
      limit: 'tokens',
    },
  ];
  for (const r of refusals) {
    it(`refuses a request that is ${r.name}, naming the limit`, async () => {
      const res = await gql(server.url, r.query);
      expect(res.data ?? null).toBeNull();
      const error = res.errors?.find((e) => e.extensions?.limit === r.limit);
      expect(error?.message).toMatch(r.message);
      expect(error?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: r.limit });
    });
  }

  it('counts a page size given as a variable as the largest page', async () => {
    const res = await gql(server.url, 'query($n: Int) { firms(first: $n) { edges { node { orders(first: $n) { edges { node { id } } } } } } }', { n: 1 });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
  });

  it('leaves an over-large page to the resolver, which names the argument', async () => {
    const res = await gql(server.url, '{ firms(first: 100000) { totalCount } }');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'pagination.first' });
  });
});

describe('request body size', () => {
  it('answers a body over 100 kB with 413 and a GraphQL error, before running anything', async () => {
    const res = await postJson(server.url, { query: '{ districts { code } }', variables: { pad: 'x'.repeat(110 * 1024) } });
    expect(res.status).toBe(413);
    const json = await body(res);
    expect(json.errors?.[0]).toMatchObject({ extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 102_400 } });
    expect(json.errors?.[0]?.message).toMatch(/larger than the limit of 102400 bytes/);
  });

  it('cuts off a chunked body without a Content-Length at the limit', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 10) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const init: RequestInit & { duplex: 'half' } = { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' };
    const res = await fetch(`${server.url}/graphql`, init);
    expect(res.status).toBe(413);
    expect((await body(res)).errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a compressed body, whose size on the wire says nothing about its size parsed', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify({ query: '{ districts { code } }' })),
    });
    expect(res.status).toBe(415);
    expect((await body(res)).errors?.[0]?.extensions?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('accepts a body just under the limit', async () => {
    const res = await postJson(server.url, { query: '{ districts { code } }', variables: { pad: 'x'.repeat(90 * 1024) } });
    expect(res.status).toBe(200);
    expect((await body(res)).errors).toBeUndefined();
  });
});

describe('CSRF prevention', () => {
  const query = encodeURIComponent('{ districts { code } }');

  it('refuses a GET without the CSRF header and answers one with it', async () => {
    const refused = await fetch(`${server.url}/graphql?query=${query}`, { headers: { accept: 'application/json' } });
    expect(refused.status).toBe(403);
    expect((await body(refused)).errors?.[0]?.message).toMatch(/CSRF header/);
    const allowed = await fetch(`${server.url}/graphql?query=${query}`, { headers: { accept: 'application/json', ...CSRF } });
    expect(allowed.status).toBe(200);
    expect((await body(allowed)).data).toMatchObject({ districts: expect.any(Array) });
  });

  const simpleBodies: [string, string][] = [
    ['text/plain', JSON.stringify({ query: '{ districts { code } }' })],
    ['application/x-www-form-urlencoded', `query=${query}`],
    ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ districts { code } }\r\n--x--\r\n`],
  ];
  for (const [type, payload] of simpleBodies) {
    it(`refuses a POST a form could send (${type.split(';')[0]}) without the header`, async () => {
      const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': type, accept: 'application/json' }, body: payload });
      expect(res.status).toBe(403);
      expect((await body(res)).data ?? null).toBeNull();
    });
  }

  it('answers a JSON POST without the header: a browser must preflight it', async () => {
    const res = await postJson(server.url, { query: '{ districts { code } }' });
    expect(res.status).toBe(200);
    expect((await body(res)).data).toMatchObject({ districts: expect.any(Array) });
  });

  it('does not answer cross-origin preflights: the web app is served from the same origin', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('introspection, GraphiQL and suggestions', () => {
  it('refuses introspection and serves no GraphiQL in production mode', async () => {
    const res = await gql(server.url, '{ __schema { queryType { name } } }');
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.message).toMatch(/introspection has been disabled/);
    const typeQuery = await gql(server.url, '{ __type(name: "Firm") { fields { name } } }');
    expect(typeQuery.errors?.[0]?.message).toMatch(/introspection has been disabled/);
    const page = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/graphiql/i);
  });

  it('allows introspection and GraphiQL in development mode', async () => {
    const dev = await startTestServer({ seed: false, development: true });
    try {
      const res = await gql<{ __schema: { queryType: { name: string } } }>(dev.url, '{ __schema { queryType { name } } }');
      expect(res.data?.__schema.queryType.name).toBe('Query');
      const page = await fetch(`${dev.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(await page.text()).toMatch(/graphiql/i);
      // GraphiQL's assets come from unpkg; the development policy lets them load.
      expect(page.headers.get('content-security-policy')).toMatch(/script-src [^;]*https:\/\/unpkg\.com/);
    } finally {
      await dev.close();
    }
  });

  it('never suggests field, argument, type, enum or input field names', async () => {
    const typos: [string, Record<string, unknown>?][] = [
      ['{ firms { edges { node { nam } } } }'],
      ['{ firms(frist: 3) { totalCount } }'],
      ['query($f: FirmFiltr) { firms(filter: $f) { totalCount } }'],
      ['{ tradeFlows(kind: SUPLY) { year } }'],
      ['query($k: OrderKind) { tradeFlows(kind: $k) { year } }', { k: 'SUPLY' }],
      ['query($f: FirmFilter) { firms(filter: $f) { totalCount } }', { f: { serch: 'x' } }],
    ];
    for (const [query, variables] of typos) {
      const res = await gql(server.url, query, variables);
      expect(res.errors?.length, query).toBeGreaterThan(0);
      for (const e of res.errors ?? []) expect(e.message).not.toMatch(/did you mean/i);
    }
  });
});

describe('rate limit', () => {
  it('answers 429 with RATE_LIMITED once a client has used its requests for the minute', async () => {
    const limited = await startTestServer({ seed: false, security: { rateLimitPerMinute: 5 } });
    try {
      for (let i = 0; i < 5; i++) {
        const res = await postJson(limited.url, { query: '{ districts { code } }' });
        expect(res.status).toBe(200);
        await res.body?.cancel();
      }
      const res = await postJson(limited.url, { query: '{ districts { code } }' });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      const json = await body(res);
      expect(json.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      expect(json.errors?.[0]?.message).toMatch(/at most 5 per minute/);
      // Health checks are not API traffic.
      expect((await fetch(`${limited.url}/healthz`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('client address behind proxies', () => {
  const send = (url: string, forwardedFor: string) =>
    postJson(url, { query: '{ __typename }' }, { 'x-forwarded-for': forwardedFor }).then(async (res) => {
      await res.body?.cancel();
      return res.status;
    });

  it('ignores X-Forwarded-For unless a proxy is trusted, so a client cannot dodge its limit', async () => {
    const direct = await startTestServer({ seed: false, security: { rateLimitPerMinute: 3 } });
    try {
      const statuses = [];
      for (const address of ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4']) statuses.push(await send(direct.url, address));
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await direct.close();
    }
  });

  it('counts each forwarded client on its own behind a trusted proxy', async () => {
    const proxied = await startTestServer({ seed: false, security: { rateLimitPerMinute: 3, trustProxy: 'loopback' } });
    try {
      const statuses = [];
      for (const address of ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4']) statuses.push(await send(proxied.url, address));
      expect(statuses).toEqual([200, 200, 200, 200]);
      for (let i = 0; i < 3; i++) await send(proxied.url, '198.51.100.7');
      expect(await send(proxied.url, '198.51.100.7')).toBe(429);
    } finally {
      await proxied.close();
    }
  });

  it('reads the limits and proxy trust from the environment', () => {
    expect(loadConfig({}).security).toEqual({ bodyLimitBytes: 102_400, rateLimitPerMinute: 300, rateLimitPerUserPerMinute: 600, trustProxy: false });
    const tuned = loadConfig({ YULIAN_BODY_LIMIT_BYTES: '65536', YULIAN_RATE_LIMIT_PER_MINUTE: '60', YULIAN_RATE_LIMIT_PER_USER_PER_MINUTE: '120', YULIAN_TRUST_PROXY: '1' });
    expect(tuned.security).toEqual({ bodyLimitBytes: 65_536, rateLimitPerMinute: 60, rateLimitPerUserPerMinute: 120, trustProxy: 1 });
    expect(loadConfig({ YULIAN_TRUST_PROXY: 'loopback, 10.0.0.0/8' }).security.trustProxy).toBe('loopback, 10.0.0.0/8');
    // Trusting every hop would let any client choose the address its limit is counted against.
    expect(() => loadConfig({ YULIAN_TRUST_PROXY: 'true' })).toThrow(/YULIAN_TRUST_PROXY/);
    expect(() => loadConfig({ YULIAN_RATE_LIMIT_PER_MINUTE: '0' })).toThrow(/YULIAN_RATE_LIMIT_PER_MINUTE/);
    expect(() => loadConfig({ YULIAN_RATE_LIMIT_PER_USER_PER_MINUTE: '-5' })).toThrow(/YULIAN_RATE_LIMIT_PER_USER_PER_MINUTE/);
  });
});

describe('security headers', () => {
  for (const path of ['/', '/graphql', '/healthz']) {
    it(`sets them on ${path}`, async () => {
      const res = await fetch(`${server.url}${path}`, { headers: { accept: 'application/json', ...CSRF } });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/unpkg|unsafe-eval/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-powered-by')).toBeNull();
      await res.body?.cancel();
    });
  }
});
