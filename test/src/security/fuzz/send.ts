import type { FuzzCase } from './generator';

/** Sends fuzz cases over HTTP and judges each answer as a GraphQL response. */

export interface Outcome {
  fuzz: FuzzCase;
  status: number;
  text: string;
  /** Why the answer is not acceptable; null when it is. */
  problem: string | null;
  /** The answer carries a masked INTERNAL_SERVER_ERROR: input reached somewhere that did not expect it. */
  unexpected: boolean;
}

/** What would betray the server's insides: a stack frame, a source path. */
const INSIDES = /\bat [\w$.<>]+ \(|node_modules|\.[cm]?[jt]s:\d+|\/work\/|"stack"/;

function judge(status: number, contentType: string, text: string): { problem: string | null; unexpected: boolean } {
  if (status >= 500) return { problem: `HTTP ${status}`, unexpected: false };
  if (!/json/.test(contentType)) return { problem: `content-type ${contentType || 'missing'}`, unexpected: false };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { problem: 'body is not JSON', unexpected: false };
  }
  if (typeof body !== 'object' || body === null || !('data' in body || 'errors' in body)) {
    return { problem: 'neither data nor errors', unexpected: false };
  }
  const errors: unknown = (body as { errors?: unknown }).errors;
  if (errors !== undefined) {
    if (!Array.isArray(errors) || errors.length === 0) return { problem: 'errors is not a non-empty list', unexpected: false };
    if (!errors.every((e: unknown) => typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string')) {
      return { problem: 'an error without a message', unexpected: false };
    }
  }
  if (INSIDES.test(text)) return { problem: 'the answer shows server internals', unexpected: false };
  const unexpected = Array.isArray(errors) && errors.some((e: { extensions?: { code?: unknown } }) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
  return { problem: null, unexpected };
}

function request(url: string, fuzz: FuzzCase): Promise<Response> {
  // Some queries travel as GET, as a caching client would send them (with the CSRF header); only
  // short ones, since Node refuses request heads over 16 kB with a bare 431 before any app code runs.
  const variables = fuzz.rawVariables ?? JSON.stringify(fuzz.variables);
  const params = new URLSearchParams({ query: fuzz.query, variables }).toString();
  if (fuzz.kind !== 'mutation' && params.length < 8_000 && fuzz.index % 7 === 0) {
    return fetch(`${url}/graphql?${params}`, { headers: { accept: 'application/json', 'x-graphql-yoga-csrf': 'fuzz' } });
  }
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: `{"query":${JSON.stringify(fuzz.query)},"variables":${variables}}`,
  });
}

export async function send(url: string, fuzz: FuzzCase): Promise<Outcome> {
  try {
    const res = await request(url, fuzz);
    const text = await res.text();
    return { fuzz, status: res.status, text, ...judge(res.status, res.headers.get('content-type') ?? '', text) };
  } catch (error) {
    // A reset connection or a refused one: the server fell over.
    return { fuzz, status: 0, text: '', problem: `request failed: ${String(error)}`, unexpected: false };
  }
}

/** Sends every case with at most `concurrency` in flight (fetch keeps the connections alive). */
export async function sendAll(url: string, cases: readonly FuzzCase[], concurrency: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array<Outcome>(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const i = next++;
      outcomes[i] = await send(url, cases[i] as FuzzCase);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return outcomes;
}

/** A failing outcome, short enough to read in a test report. */
export function describeOutcome(o: Outcome): string {
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);
  return `#${o.fuzz.index} ${o.fuzz.kind} → ${o.status} ${o.problem ?? 'INTERNAL_SERVER_ERROR'}\n  query: ${cut(o.fuzz.query, 400)}\n  variables: ${cut(o.fuzz.rawVariables ?? JSON.stringify(o.fuzz.variables), 300)}\n  answer: ${cut(o.text, 400)}`;
}
