import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Role } from '@yulian/schema';
import { EmbeddedStore, hashPassword, queries } from '@yulian/server';
import { DB_BYTES, LOAD_RESULT_FILE, runLoader, type BenchSize } from './analysis-setup';

/**
 * The load benchmark's server: a copy of a bulk-loaded synthetic store, users written into it, and
 * the real server (server/src/main.ts, configured through its environment as an operator would)
 * started on a loopback port in a process of its own, so that the clients' work never shares its
 * event loop.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
/** `LOAD_BENCH_SERVER` runs another checkout's server/src/main.ts against the same workload: an A/B comparison. */
const serverMain = path.resolve(process.env.LOAD_BENCH_SERVER?.trim() || path.resolve(here, '../../../server/src/main.ts'));
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * `LOAD_BENCH_STORE_DIR` keeps the bulk-loaded store between runs (loading is most of a run's
 * set-up); every run writes into a fresh copy of it, never into the kept one.
 */
export async function freshStoreCopy(size: BenchSize, log: (line: string) => void): Promise<{ dir: string; remove(): void }> {
  const keptRoot = process.env.LOAD_BENCH_STORE_DIR?.trim();
  const loaded = keptRoot ? path.join(path.resolve(keptRoot), `${size.firms}-${size.orders}`) : mkdtempSync(path.join(tmpdir(), 'yulian-load-src-'));
  if (!existsSync(path.join(loaded, LOAD_RESULT_FILE))) {
    rmSync(loaded, { recursive: true, force: true });
    mkdirSync(loaded, { recursive: true });
    await runLoader(size, loaded, log);
  } else {
    log(`reusing the store loaded earlier in ${loaded} (LOAD_BENCH_STORE_DIR)`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'yulian-load-'));
  // The lock file is the engine's own lock of the kept folder; the copy gets its own at open.
  cpSync(loaded, dir, { recursive: true, filter: (source) => !source.endsWith('.lock') });
  if (!keptRoot) rmSync(loaded, { recursive: true, force: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface BenchUser {
  username: string;
  password: string;
  role: Role;
  districtCode: string | null;
  firmId: string | null;
}

/** Writes the users straight into the closed store, as `pnpm yulian user add` would before a start. */
export async function writeUsers(dir: string, users: readonly BenchUser[]): Promise<void> {
  const store = await EmbeddedStore.open({ dataDir: dir, maxDbSizeBytes: DB_BYTES });
  try {
    const now = new Date().toISOString();
    const records = await Promise.all(
      users.map(async (u) => ({
        id: `bench-${u.username}`,
        username: u.username,
        displayName: null,
        passwordHash: await hashPassword(u.password),
        role: u.role,
        districtCode: u.districtCode,
        firmId: u.firmId,
        disabled: false,
        createdAt: now,
        updatedAt: now,
      })),
    );
    await store.write(async (tx) => {
      for (const record of records) await tx.run(queries.createUser(record));
    });
  } finally {
    await store.close();
  }
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** SIGTERM, as an operator stops it: the server closes the store (and writes its CPU profile). */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  /** Requests per minute from one address, and per signed-in user: every client of the benchmark is one loopback address. */
  rateLimitPerMinute: number;
  /** Where node writes a CPU profile of the server (`--cpu-prof`); none when unset. */
  cpuProfileDir?: string;
}

export async function startServerProcess(dir: string, { rateLimitPerMinute, cpuProfileDir }: ServerProcessOptions): Promise<ServerProcess> {
  const port = await freePort();
  const profiling = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profiling, '--import', tsxLoader, serverMain], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      YULIAN_STORE: 'embedded',
      YULIAN_DATA_DIR: dir,
      YULIAN_SEED: 'off',
      YULIAN_RATE_LIMIT_PER_MINUTE: String(rateLimitPerMinute),
      YULIAN_RATE_LIMIT_PER_USER_PER_MINUTE: String(rateLimitPerMinute),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NonNullable<ChildProcess['stdout']> });
    lines.on('line', (line) => {
      if (line.startsWith('Yulian is serving')) resolve();
    });
    void exited.then((code) => reject(new Error(`the server exited with ${code} before it listened`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
