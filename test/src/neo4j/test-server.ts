import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * Starts the project's own Neo4j test server (tools/neo4j-test-server: Neo4j 5.26 Community from
 * Maven Central, run by Java 17) and hands back its Bolt URIs. Maven resolves the class path once
 * and keeps it in tools/neo4j-test-server/target; a missing Java or Maven, or a server that does not
 * come up, throws: a test run that needs Neo4j fails rather than skipping.
 */

const toolDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../tools/neo4j-test-server');
const classPathFile = path.join(toolDir, 'target', 'classpath.txt');
const mainSource = path.join(toolDir, 'src', 'main', 'java', 'Neo4jTestServer.java');
/** The first start resolves ~50 MB from Maven Central and compiles the launcher; later ones take seconds. */
const START_TIMEOUT_MS = 10 * 60 * 1000;

export interface Neo4jTestServer {
  /** One Bolt URI per server, each with its own empty database. */
  uris: string[];
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Folder that holds the servers' data; created if missing. */
  dataDir: string;
  /** Servers to start in the one JVM (one per test worker, so that workers never share a database). */
  servers?: number;
  /** Each server's page cache, in MB. */
  pageCacheMb?: number;
  /**
   * The JVM's heap, shared by its servers, in MB. A transaction's changes live on the heap until it
   * commits, so the largest import decides it (README, "Switching to Neo4j"). Default: 512 + 256 a server.
   */
  heapMb?: number;
  /** What one transaction may hold (db.memory.transaction.max), in MB; 0 for no limit of its own. */
  transactionMemoryMb?: number;
  log?: (line: string) => void;
}

/** The class path Maven resolved for the launcher, resolving it first when the pom changed. */
export function neo4jClassPath(log: (line: string) => void = () => undefined): string {
  const pom = path.join(toolDir, 'pom.xml');
  if (!existsSync(classPathFile) || statSync(classPathFile).mtimeMs < statSync(pom).mtimeMs) {
    log('resolving Neo4j from Maven Central (first run only)…');
    const mvn = spawnSync('mvn', ['-q', '-B', 'dependency:build-classpath', `-Dmdep.outputFile=${classPathFile}`], {
      cwd: toolDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    if (mvn.error) throw new Error(`the Neo4j test server needs Maven (mvn) on the PATH: ${mvn.error.message}`);
    if (mvn.status !== 0) throw new Error(`Maven could not resolve Neo4j (exit ${mvn.status}):\n${mvn.stdout}${mvn.stderr}`);
  }
  return readFileSync(classPathFile, 'utf8').trim();
}

export async function startNeo4jTestServer({ dataDir, servers = 1, pageCacheMb = 128, heapMb = 512 + 256 * servers, transactionMemoryMb = 0, log = () => undefined }: StartOptions): Promise<Neo4jTestServer> {
  const classPath = neo4jClassPath(log);
  mkdirSync(dataDir, { recursive: true });
  // The source-file launcher compiles the one Java file in memory: no build step to keep in sync.
  const child = spawn('java', [`-Xmx${heapMb}m`, '-XX:+UseSerialGC', '-cp', classPath, mainSource, dataDir, String(servers), String(pageCacheMb), String(transactionMemoryMb)], {
    cwd: toolDir,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const errors: string[] = [];
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    errors.push(chunk);
    if (errors.length > 200) errors.shift();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.once('error', (error) => errors.push(String(error)));

  const uris = await new Promise<string[]>((resolve, reject) => {
    const found: string[] = [];
    const timer = setTimeout(() => fail(new Error(`the Neo4j test server did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    const lines = createInterface({ input: child.stdout });
    function fail(error: Error): void {
      clearTimeout(timer);
      lines.close();
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${errors.join('').slice(-4000)}`));
    }
    lines.on('line', (line) => {
      const match = /^NEO4J_URI_\d+=(bolt:\/\/\S+)$/.exec(line);
      if (match?.[1]) found.push(match[1]);
      else if (line === 'READY') {
        clearTimeout(timer);
        lines.close();
        resolve(found);
      }
    });
    void exited.then((code) => fail(new Error(`the Neo4j test server exited with code ${code} before it was ready`)));
  });

  return {
    uris,
    async stop() {
      if (child.exitCode !== null) return;
      // Closing its input is the launcher's signal to shut the servers down cleanly.
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
