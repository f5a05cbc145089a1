import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discardSnapshot, recoverFolder, takeSnapshot } from './recovery-snapshot';

/** The file handling alone, on stand-in files; test/src/crash/ kills a real writer. */

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'yulian-snapshot-'));
  writeFileSync(path.join(dir, 'yulian.lbug'), 'database before the checkpoint');
  writeFileSync(path.join(dir, 'yulian.lbug.wal'), 'log of committed writes');
  writeFileSync(path.join(dir, 'yulian.lock'), 'not part of the database');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');

/** What an interrupted checkpoint of the engine leaves: the log frozen, a shadow file, a half-written database. */
function interruptCheckpoint(): void {
  rmSync(path.join(dir, 'yulian.lbug.wal'));
  writeFileSync(path.join(dir, 'yulian.lbug.wal.checkpoint'), 'log of committed writes');
  writeFileSync(path.join(dir, 'yulian.lbug.shadow'), '');
  writeFileSync(path.join(dir, 'yulian.lbug.checkpoint.intent.lock'), '');
  writeFileSync(path.join(dir, 'yulian.lbug'), 'database half rewritten');
}

describe('the recovery snapshot', () => {
  it('leaves a folder without one alone', async () => {
    expect(await recoverFolder(dir)).toBeNull();
    expect(readdirSync(dir).sort()).toEqual(['yulian.lbug', 'yulian.lbug.wal', 'yulian.lock']);
  });

  it('puts the database back as it was before an interrupted checkpoint, and drops the leftovers', async () => {
    await takeSnapshot(dir);
    interruptCheckpoint();
    const done = await recoverFolder(dir);
    expect(done).toMatch(/a checkpoint was interrupted .*replaced yulian\.lbug, .*yulian\.lbug\.shadow.* with the snapshot taken just before it/);
    expect(readdirSync(dir).sort()).toEqual(['yulian.lbug', 'yulian.lbug.wal', 'yulian.lock']);
    expect(read('yulian.lbug')).toBe('database before the checkpoint');
    expect(read('yulian.lbug.wal')).toBe('log of committed writes');
    expect(await recoverFolder(dir)).toBeNull();
  });

  it('drops a snapshot that was being written: the checkpoint had not begun', async () => {
    mkdirSync(path.join(dir, 'recovery-snapshot.partial'));
    writeFileSync(path.join(dir, 'recovery-snapshot.partial', 'yulian.lbug'), 'half a copy');
    expect(await recoverFolder(dir)).toMatch(/removed an unfinished pre-checkpoint snapshot/);
    expect(read('yulian.lbug')).toBe('database before the checkpoint');
    expect(existsSync(path.join(dir, 'recovery-snapshot.partial'))).toBe(false);
  });

  it('drops a snapshot that was being removed: the checkpoint had finished', async () => {
    await takeSnapshot(dir);
    writeFileSync(path.join(dir, 'yulian.lbug'), 'database after the checkpoint');
    rmSync(path.join(dir, 'yulian.lbug.wal'));
    await discardSnapshot(dir);
    mkdirSync(path.join(dir, 'recovery-snapshot.stale'));
    expect(await recoverFolder(dir)).toMatch(/after its checkpoint had finished/);
    expect(read('yulian.lbug')).toBe('database after the checkpoint');
  });

  it('touches nothing when the snapshot does not match its manifest', async () => {
    await takeSnapshot(dir);
    interruptCheckpoint();
    writeFileSync(path.join(dir, 'recovery-snapshot', 'yulian.lbug'), 'short');
    await expect(recoverFolder(dir)).rejects.toThrow(/the recovery snapshot in .* is unusable \(yulian\.lbug has 5 bytes, the manifest says 30\)/);
    expect(read('yulian.lbug')).toBe('database half rewritten');
    expect(existsSync(path.join(dir, 'recovery-snapshot', 'manifest.json'))).toBe(true);
  });
});
