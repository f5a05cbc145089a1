import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { bench, describe } from 'vitest';
import { generateDataset } from '../../../seed/src/synthetic';
import { benchSizes, LOAD_RESULT_FILE, SEED, type BenchSize, type LoadResult } from './analysis-setup';
import { cpuSeconds } from './load-cpu';
import { budgetTable, errorSamples, latencyBudget, operationTable, rateBudget } from './load-report';
import { runPhase, signIn, type SignedInClient } from './load-run';
import { freshStoreCopy, startServerProcess, writeUsers } from './load-server';
import { buildWorkload } from './load-workload';

/**
 * Issue 13's "fast under load": the real server (server/src/main.ts, its own process) on loopback
 * over a synthetic store of 5,000 firms / 50,000 orders, 50 signed-in clients in closed loops for
 * 30 s sending a mix of reads and about 15% writes, then the write rate of one client alone. Budgets
 * on two cores: write p99 ≤ 300 ms and read p99 ≤ 300 ms under that load; ≥ 150 writes/s alone.
 *
 * Knobs: LOAD_BENCH_SIZE (firms:orders), LOAD_BENCH_CLIENTS, LOAD_BENCH_BUREAUS (of the clients),
 * LOAD_BENCH_SECONDS, LOAD_BENCH_SOLO_SECONDS, LOAD_BENCH_SERVER (another checkout's main.ts, for A/B runs),
 * LOAD_BENCH_STORE_DIR (keep the loaded store between
 * runs), LOAD_BENCH_CPU_PROF (a folder: the server writes a CPU profile there when it stops).
 */

const num = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}: cannot read "${process.env[name]}"`);
  return value;
};

const size: BenchSize = benchSizes(process.env.LOAD_BENCH_SIZE ?? '5000:50000')[0] ?? { firms: 5000, orders: 50_000 };
const CLIENTS = num('LOAD_BENCH_CLIENTS', 50);
const BUREAUS = Math.min(CLIENTS - 1, num('LOAD_BENCH_BUREAUS', 10));
const SECONDS = num('LOAD_BENCH_SECONDS', 30);
const SOLO_SECONDS = num('LOAD_BENCH_SOLO_SECONDS', 10);
/** What a browser's user would wait before giving up. */
const CLIENT_TIMEOUT_MS = 30_000;
/** Every client is one loopback address: the limit must not be what the benchmark measures. */
const RATE_LIMIT_PER_MINUTE = 1_000_000;
const BUDGET_MS = 300;
const SOLO_WRITES_PER_SECOND = 150;

const load = () => loadavg().map((l) => l.toFixed(2)).join(' / ');

async function measure(): Promise<void> {
  console.log(`\nLoad benchmark: ${size.firms} firms / ${size.orders} orders, ${CLIENTS} clients (${BUREAUS} bureaus), ${SECONDS} s; load average ${load()}`);
  const store = await freshStoreCopy(size, (line) => console.log(line));
  process.once('exit', store.remove);
  const loaded = JSON.parse(readFileSync(path.join(store.dir, LOAD_RESULT_FILE), 'utf8')) as LoadResult;
  const data = generateDataset({ firms: size.firms, orders: size.orders, seed: SEED });
  const workload = buildWorkload(data, loaded.targets, { firmClients: CLIENTS - BUREAUS, bureauClients: BUREAUS, seed: SEED });
  await writeUsers(store.dir, workload.users);

  const server = await startServerProcess(store.dir, { rateLimitPerMinute: RATE_LIMIT_PER_MINUTE, cpuProfileDir: process.env.LOAD_BENCH_CPU_PROF?.trim() || undefined });
  try {
    const tokens = new Map<string, string>();
    for (const user of workload.users) tokens.set(user.username, await signIn(server.url, user.username, user.password));
    const signedIn = (client: (typeof workload.clients)[number]): SignedInClient => ({ client, token: tokens.get(client.user.username) as string });
    const clients = workload.clients.map(signedIn);

    // Unmeasured: each statement's first run prepares it, and kept facts are built by the first search.
    await runPhase(server.url, clients, 3, CLIENT_TIMEOUT_MS);

    const soloLoad = load();
    const soloCpu = cpuSeconds(server.pid);
    const solo = await runPhase(server.url, [signedIn(workload.soloWriter)], SOLO_SECONDS, CLIENT_TIMEOUT_MS);
    const loadBefore = load();
    const mixedCpu = cpuSeconds(server.pid);
    const mixed = await runPhase(server.url, clients, SECONDS, CLIENT_TIMEOUT_MS);
    const loadAfter = load();
    const endCpu = cpuSeconds(server.pid);
    const cpuLine = (from: number | null, to: number | null, answered: number, seconds: number) =>
      from === null || to === null
        ? 'server CPU: not measurable on this system'
        : `server CPU (all threads): ${(to - from).toFixed(1)} s in ${seconds.toFixed(1)} s (${((to - from) / seconds).toFixed(2)} cores), ${((1000 * (to - from)) / Math.max(1, answered)).toFixed(1)} ms per answered request`;

    const writes = mixed.outcomes.filter((o) => o.kind === 'write');
    const reads = mixed.outcomes.filter((o) => o.kind === 'read');
    console.log(
      [
        '',
        `=== load: ${size.firms} firms / ${size.orders} orders (server pid ${server.pid}) ===`,
        `${CLIENTS} clients for ${mixed.seconds.toFixed(1)} s: ${reads.length} reads, ${writes.length} writes (${((100 * writes.length) / Math.max(1, mixed.outcomes.length)).toFixed(1)}% writes); load average before ${loadBefore}, after ${loadAfter}; two cores`,
        ...operationTable(mixed),
        ...errorSamples(mixed),
        cpuLine(mixedCpu, endCpu, mixed.outcomes.filter((o) => !o.timedOut).length, mixed.seconds),
        '',
        `one client alone, writes only, ${solo.seconds.toFixed(1)} s; load average before ${soloLoad}`,
        ...operationTable(solo),
        ...errorSamples(solo),
        cpuLine(soloCpu, mixedCpu, solo.outcomes.filter((o) => !o.timedOut).length, solo.seconds),
        '',
        ...budgetTable([
          latencyBudget(`write p99, ${CLIENTS} clients`, writes, BUDGET_MS),
          latencyBudget(`read p99, ${CLIENTS} clients`, reads, BUDGET_MS),
          rateBudget('writes/s, one client alone', solo, SOLO_WRITES_PER_SECOND),
        ]),
        '',
      ].join('\n'),
    );
  } finally {
    await server.stop();
    store.remove();
    process.removeListener('exit', store.remove);
  }
}

/** tinybench calls a task more than once even when asked for one iteration: the run happens once. */
let running: Promise<void> | undefined;

describe(`load: ${CLIENTS} clients on ${size.firms} firms / ${size.orders} orders over HTTP`, () => {
  bench('mixed reads and writes, then one client writing', () => (running ??= measure()), { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0, throws: true });
});
