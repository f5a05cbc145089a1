import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DEFAULT_BUFFER_POOL_MB, EmbeddedStore, ensureTradeLinks } from '@yulian/server';

/**
 * Setup for the analysis benchmark: sizes from the environment, and each size generated and
 * bulk-loaded by a child process (load-synthetic.ts) into a temporary folder that this process then
 * opens, as a server would open its database on start.
 */

export interface BenchSize {
  firms: number;
  orders: number;
}

/** `BENCH_SIZES=10000:100000,100000:1000000` (the default); `BENCH_SIZES=10000:100000` runs the small one alone. */
export function benchSizes(env = process.env.BENCH_SIZES): BenchSize[] {
  const spec = env?.trim() || '10000:100000,100000:1000000';
  return spec.split(',').map((part) => {
    const [firms, orders] = part.split(':').map((n) => Number(n.trim().replace(/_/g, '')));
    if (!Number.isInteger(firms) || !Number.isInteger(orders) || !firms || orders === undefined || orders < 0) {
      throw new Error(`BENCH_SIZES: cannot read "${part}"; write firms:orders, e.g. 10000:100000`);
    }
    return { firms, orders };
  });
}

/** The year asked about: the middle of the generated three, whose orders are all settled. */
export const BENCH_YEAR = 2024;
export const SEED = 20250514;
/** Address space the store may reserve: ample for a million orders, far below the engine's 8 TiB default. */
export const DB_BYTES = 2 ** 37;
/** 50k orders per transaction loaded a million orders in 187 s against 296 s with 10k. */
export const LOAD_BATCH = 50_000;
export const LOAD_RESULT_FILE = 'bench-load.json';

export interface Targets {
  /** The chain leaders with the most supply orders in the year, busiest first. */
  busyLeaders: string[];
  /** (leader, segment it needs) pairs of the busy leaders, for findSuppliers. */
  supplierSearches: { nearFirmId: string; segmentCode: string }[];
  westernDistricts: string[];
  /** Suppliers (not leaders) with the most orders to chain leaders in the year: busy tier-1 suppliers. */
  busyTier1Suppliers: string[];
}

export interface LoadResult {
  generateMs: number;
  loadMs: number;
  /** Closing after the load checkpoints the write-ahead log into the database file. */
  checkpointMs: number;
  /** Peak RSS of the loading child: generator, dataset and loader. */
  maxRssBytes: number;
  counts: { firms: number; orders: number; capabilities: number; needs: number };
  targets: Targets;
  /** Digest of the generated records (absent in a store kept from before it was written). */
  datasetHash?: string;
}

export interface LoadedStore extends LoadResult {
  /** The store was loaded by an earlier run and kept (BENCH_STORE_DIR); the load figures are that run's. */
  reused: boolean;
  store: EmbeddedStore;
  /** RSS of this process (vitest and the benchmark's modules) before the store is opened. */
  beforeOpenRssBytes: number;
  /** RSS of this process right after opening the store, before any query. */
  openedRssBytes: number;
  close(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

/**
 * Generates and bulk-loads one size into `dir` in a child process (load-synthetic.ts), or into the
 * empty Neo4j database at `boltUri` (the result file still goes into `dir`).
 */
export async function runLoader(size: BenchSize, dir: string, log: (line: string) => void, boltUri?: string): Promise<void> {
  const args = [tsxCli, path.join(here, 'load-synthetic.ts'), String(size.firms), String(size.orders), dir, ...(boltUri ? [boltUri] : [])];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  createInterface({ input: child.stdout }).on('line', log);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`the loader exited with ${code}`);
}

/**
 * `BENCH_STORE_DIR=/some/folder` keeps each size's loaded store in `<folder>/<firms>-<orders>` and
 * reuses it on the next run: loading a million orders takes minutes, a query change needs none.
 * The folder must only ever be written by this benchmark with the same seed.
 */
function storeFolder(size: BenchSize): { dir: string; reused: boolean; keep: boolean } {
  const root = process.env.BENCH_STORE_DIR?.trim();
  if (!root) return { dir: mkdtempSync(path.join(tmpdir(), 'yulian-bench-')), reused: false, keep: false };
  const dir = path.join(path.resolve(root), `${size.firms}-${size.orders}`);
  if (existsSync(path.join(dir, LOAD_RESULT_FILE))) return { dir, reused: true, keep: true };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return { dir, reused: false, keep: true };
}

/**
 * The buffer pool the query phase opens the store with: `BENCH_BUFFER_POOL_MB`, else the server's
 * default (server/src/config.ts), so that the RSS measured is the one a server would have.
 */
export function benchBufferPool(env = process.env.BENCH_BUFFER_POOL_MB): number {
  const mb = env?.trim() ? Number(env) : DEFAULT_BUFFER_POOL_MB;
  if (!Number.isFinite(mb) || mb < 0) throw new Error(`BENCH_BUFFER_POOL_MB: cannot read "${env}"`);
  return mb * 2 ** 20;
}

/** Generates and loads one size in a child process (unless a kept store is reused), then opens the store here. */
export async function loadSynthetic(size: BenchSize, log: (line: string) => void): Promise<LoadedStore> {
  const { dir, reused, keep } = storeFolder(size);
  // Vitest runs no hooks in bench mode, so a failed run would leave a gigabyte behind without this.
  const removeDir = () => {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', removeDir);
  if (reused) log(`reusing the store loaded earlier in ${dir} (BENCH_STORE_DIR)`);
  else await runLoader(size, dir, log);
  const result = { ...(JSON.parse(readFileSync(path.join(dir, LOAD_RESULT_FILE), 'utf8')) as LoadResult), reused };
  const beforeOpenRssBytes = process.memoryUsage().rss;
  const store = await EmbeddedStore.open({ dataDir: dir, maxDbSizeBytes: DB_BYTES, bufferPoolBytes: benchBufferPool() });
  // A store kept from before the TRADED links existed gets them as a server start would give them.
  await store.ensureSchema();
  const linking = performance.now();
  if (await ensureTradeLinks(store)) log(`built the trade links of the kept store in ${((performance.now() - linking) / 1000).toFixed(1)} s`);
  return {
    ...result,
    store,
    beforeOpenRssBytes,
    openedRssBytes: process.memoryUsage().rss,
    async close() {
      await store.close();
      removeDir();
      process.removeListener('exit', removeDir);
    },
  };
}
