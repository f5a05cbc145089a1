import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EmbeddedStore } from '@yulian/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../../seed/src/synthetic';
import { countGraph, dumpGraph } from '../../../server/src/backup/dump';
import { bulkLoadDataset } from '../../../server/src/seeding/bulk-load';
import { RESTORE_MARKER_FILE } from '../../../server/src/store/embedded/restore-marker';
import { root } from '../crash/child-process';

/**
 * `pnpm yulian restore` killed part-way: the folder holds part of the dump. The store must refuse to
 * open it as if it were whole (the server would serve it, a backup would save it), and running the
 * restore again must empty it and write the whole dump.
 */

const TEST_DB_BYTES = 2 ** 33;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The CLI run by Node itself with tsx's loader, so that SIGKILL reaches the process that writes. */
function yulian(dataDir: string, args: string[], killWhen?: () => boolean): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli/yulian.ts', ...args], {
      cwd: root,
      env: { ...process.env, YULIAN_DATA_DIR: dataDir, YULIAN_STORE: 'embedded', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const poll = killWhen ? setInterval(() => killWhen() && child.kill('SIGKILL'), 5) : undefined;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(poll);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

async function withStore<T>(dataDir: string, work: (store: EmbeddedStore) => Promise<T>, restoring = false): Promise<T> {
  const store = await EmbeddedStore.open({ dataDir, maxDbSizeBytes: TEST_DB_BYTES, restoring, log: () => undefined });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** A dump without its creation time, to compare two folders. */
async function contentOf(dataDir: string, file: string): Promise<string[]> {
  await withStore(dataDir, (store) => dumpGraph(store, file, { now: new Date(0) }));
  return readFileSync(file, 'utf8').split('\n');
}

const lines = (counts: { nodes: Record<string, number>; relationships: Record<string, number> }) =>
  [...Object.values(counts.nodes), ...Object.values(counts.relationships)].reduce((a, b) => a + b, 0);

let work: string;
let source: string;
let target: string;
let dump: string;
beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'yulian-killed-restore-'));
  source = path.join(work, 'source');
  target = path.join(work, 'target');
  dump = path.join(work, 'dump.jsonl');
  // Large enough that the restore commits dozens of batches: the kill lands between two of them.
  await withStore(source, async (store) => {
    await store.ensureSchema();
    await bulkLoadDataset(store, generateDataset({ firms: 1_000, orders: 20_000, seed: 3 }), { mode: 'fresh', now: new Date(0) });
    await dumpGraph(store, dump);
  });
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a restore killed part-way', () => {
  it('is refused at open, naming the folder, and a second restore empties it and writes the whole dump', async () => {
    const marker = path.join(target, RESTORE_MARKER_FILE);
    const wal = path.join(target, 'yulian.lbug.wal');
    const killed = await yulian(target, ['restore', dump], () => existsSync(wal) && statSync(wal).size > 2 ** 20);
    expect(killed.signal, killed.stderr).toBe('SIGKILL');

    await expect(withStore(target, async () => undefined)).rejects.toThrow(
      new RegExp(`the embedded store in ${target.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} holds a restore that did not finish .*Run the restore again`),
    );
    const backup = await yulian(target, ['backup', path.join(work, 'half.jsonl')]);
    expect(backup.code).toBe(2);
    expect(backup.stderr).toMatch(/holds a restore that did not finish/);
    // The kill did land part-way.
    const [half, whole] = [await withStore(target, countGraph, true), await withStore(source, countGraph)];
    expect(lines(half)).toBeGreaterThan(0);
    expect(lines(half)).toBeLessThan(lines(whole));

    const again = await yulian(target, ['restore', dump]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/holds part of a restore that did not finish; it is emptied before the dump is written/);
    expect(existsSync(marker)).toBe(false);
    expect(await contentOf(target, path.join(work, 'target.jsonl'))).toEqual(await contentOf(source, path.join(work, 'source.jsonl')));
  }, 240_000);
});
