import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import lbug from '@ladybugdb/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../adapter';
import { ANSWERED_FILE } from '../answered-log';
import { DATABASE_FILE } from '../engine-files';
import { runChild } from './child';

/**
 * What a kill leaves in the write-ahead log, and what the store makes of it at open: a commit cut off
 * while the engine appended it (never answered) is dropped and the store opens; a log that no longer
 * reaches the last answered write is refused, its files left as they were.
 */

const CHILD = path.join(path.dirname(new URL(import.meta.url).pathname), 'answered-child.ts');
const wal = () => path.join(dir, `${DATABASE_FILE}.wal`);
/** The engine appends a commit to its log in writes of one 4 KiB page: a kill leaves the log cut at one of them. */
const PAGE = 4096;

let dir: string;
let logged: string[];
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'yulian-replay-'));
  logged = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the writer to the end and kills it before any checkpoint; returns the answered log bytes after each write. */
async function writeAndKill(): Promise<{ single: number; many: number }> {
  const run = await runChild(CHILD, [dir], { killAfter: 'written' });
  expect(run.signal, run.stderr).toBe('SIGKILL');
  const answered = (code: string) => Number(run.lines.find((l) => l.startsWith(`answered ${code} `))?.split(' ')[2]);
  return { single: answered('500100'), many: answered('600000') };
}

const open = () => EmbeddedStore.open({ dataDir: dir, maxDbSizeBytes: 2 ** 30, log: (m) => logged.push(m) });

async function districtCount(store: EmbeddedStore): Promise<number> {
  const [row] = await store.read<{ n: number }>({ name: 'replayCount', cypher: 'MATCH (d:District) RETURN count(d) AS n', params: {} });
  return Number(row?.n);
}

describe('opening after a kill', () => {
  it('drops a commit the kill cut off while it was being appended, never answered, and keeps every answered write', async () => {
    const answered = await writeAndKill();
    expect(answered.many).toBeGreaterThan(answered.single + 4 * PAGE);
    // The files as a kill during the second commit leaves them: its first pages appended, the
    // record still at the first write, the only one answered.
    truncateSync(wal(), answered.single + 3 * PAGE);
    writeFileSync(path.join(dir, ANSWERED_FILE), `${answered.single}\n`);
    const store = await open();
    try {
      expect(await districtCount(store)).toBe(1);
      expect(logged.join('\n')).toMatch(/ended in a write cut off by the stop .*replayed to its last complete commit .*never answered, was dropped/);
      expect(readdirSync(dir)).not.toContain('log-before-replay.wal');
      // And it takes writes again.
      await store.write((tx) => tx.run({ name: 'replayWrite', cypher: "CREATE (:District {code: 'after'})", params: {} }));
      expect(await districtCount(store)).toBe(2);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('refuses a log that no longer reaches the last answered write, leaves the files as found, and opens once told to accept the loss', async () => {
    const answered = await writeAndKill();
    truncateSync(wal(), answered.single + 3 * PAGE);
    const before = readFileSync(wal());
    await expect(open()).rejects.toThrow(
      new RegExp(`replays only to byte ${answered.single}, but writes were answered up to byte ${answered.many} .*left as they were. Restore the last backup`),
    );
    expect(readFileSync(wal()).equals(before)).toBe(true);
    expect(readdirSync(dir)).not.toContain('log-before-replay.wal');
    // The way out the message names.
    writeFileSync(path.join(dir, ANSWERED_FILE), '0\n');
    const store = await open();
    expect(await districtCount(store)).toBe(1);
    await store.close();
  }, 60_000);

  it('replays a log an earlier version wrote with WAL checksums on, then writes without them', async () => {
    const db = new lbug.Database(path.join(dir, DATABASE_FILE), 2 ** 26, true, false, 2 ** 30, false, -1, true, true);
    const conn = new lbug.Connection(db);
    const run = async (text: string) => {
      for (const result of [await conn.query(text)].flat()) result.close();
    };
    await run('CALL force_checkpoint_on_close=false');
    await run('CREATE NODE TABLE Old(id INT64 PRIMARY KEY)');
    await run('CREATE (:Old {id: 1})');
    await conn.close();
    await db.close();
    const store = await open();
    try {
      const [row] = await store.read<{ n: number }>({ name: 'oldCount', cypher: 'MATCH (o:Old) RETURN count(o) AS n', params: {} });
      expect(Number(row?.n)).toBe(1);
      expect(logged.join('\n')).toMatch(/written with WAL checksums on; it was replayed and checkpointed/);
      await store.write((tx) => tx.run({ name: 'newWrite', cypher: 'CREATE (:Old {id: 2})', params: {} }));
    } finally {
      await store.close();
    }
  }, 60_000);
});
