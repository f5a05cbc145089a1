import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../engine-files';
import { runChild } from './child';

/**
 * @ladybugdb/core 0.19.1 writes every log record over about 4 KB corrupted when WAL checksums are on,
 * and a store whose log holds one never opens again. One record per committed write is in the log
 * until the next checkpoint, so the test writes, is killed before any checkpoint, and opens again.
 */

const CHILD = path.join(path.dirname(new URL(import.meta.url).pathname), 'large-record-child.ts');
/** 2,000 characters of three bytes each, the longest text the API takes: a 6 KB record. */
const LARGE = 2_000;

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

interface Reopened {
  rows: { code: string; length: number }[] | null;
  failure: string;
}

/** Writes five districts in one process, SIGKILLs it before any checkpoint, reads them in another. */
async function writeKillReopen(via: 'store' | 'raw-checksums', characters: number): Promise<Reopened> {
  dir = mkdtempSync(path.join(tmpdir(), 'yulian-large-record-'));
  const writer = await runChild(CHILD, ['write', via, dir, String(characters)], { killAfter: 'written' });
  expect(writer.lines, writer.stderr).toContain('written');
  expect(writer.signal).toBe('SIGKILL');
  // The writes are still in the log: no checkpoint moved them into the database file.
  expect(statSync(path.join(dir, `${DATABASE_FILE}.wal`)).size).toBeGreaterThan(characters * 3);
  const reader = await runChild(CHILD, ['read', via, dir]);
  const line = reader.lines.find((l) => l.startsWith('rows ') || l.startsWith('open-failed ')) ?? '';
  if (line.startsWith('rows ')) return { rows: JSON.parse(line.slice(5)) as Reopened['rows'], failure: '' };
  return { rows: null, failure: line || `the reader ended with ${reader.signal ?? `exit code ${reader.code}`}: ${reader.stderr.slice(0, 300)}` };
}

const written = (characters: number) =>
  [0, 1, 2, 3, 4].map((n) => ({ code: `5001${n}`, length: n === 1 ? characters : 2 }));

describe('a log record over 4 KB', () => {
  it('replays, with every write after it, in a store opened as the server opens it', async () => {
    const reopened = await writeKillReopen('store', LARGE);
    expect(reopened.failure).toBe('');
    expect(reopened.rows).toEqual(written(LARGE));
  }, 60_000);

  it('still breaks the log with WAL checksums on in this engine version (when this fails, read its message)', async () => {
    // The same procedure with a record under the limit replays with checksums on: the size is the cause.
    const small = await writeKillReopen('raw-checksums', 1_000);
    expect(small.rows).toEqual(written(1_000));
    rmSync(dir, { recursive: true, force: true });
    const large = await writeKillReopen('raw-checksums', LARGE);
    if (large.rows !== null) {
      expect.fail(
        'the engine now replays large records with checksums: turn them back on in adapter.ts (WAL_CHECKSUMS), ' +
          `and record the version in docs/EMBEDDED_STORE.md (read back: ${JSON.stringify(large.rows)})`,
      );
    }
    expect(large.failure).toMatch(/Checksum verification failed|Corrupted wal file|SIGSEGV|exit code/);
  }, 60_000);
});
