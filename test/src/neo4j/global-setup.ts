import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startNeo4jTestServer } from './test-server';
import { DATABASES_PER_WORKER } from './uri';

/**
 * Vitest's global setup: every test run has a real Neo4j. With NEO4J_URI set (one URI, or two
 * comma-separated for the suites that compare two stores), every worker uses those databases (the
 * suites empty them: point it at scratch databases and run with --maxWorkers=1); otherwise the
 * project's own test server starts with DATABASES_PER_WORKER empty databases per worker and stops
 * after the run. Tests read their URIs with `neo4jUri()` (./uri.ts).
 */
/**
 * Each test transaction's memory limit, as a production server should set one (README): far above
 * what the suites' writes need, and what test/src/neo4j/transaction-memory.test.ts outgrows.
 */
const TEST_TRANSACTION_MEMORY_MB = 512;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = (process.env.NEO4J_URI ?? '').split(',').map((uri) => uri.trim()).filter(Boolean);
  if (given.length) {
    project.provide('neo4jUris', given);
    return async () => undefined;
  }
  const workers = Math.max(1, Number(project.config.maxWorkers) || 1);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'yulian-test-neo4j-'));
  const started = Date.now();
  const server = await startNeo4jTestServer({
    dataDir,
    servers: workers * DATABASES_PER_WORKER,
    transactionMemoryMb: TEST_TRANSACTION_MEMORY_MB,
    log: (line) => console.log(line),
  });
  console.log(`Neo4j test server: ${server.uris.join(', ')} (${((Date.now() - started) / 1000).toFixed(1)} s to start)`);
  project.provide('neo4jUris', server.uris);
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUris: string[];
    /** 'neo4j' in the project whose suites run on Neo4j (vitest.config.ts). */
    testStore?: 'neo4j';
  }
}
