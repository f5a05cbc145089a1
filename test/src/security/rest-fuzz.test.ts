import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../harness';
import { fullDump } from '../import/helpers';
import { tokenFor } from '../roles';
import { createRandom, type Random } from './fuzz/random';
import { INTERNALS } from './listen';
import { baseCsv, baseXlsxParts, mutatedBytes, mutatedCsv, mutatedXlsx, randomBytes } from './rest-fuzz/files';
import { uploadCase, type UploadCase } from './rest-fuzz/requests';
import { zipFile, type Part } from './xlsx-files';

/**
 * Generated uploads to /api/import/* over HTTP against the real server, signed in as a firm and
 * as an admin: random bytes, mutated CSV (quoting, line ends, encodings), broken and mutated XLSX
 * (truncated zips, lying headers, mutated XML in every part), inside good and broken multipart
 * bodies and under wrong content types. No answer may be a 5xx or show the server's insides,
 * nothing may be logged as an internal error, a dry run or a refused commit changes nothing, and
 * the server still answers /healthz. Replay a run with REST_FUZZ_SEED; size it with REST_FUZZ_COUNT.
 */

const SEED = Number(process.env.REST_FUZZ_SEED ?? 20261204);
const COUNT = Number(process.env.REST_FUZZ_COUNT ?? 300);
const CONCURRENCY = 4;

interface Outcome {
  fuzz: UploadCase;
  status: number;
  text: string;
  problem: string | null;
}

function judge(status: number, contentType: string, text: string): string | null {
  if (status === 0) return 'no answer: the connection failed';
  if (status >= 500) return `HTTP ${status}`;
  if (INTERNALS.test(text)) return 'the answer shows server internals';
  // Node itself answers a request head over its limit (431) with no body, before any app code.
  if (status === 431) return null;
  if (!/json/.test(contentType)) return `content-type ${contentType || 'missing'}`;
  try {
    const body = JSON.parse(text) as { ok?: unknown; errors?: unknown };
    if (typeof body.ok !== 'boolean' || !Array.isArray(body.errors)) return 'not an import answer';
  } catch {
    return 'body is not JSON';
  }
  return null;
}

async function send(url: string, fuzz: UploadCase): Promise<Outcome> {
  try {
    const res = await fetch(`${url}${fuzz.path}`, { method: 'POST', headers: fuzz.headers, body: new Uint8Array(fuzz.body) });
    const text = await res.text();
    return { fuzz, status: res.status, text, problem: judge(res.status, res.headers.get('content-type') ?? '', text) };
  } catch (error) {
    return { fuzz, status: 0, text: '', problem: `request failed: ${String(error)}` };
  }
}

async function sendAll(url: string, cases: readonly UploadCase[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array<Outcome>(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const i = next++;
      outcomes[i] = await send(url, cases[i] as UploadCase);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return outcomes;
}

const describeOutcome = (o: Outcome) => `#${o.fuzz.index} ${o.fuzz.label}: ${o.problem} (${o.status} ${o.text.slice(0, 200)})`;

function statuses(outcomes: readonly Outcome[]): string {
  const counts = new Map<number, number>();
  for (const o of outcomes) counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(', ');
}

let server: TestServer;
let tokens: string[];
let csv: string;
let xlsxParts: Part[];
let xlsx: Buffer;

beforeAll(async () => {
  server = await startTestServer();
  tokens = [await tokenFor(server.store, { role: 'FIRM', firmId: 'aofang' }), await tokenFor(server.store, { role: 'ADMIN' })];
  csv = baseCsv();
  xlsxParts = await baseXlsxParts();
  xlsx = await zipFile(xlsxParts);
});
afterAll(async () => server?.close());

/** One generated file: which kind of damage, and the bytes. */
async function file(random: Random): Promise<[string, Buffer]> {
  switch (random.int(0, 6)) {
    case 0:
      return ['random bytes', randomBytes(random)];
    case 1:
    case 2:
      return ['mutated CSV', mutatedCsv(random, csv)];
    case 3:
    case 4:
      return ['mutated XLSX', await mutatedXlsx(random, xlsxParts)];
    case 5:
      return ['damaged XLSX bytes', mutatedBytes(random, xlsx)];
    default:
      return random.chance(0.5) ? ['intact CSV', Buffer.from(csv)] : ['intact XLSX', xlsx];
  }
}

async function generate(random: Random, count: number, commit: boolean, from: number): Promise<UploadCase[]> {
  const cases: UploadCase[] = [];
  for (let i = 0; i < count; i++) {
    const [label, bytes] = await file(random);
    cases.push(uploadCase(random, from + i, label, bytes, random.pick(tokens), commit, label.startsWith('intact') ? 'orders' : undefined));
  }
  return cases;
}

describe(`REST import fuzz (seed ${SEED})`, () => {
  it('dry runs: never a 5xx, nothing leaked or logged, nothing changed, the server still up', async () => {
    const cases = await generate(createRandom(SEED), COUNT, false, 0);
    const logged = vi.spyOn(console, 'error');
    try {
      const before = await fullDump(server.store);
      const started = performance.now();
      const outcomes = await sendAll(server.url, cases);
      console.log(`rest fuzz dry runs: ${outcomes.length} uploads in ${Math.round(performance.now() - started)} ms, seed ${SEED}; statuses ${statuses(outcomes)}`);
      expect(outcomes.filter((o) => o.problem !== null).map(describeOutcome)).toEqual([]);
      expect(logged.mock.calls.map((c) => String(c[0]).slice(0, 300))).toEqual([]);
      expect(await fullDump(server.store)).toEqual(before);
    } finally {
      logged.mockRestore();
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 600_000);

  it('commits: a refused one changes nothing; only an answer that says it committed may', async () => {
    const cases = await generate(createRandom(SEED + 1), Math.ceil(COUNT / 4), true, COUNT);
    const logged = vi.spyOn(console, 'error');
    try {
      let baseline = await fullDump(server.store);
      const outcomes: Outcome[] = [];
      let committed = 0;
      // One at a time, each judged against the store as the one before left it.
      for (const fuzz of cases) {
        const outcome = await send(server.url, fuzz);
        outcomes.push(outcome);
        const after = await fullDump(server.store);
        if (outcome.status === 200 && (JSON.parse(outcome.text) as { committed?: boolean }).committed === true) {
          committed++;
          baseline = after;
        } else if (JSON.stringify(after) !== JSON.stringify(baseline)) {
          outcomes.push({ ...outcome, problem: 'a refused commit changed the store' });
        }
      }
      console.log(`rest fuzz commits: ${cases.length} uploads, ${committed} committed; statuses ${statuses(outcomes)}`);
      expect(outcomes.filter((o) => o.problem !== null).map(describeOutcome)).toEqual([]);
      expect(logged.mock.calls.map((c) => String(c[0]).slice(0, 300))).toEqual([]);
    } finally {
      logged.mockRestore();
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 600_000);
});
