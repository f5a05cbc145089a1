import { describe, expect, it } from 'vitest';
import { GraphQLRequestError, gql, graphql } from './client';

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
