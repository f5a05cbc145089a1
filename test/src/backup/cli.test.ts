import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleDataset } from '@yulian/seed';
import { EmbeddedStore, loadDataset } from '@yulian/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpGraph } from '../../../server/src/backup/dump';
import { createUserWithPassword } from '../harness';

/** `pnpm yulian backup` and `restore` as child processes on data folders of their own. */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const TEST_DB_BYTES = 2 ** 33;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function yulian(dataDir: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['server/src/cli/yulian.ts', ...args], {
      cwd: root,
      env: { ...process.env, YULIAN_DATA_DIR: dataDir, YULIAN_STORE: 'embedded', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function withStore<T>(dataDir: string, work: (store: EmbeddedStore) => Promise<T>): Promise<T> {
  const store = await EmbeddedStore.open({ dataDir, maxDbSizeBytes: TEST_DB_BYTES });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** A dump without its creation time, read in-process, to compare two folders. */
async function contentOf(dataDir: string, file: string): Promise<string[]> {
  await withStore(dataDir, (store) => dumpGraph(store, file, { now: new Date(0) }));
  return readFileSync(file, 'utf8').split('\n');
}

let work: string;
let live: string;
let fresh: string;
let backup: string;
beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'yulian-backup-cli-'));
  live = path.join(work, 'live');
  fresh = path.join(work, 'fresh');
  backup = path.join(work, 'backup.jsonl');
  await withStore(live, async (store) => {
    await store.ensureSchema();
    await loadDataset(store, articleDataset);
    await createUserWithPassword(store, { username: 'cli-admin', password: 'cli admin password', role: 'ADMIN' });
  });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('pnpm yulian backup and restore', () => {
  it('backs up the configured store to a new file', async () => {
    const run = await yulian(live, ['backup', backup]);
    expect(run.stderr).toMatch(/^backup: \d+ of \d+ lines, 100%$/m);
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toMatch(new RegExp(`^backed up \\d+ nodes and \\d+ relationships \\(\\d+ lines\\) to ${backup.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(\\d+ bytes\\) in [\\d.]+ s\\n$`));
    expect(JSON.parse(readFileSync(backup, 'utf8').split('\n')[0] ?? '')).toMatchObject({ format: 'yulian-dump', version: 1 });
  });

  it('never overwrites a file', async () => {
    const run = await yulian(live, ['backup', backup]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/<file>: .*backup\.jsonl exists; a backup never overwrites a file/);
  });

  it('restores into an empty folder, which then holds what the backed-up one holds', async () => {
    const run = await yulian(fresh, ['restore', backup]);
    expect(run.stderr).toMatch(/^restore \(writing\): \d+ of \d+ lines, 100%$/m);
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toMatch(/^restored \d+ nodes and \d+ relationships \(\d+ lines\) from .*backup\.jsonl in [\d.]+ s\n$/);
    expect(await contentOf(fresh, path.join(work, 'fresh.jsonl'))).toEqual(await contentOf(live, path.join(work, 'live.jsonl')));
  });

  it('refuses to restore into a store that is not empty (exit 2)', async () => {
    const run = await yulian(fresh, ['restore', backup]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/yulian: the store is not empty \(it holds \d+ District, .* nodes\); restore writes only into an empty store/);
  });

  it('refuses a corrupt file, naming the line, and writes nothing (exit 1)', async () => {
    const lines = readFileSync(backup, 'utf8').split('\n');
    lines[4] = (lines[4] ?? '').slice(0, 30);
    const corrupt = path.join(work, 'corrupt.jsonl');
    writeFileSync(corrupt, lines.join('\n'));
    const target = path.join(work, 'untouched');
    const run = await yulian(target, ['restore', corrupt]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/yulian: .*corrupt\.jsonl, line 5: not a complete JSON object .*; nothing was written/);
    expect(await contentOf(target, path.join(work, 'untouched.jsonl'))).toHaveLength(2);
  });

  it.each([
    [['backup'], /backup: <file> is missing/],
    [['restore', path.join(tmpdir(), 'no-such-backup.jsonl')], /<file>: there is no file/],
    [['backup', 'a.jsonl', 'b.jsonl'], /unexpected argument "b.jsonl"/],
    [['backup', 'a.jsonl', '--role', 'ADMIN'], /--role does not apply to "backup"/],
  ])('exits 1 on bad usage: %j', async (args, message) => {
    const run = await yulian(fresh, args);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
  });

  it('says to stop the server when the store is in use (exit 2)', async () => {
    const held = await EmbeddedStore.open({ dataDir: live, maxDbSizeBytes: TEST_DB_BYTES });
    try {
      const run = await yulian(live, ['backup', path.join(work, 'while-held.jsonl')]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/is in use by another process, most likely a running Yulian server\. Stop the server first: backup opens the store directly/);
    } finally {
      await held.close();
    }
  });
});
