import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startNeo4jTestServer } from './test-server';

/**
 * `pnpm neo4j:start [data folder]`: a Neo4j 5.26 server for development and tests without Docker.
 * Prints the Bolt URI to use as NEO4J_URI and runs until Ctrl-C. Authentication is off and it
 * listens on loopback only: a scratch database, not a place for real data. NEO4J_HEAP_MB sets the
 * JVM's heap (default 768): an import's transaction lives there until it commits.
 */

const dataDir = path.resolve(process.argv[2] ?? mkdtempSync(path.join(tmpdir(), 'yulian-neo4j-')));
const heapMb = process.env.NEO4J_HEAP_MB ? Number(process.env.NEO4J_HEAP_MB) : undefined;
const server = await startNeo4jTestServer({ dataDir, heapMb, log: (line) => console.error(line) });
console.log(`Neo4j is ready (data in ${dataDir}). Use it with:\n  NEO4J_URI=${server.uris[0]} NEO4J_PASSWORD=unused`);
console.log('Stop it with Ctrl-C.');
const stop = () => void server.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
