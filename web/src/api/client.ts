/**
 * A tiny GraphQL-over-HTTP client: POST {query, variables} as JSON to /graphql.
 *
 * Operations are plain strings branded with their result and variable types (`gql<TData, TVars>`),
 * so `graphql(OPERATION, variables)` is typed end to end without a code generator. When the API's
 * SDL settles, a generated `TypedDocumentString` can replace `gql` without touching call sites.
 */

export type Variables = Record<string, unknown>;

/** An operation's text, carrying its data and variable types for inference only. */
export type TypedQuery<TData, TVars extends Variables> = string & {
  readonly __operation?: (variables: TVars) => TData;
};

export function gql<TData, TVars extends Variables = Record<string, never>>(source: string): TypedQuery<TData, TVars> {
  return source;
}

export interface GraphQLErrorItem {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/** The API answered with `errors`: the message joins the server's messages; `codes` are their `extensions.code`. */
export class GraphQLRequestError extends Error {
  readonly errors: readonly GraphQLErrorItem[];
  readonly codes: readonly string[];

  constructor(errors: readonly GraphQLErrorItem[]) {
    super(errors.map((e) => e.message).join('; ') || 'GraphQL request failed');
    this.name = 'GraphQLRequestError';
    this.errors = errors;
    this.codes = errors.flatMap((e) => (typeof e.extensions?.code === 'string' ? [e.extensions.code] : []));
  }
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Defaults to `/graphql` on the page's origin (the Vite dev server proxies it to the API). */
  endpoint?: string;
  /** For tests. */
  fetch?: typeof fetch;
}

interface GraphQLResponse<TData> {
  data?: TData | null;
  errors?: GraphQLErrorItem[];
}

function isResponseBody(value: unknown): value is GraphQLResponse<unknown> {
  return typeof value === 'object' && value !== null && ('data' in value || 'errors' in value);
}

export async function graphql<TData, TVars extends Variables>(
  query: TypedQuery<TData, TVars>,
  variables: TVars,
  options: RequestOptions = {},
): Promise<TData> {
  const doFetch = options.fetch ?? fetch;
  const response = await doFetch(options.endpoint ?? '/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      // graphql-yoga's CSRF prevention accepts requests that carry this header.
      'x-graphql-yoga-csrf': 'yulian-web',
    },
    body: JSON.stringify({ query, variables }),
    signal: options.signal ?? null,
  });

  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }

  if (isResponseBody(body)) {
    if (body.errors && body.errors.length > 0) throw new GraphQLRequestError(body.errors);
    // The brand guarantees the shape only as far as the server keeps to the SDL.
    if (response.ok && body.data != null) return body.data as TData;
  }
  const status = `${response.status} ${response.statusText}`.trim();
  throw new Error(response.ok ? 'The API returned no data' : `The API answered HTTP ${status}`);
}
