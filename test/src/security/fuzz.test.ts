import { buildSchema, queries, type GraphStore } from '@yulian/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness';
import { fullDump } from '../import/helpers';
import { generateBroken, generateOperation, type FuzzCase } from './fuzz/generator';
import { createRandom } from './fuzz/random';
import { describeOutcome, sendAll, type Outcome } from './fuzz/send';

/**
 * Thousands of documents generated from the schema, sent over HTTP to the real server as an
 * anonymous visitor. Replay a run with FUZZ_SEED; change its size with FUZZ_COUNT (read-only
 * documents; mutations are a fifth of that).
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20250514);
const COUNT = Number(process.env.FUZZ_COUNT ?? 2_500);
const CONCURRENCY = 4;

function generate(): { reads: FuzzCase[]; mutations: FuzzCase[] } {
  const random = createRandom(SEED);
  const schema = buildSchema();
  const reads = Array.from({ length: COUNT }, (_, i) =>
    random.chance(0.15) ? generateBroken(random, schema, i) : generateOperation(random, schema, i, 'query'),
  );
  const mutations = Array.from({ length: Math.ceil(COUNT / 5) }, (_, i) => generateOperation(random, schema, COUNT + i, 'mutation'));
  return { reads, mutations };
}

/**
 * Every node and relationship with every property (a backup's lines), except nodes labelled `skip`
 * and their ties, and the derived trade links, which a backup leaves out.
 */
async function dump(store: GraphStore, skip: string[] = []): Promise<string[]> {
  const skipped = new Set(skip);
  const lines = (await fullDump(store)).filter((line) => {
    const l = JSON.parse(line) as { label?: string; from?: { label: string }; to?: { label: string } };
    return !skipped.has(l.label ?? '') && !skipped.has(l.from?.label ?? '') && !skipped.has(l.to?.label ?? '');
  });
  const links = (await store.read(queries.allTradeLinks({}))).map((link) => JSON.stringify(link));
  return [...lines, ...links].sort();
}

/** What sign-in bookkeeping may touch (failed-attempt counters, sessions, the audit log of refusals). */
const ACCOUNT_LABELS = ['User', 'Session', 'AuditEvent'];

/** The first error code of each answer, counted: shows how far into the server the documents got. */
function codes(outcomes: Outcome[]): string {
  const counts = new Map<string, number>();
  for (const o of outcomes) {
    let code = 'no error';
    try {
      const body = JSON.parse(o.text) as { errors?: { extensions?: { code?: string } }[] };
      if (body.errors) code = body.errors[0]?.extensions?.code ?? `HTTP ${o.status}`;
    } catch {
      code = `HTTP ${o.status}`;
    }
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ${n}`).join(', ');
}

function report(label: string, outcomes: Outcome[], ms: number): void {
  const broken = outcomes.filter((o) => o.fuzz.kind === 'broken').length;
  const withData = outcomes.filter((o) => o.text.includes('"data":{')).length;
  console.log(
    `fuzz ${label}: ${outcomes.length} documents (${broken} broken) in ${Math.round(ms)} ms, seed ${SEED} (FUZZ_SEED to replay); ` +
      `${withData} answered with data; first error codes: ${codes(outcomes)}`,
  );
}

let server: TestServer;
const cases = generate();
beforeAll(async () => {
  server = await startTestServer({ security: { rateLimitPerMinute: 1_000_000 } });
});
afterAll(() => server.close());

describe(`fuzz (seed ${SEED})`, () => {
  it('answers every read-only document with a GraphQL response and changes nothing', async () => {
    const before = await dump(server.store);
    expect(before.some((row) => row.includes('"label":"Firm"'))).toBe(true);

    const started = performance.now();
    const outcomes = await sendAll(server.url, cases.reads, CONCURRENCY);
    report('reads', outcomes, performance.now() - started);

    expect(outcomes.filter((o) => o.problem !== null).map(describeOutcome)).toEqual([]);
    // A masked error means input got somewhere that did not expect it.
    expect(outcomes.filter((o) => o.unexpected).map(describeOutcome)).toEqual([]);
    expect(await dump(server.store)).toEqual(before);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 120_000);

  it('answers every mutation document from an anonymous visitor with a GraphQL response, changing no business data', async () => {
    const before = await dump(server.store, ACCOUNT_LABELS);
    const started = performance.now();
    const outcomes = await sendAll(server.url, cases.mutations, CONCURRENCY);
    report('mutations', outcomes, performance.now() - started);

    expect(outcomes.filter((o) => o.problem !== null).map(describeOutcome)).toEqual([]);
    expect(outcomes.filter((o) => o.unexpected).map(describeOutcome)).toEqual([]);
    // Anonymous visitors may not change anything (issue 3's authorization): firms, orders, ties,
    // districts and segments are as they were.
    expect(await dump(server.store, ACCOUNT_LABELS)).toEqual(before);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 120_000);
});
