import { describe, expect, it } from 'vitest';
import { GraphQLRequestError, gql, graphql, graphqlPartial } from './client';

const PING = gql<{ ping: string }, { n: number }>('query Ping($n: Int) { ping(n: $n) }');

function fakeFetch(status: number, body: unknown, seen: { init?: RequestInit; url?: string } = {}): typeof fetch {
  return async (input, init) => {
    seen.url = String(input);
    seen.init = init;
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
}

describe('graphql()', () => {
  it('posts the query and variables as JSON and returns data', async () => {
    const seen: { init?: RequestInit; url?: string } = {};
    const data = await graphql(PING, { n: 1 }, { fetch: fakeFetch(200, { data: { ping: 'pong' } }, seen) });
    expect(data.ping).toBe('pong');
    expect(seen.url).toBe('/graphql');
    expect(seen.init?.method).toBe('POST');
    expect(JSON.parse(String(seen.init?.body))).toEqual({ query: PING, variables: { n: 1 } });
  });

  it("throws the server's messages and codes when errors are present", async () => {
    const body = {
      data: null,
      errors: [
        { message: 'filter.search: must be at most 200 characters', extensions: { code: 'BAD_USER_INPUT' } },
        { message: 'second' },
      ],
    };
    const error = await graphql(PING, { n: 1 }, { fetch: fakeFetch(200, body) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLRequestError);
    expect((error as GraphQLRequestError).message).toBe('filter.search: must be at most 200 characters; second');
    expect((error as GraphQLRequestError).codes).toEqual(['BAD_USER_INPUT']);
  });

  it('reads errors from a non-2xx GraphQL response', async () => {
    const body = { errors: [{ message: 'Cannot query field "nope"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] };
    await expect(graphql(PING, { n: 1 }, { fetch: fakeFetch(400, body) })).rejects.toThrow('Cannot query field "nope"');
  });

  it('reports an HTTP failure without a GraphQL body', async () => {
    await expect(graphql(PING, { n: 1 }, { fetch: fakeFetch(502, '<html>Bad gateway</html>') })).rejects.toThrow(
      'The API answered HTTP 502',
    );
  });
});

const FLOWS = gql<{ tradeFlows: { id: string; amountCny: number | null }[] }>('query { tradeFlows { id amountCny } }');
const forbidden = (...path: (string | number)[]) => ({
  message: `not allowed to see TradeFlow.${String(path.at(-1))}`,
  path,
  extensions: { code: 'FORBIDDEN' },
});

describe('fields withheld from the viewer', () => {
  const withheld = {
    errors: [forbidden('tradeFlows', 0, 'amountCny'), forbidden('tradeFlows', 2, 'amountCny')],
    data: { tradeFlows: [{ id: 'a', amountCny: null }, { id: 'b', amountCny: 5 }, { id: 'c', amountCny: null }] },
  };

  it('returns the data with nulls where nullable fields were FORBIDDEN', async () => {
    const data = await graphql(FLOWS, {}, { fetch: fakeFetch(200, withheld) });
    expect(data.tradeFlows.map((f) => f.amountCny)).toEqual([null, 5, null]);
  });

  it('says which paths were withheld', async () => {
    const result = await graphqlPartial(FLOWS, {}, { fetch: fakeFetch(200, withheld) });
    expect(result.hidden).toEqual([
      ['tradeFlows', 0, 'amountCny'],
      ['tradeFlows', 2, 'amountCny'],
    ]);
    expect(result.data).toEqual(withheld.data);
  });

  it('reports nothing hidden for a clean answer', async () => {
    const result = await graphqlPartial(PING, { n: 1 }, { fetch: fakeFetch(200, { data: { ping: 'pong' } }) });
    expect(result).toEqual({ data: { ping: 'pong' }, hidden: [] });
  });

  it('throws when a FORBIDDEN null spread to a parent (a non-null field was refused)', async () => {
    const body = { errors: [forbidden('tradeFlows', 0, 'amountCny')], data: { tradeFlows: null } };
    const error = await graphql(FLOWS, {}, { fetch: fakeFetch(200, body) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLRequestError);
    expect((error as GraphQLRequestError).codes).toEqual(['FORBIDDEN']);
  });

  it('throws when the path holds a value rather than a null, or is missing', async () => {
    const holdsValue = { errors: [forbidden('tradeFlows', 1, 'amountCny')], data: withheld.data };
    await expect(graphql(FLOWS, {}, { fetch: fakeFetch(200, holdsValue) })).rejects.toBeInstanceOf(GraphQLRequestError);
    const missing = { errors: [forbidden('tradeFlows', 7, 'amountCny')], data: withheld.data };
    await expect(graphql(FLOWS, {}, { fetch: fakeFetch(200, missing) })).rejects.toBeInstanceOf(GraphQLRequestError);
  });

  it('throws on FORBIDDEN without a path, or with no data at all', async () => {
    const noPath = { errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }], data: withheld.data };
    await expect(graphql(FLOWS, {}, { fetch: fakeFetch(200, noPath) })).rejects.toThrow('no');
    const noData = { errors: [forbidden('tradeFlows')], data: null };
    await expect(graphql(FLOWS, {}, { fetch: fakeFetch(200, noData) })).rejects.toBeInstanceOf(GraphQLRequestError);
  });

  it('throws every error when any one of them is not a withheld field', async () => {
    const mixed = {
      errors: [forbidden('tradeFlows', 0, 'amountCny'), { message: 'boom', path: ['tradeFlows', 2, 'amountCny'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      data: withheld.data,
    };
    const error = await graphql(FLOWS, {}, { fetch: fakeFetch(200, mixed) }).catch((e: unknown) => e);
    expect((error as GraphQLRequestError).codes).toEqual(['FORBIDDEN', 'INTERNAL_SERVER_ERROR']);
  });
});
