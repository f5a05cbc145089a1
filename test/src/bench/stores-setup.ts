import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Neo4jStore } from '@yulian/server/neo4j';
import { startNeo4jTestServer, type Neo4jTestServer } from '../neo4j/test-server';
import { runLoader, type BenchSize, type LoadResult } from './analysis-setup';
import { NEO4J_LOAD_RESULT_FILE, neo4jLogin } from './neo4j-target';

/**
 * The Neo4j half of the store benchmark (stores.bench.ts): a fresh Neo4j test server of its own per
 * size (or NEO4J_URI, which must point at an empty database), loaded with the same generated
 * dataset as the embedded store by the same child process (load-synthetic.ts with a Bolt URI).
 */

export interface LoadedNeo4j extends LoadResult {
  /** Loaded by an earlier run and kept (BENCH_STORE_DIR); the load figures are that run's. */
  reused: boolean;
  store: Neo4jStore;
  /** What the benchmark ran against, for the table's preamble. */
  where: string;
  /** Time the test server took to start; null for NEO4J_URI. */
  startMs: number | null;
  close(): Promise<void>;
}

/** Each statement stops after this long: a query that hangs shows as failed instead of stalling the run. */
const QUERY_TIMEOUT_MS = Number(process.env.BENCH_NEO4J_TIMEOUT_MS ?? 120_000);

/**
 * Heap and page cache of the benchmark's server. The load's transactions (5,000 orders, ~80 MB)
 * and the final trade-link build (one transaction over every order) live on the heap; the page
 * cache holds the store files (about 1.5 GB at a million orders), so that reads measure queries,
 * not the disk.
 */
function serverMemory(size: BenchSize): { heapMb: number; pageCacheMb: number } {
  const large = size.orders >= 1_000_000;
  return {
    heapMb: Number(process.env.BENCH_NEO4J_HEAP_MB ?? (large ? 4096 : 2048)),
    pageCacheMb: Number(process.env.BENCH_NEO4J_PAGECACHE_MB ?? (large ? 2048 : 512)),
  };
}

/** Like analysis-setup's storeFolder: `BENCH_STORE_DIR` keeps the Neo4j data beside the embedded store's. */
function neo4jFolder(size: BenchSize): { dir: string; reused: boolean; keep: boolean } {
  const root = process.env.BENCH_STORE_DIR?.trim();
  if (!root) return { dir: mkdtempSync(path.join(tmpdir(), 'yulian-bench-neo4j-')), reused: false, keep: false };
  const dir = path.join(path.resolve(root), `${size.firms}-${size.orders}-neo4j`);
  if (existsSync(path.join(dir, NEO4J_LOAD_RESULT_FILE))) return { dir, reused: true, keep: true };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return { dir, reused: false, keep: true };
}

/** Starts (or reaches) Neo4j, loads one size into it in the child process, and opens it here. */
export async function loadNeo4j(size: BenchSize, log: (line: string) => void): Promise<LoadedNeo4j> {
  const given = process.env.NEO4J_URI?.trim();
  // With NEO4J_URI only the result file is ours: a temporary folder, never kept.
  const { dir, reused, keep } = given ? { dir: mkdtempSync(path.join(tmpdir(), 'yulian-bench-neo4j-')), reused: false, keep: false } : neo4jFolder(size);
  const removeDir = () => {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  };
  // Vitest runs no hooks in bench mode: a failed run would leave the server's files behind otherwise.
  process.once('exit', removeDir);

  let server: Neo4jTestServer | undefined;
  let startMs: number | null = null;
  let where: string;
  let uri: string;
  if (given) {
    uri = given;
    where = `NEO4J_URI (${uri.replace(/\/\/[^@/]*@/, '//')})`;
  } else {
    const memory = serverMemory(size);
    const started = performance.now();
    server = await startNeo4jTestServer({ dataDir: path.join(dir, 'data'), servers: 1, ...memory, transactionMemoryMb: 0, log });
    startMs = performance.now() - started;
    uri = server.uris[0] as string;
    where = `project test server (Neo4j 5.26 Community, embedded in a JVM, SerialGC), heap ${memory.heapMb} MB, page cache ${memory.pageCacheMb} MB, no transaction memory limit`;
  }

  try {
    if (reused) log(`reusing the Neo4j database loaded earlier in ${dir} (BENCH_STORE_DIR)`);
    else await runLoader(size, dir, log, uri);
    const result = JSON.parse(readFileSync(path.join(dir, NEO4J_LOAD_RESULT_FILE), 'utf8')) as LoadResult;
    const store = await Neo4jStore.open({ uri, ...neo4jLogin(), queryTimeoutMs: QUERY_TIMEOUT_MS });
    // As a server start does: a kept database gets the indexes added since it was loaded.
    await store.ensureSchema();
    return {
      ...result,
      reused,
      store,
      where,
      startMs,
      async close() {
        await store.close();
        await server?.stop();
        removeDir();
        process.removeListener('exit', removeDir);
      },
    };
  } catch (error) {
    await server?.stop();
    throw error;
  }
}

/**
 * Both stores must hold the same dataset for the figures to compare: same counts and targets, and
 * the same digest of the generated records where both loads recorded one.
 */
export function assertSameDataset(embedded: LoadResult, neo4j: LoadResult): void {
  const facts = (r: LoadResult) => JSON.stringify({ counts: r.counts, targets: r.targets });
  if (facts(embedded) !== facts(neo4j)) throw new Error(`the two stores were loaded with different datasets:\n${facts(embedded)}\n${facts(neo4j)}`);
  if (embedded.datasetHash && neo4j.datasetHash && embedded.datasetHash !== neo4j.datasetHash) {
    throw new Error(`the two stores were loaded with different datasets (digests ${embedded.datasetHash} and ${neo4j.datasetHash})`);
  }
}
