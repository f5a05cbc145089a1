import type { Client, Operation, OperationKind } from './load-workload';

/**
 * Closed-loop clients: each sends its next operation as soon as the last one is answered, for a
 * fixed time, and every answer's latency is kept per operation. A request that gets no answer within
 * the client timeout counts as timed out (the server may still commit it later).
 */

export interface Outcome {
  name: string;
  kind: OperationKind;
  ms: number;
  /** Ended by the client's timeout rather than an answer. */
  timedOut: boolean;
  /** The first GraphQL or HTTP error, if any. */
  error: string | null;
  /** Seconds since the phase started when the answer came. */
  at: number;
}

export interface PhaseResult {
  seconds: number;
  outcomes: Outcome[];
}

async function send(url: string, token: string, op: Operation, timeoutMs: number): Promise<{ timedOut: boolean; error: string | null }> {
  try {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: op.query, variables: op.variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await res.json()) as { errors?: { message: string }[] };
    if (!res.ok) return { timedOut: false, error: `HTTP ${res.status}: ${body.errors?.[0]?.message ?? ''}` };
    return { timedOut: false, error: body.errors?.[0]?.message ?? null };
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') return { timedOut: true, error: null };
    throw error;
  }
}

export interface SignedInClient {
  client: Client;
  token: string;
}

/** Runs every client in a closed loop for `seconds`; answers still in flight at the end are awaited and kept. */
export async function runPhase(url: string, clients: readonly SignedInClient[], seconds: number, timeoutMs: number): Promise<PhaseResult> {
  const outcomes: Outcome[] = [];
  const started = performance.now();
  const endAt = started + seconds * 1000;
  await Promise.all(
    clients.map(async ({ client, token }) => {
      while (performance.now() < endAt) {
        const op = client.next();
        const sent = performance.now();
        const { timedOut, error } = await send(url, token, op, timeoutMs);
        const now = performance.now();
        outcomes.push({ name: op.name, kind: op.kind, ms: now - sent, timedOut, error, at: (now - started) / 1000 });
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, outcomes };
}

/** Signs a user in over HTTP with the login mutation, as the web app does. */
export async function signIn(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: 'mutation L($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: username, p: password } }),
  });
  const body = (await res.json()) as { data?: { login?: { token: string } }; errors?: { message: string }[] };
  const token = body.data?.login?.token;
  if (!token) throw new Error(`sign-in of ${username} failed: ${body.errors?.[0]?.message ?? res.status}`);
  return token;
}
