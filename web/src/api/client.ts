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

/** The input field a refusal names in `extensions.field` (e.g. "input.utilisation"), so a form can show it there. */
export function refusedField(error: unknown): string | null {
  const field = error instanceof GraphQLRequestError ? error.errors[0]?.extensions?.field : undefined;
  return typeof field === 'string' ? field : null;
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

/** Where in `data` a field the viewer may not see was left null. */
export type ResponsePath = readonly (string | number)[];

export interface PartialResult<TData> {
  data: TData;
  /** Paths of nullable fields the server withheld from this viewer (FORBIDDEN), in the server's order. */
  hidden: readonly ResponsePath[];
}

/**
 * Like `graphql`, and says which fields were withheld. A FORBIDDEN error is tolerated only when
 * `data` holds a null exactly at its path: then it was a nullable field and the rest of the answer
 * is whole. If the null spread to a parent (a non-null field was refused) or any other error came,
 * the answer is incomplete in ways the caller did not plan for, so it throws.
 */
export async function graphqlPartial<TData, TVars extends Variables>(
  query: TypedQuery<TData, TVars>,
  variables: TVars,
  options: RequestOptions = {},
): Promise<PartialResult<TData>> {
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
    const errors = body.errors ?? [];
    const data = body.data;
    if (errors.length > 0 && !(response.ok && data != null && errors.every((e) => isWithheldField(e, data)))) {
      throw new GraphQLRequestError(errors);
    }
    // The brand guarantees the shape only as far as the server keeps to the SDL.
    if (response.ok && data != null) return { data: data as TData, hidden: errors.map((e) => e.path ?? []) };
  }
  const status = `${response.status} ${response.statusText}`.trim();
  throw new Error(response.ok ? 'The API returned no data' : `The API answered HTTP ${status}`);
}

/**
 * POSTs one operation and returns its data. Fields withheld from this viewer come back null (see
 * `graphqlPartial`); every other error throws a `GraphQLRequestError`.
 */
export async function graphql<TData, TVars extends Variables>(
  query: TypedQuery<TData, TVars>,
  variables: TVars,
  options: RequestOptions = {},
): Promise<TData> {
  return (await graphqlPartial(query, variables, options)).data;
}

function isWithheldField(error: GraphQLErrorItem, data: unknown): boolean {
  const path = error.path;
  if (error.extensions?.code !== 'FORBIDDEN' || !path || path.length === 0) return false;
  const parent = path.slice(0, -1).reduce<unknown>((node, step) => child(node, step)?.value, data);
  const leaf = child(parent, path[path.length - 1] ?? '');
  return leaf !== undefined && leaf.value === null;
}

/** The member `step` of a JSON object or array, boxed so that a missing member differs from a null one. */
function child(node: unknown, step: string | number): { value: unknown } | undefined {
  if (typeof node !== 'object' || node === null || !Object.hasOwn(node, step)) return undefined;
  return { value: (node as Record<string | number, unknown>)[step] };
}
