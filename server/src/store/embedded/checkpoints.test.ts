import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Checkpoints, type CheckpointEvent } from './checkpoints';

/** The checkpoint procedure around a stand-in for the engine's CHECKPOINT. */

let dir: string;
let logged: string[];
let events: CheckpointEvent['phase'][];
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'yulian-checkpoints-'));
  writeFileSync(path.join(dir, 'yulian.lbug'), 'database');
  writeFileSync(path.join(dir, 'yulian.lbug.wal'), 'x'.repeat(100));
  logged = [];
  events = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function checkpoints(engineCheckpoint: () => Promise<void>, policy = { walBytes: 1000, everyWrites: 0 }): Checkpoints {
  return new Checkpoints(dir, policy, engineCheckpoint, (m) => logged.push(m), (e) => events.push(e.phase));
}

describe('checkpoints', () => {
  it('are due by log size or by writes, once until they ran', () => {
    const bySize = checkpoints(async () => undefined, { walBytes: 100, everyWrites: 0 });
    expect(bySize.claimDue()).toBe(true);
    expect(bySize.claimDue()).toBe(false);
    const byWrites = checkpoints(async () => undefined, { walBytes: 1000, everyWrites: 2 });
    byWrites.noteCommit();
    expect(byWrites.claimDue()).toBe(false);
    byWrites.noteCommit();
    expect(byWrites.claimDue()).toBe(true);
  });

  it('snapshot, checkpoint and drop the snapshot, the engine running while the snapshot exists', async () => {
    let snapshotDuringCheckpoint = false;
    await checkpoints(async () => {
      snapshotDuringCheckpoint = existsSync(path.join(dir, 'recovery-snapshot', 'manifest.json'));
    }).run();
    expect(snapshotDuringCheckpoint).toBe(true);
    expect(events).toEqual(['start', 'engine', 'engine-done', 'end']);
    expect(readdirSync(dir).sort()).toEqual(['yulian.lbug', 'yulian.lbug.wal']);
  });

  it('skip an empty log: an engine checkpoint would rewrite files for nothing', async () => {
    rmSync(path.join(dir, 'yulian.lbug.wal'));
    let ran = false;
    await checkpoints(async () => {
      ran = true;
    }).run();
    expect(ran).toBe(false);
    expect(events).toEqual([]);
  });

  it('stop taking writes after a failed checkpoint and keep the snapshot for the next open', async () => {
    const subject = checkpoints(async () => {
      throw new Error('disk I/O error');
    });
    await subject.run();
    expect(subject.failure).toMatch(/^the checkpoint failed \(disk I\/O error\); the store takes no more writes until it is reopened/);
    expect(logged).toEqual([`embedded store: ${subject.failure}`]);
    expect(existsSync(path.join(dir, 'recovery-snapshot', 'manifest.json'))).toBe(true);
    expect(subject.claimDue()).toBe(false);
  });

  it('postpone, with nothing changed, when the snapshot cannot be written', async () => {
    // A file where the snapshot folder goes makes its final rename fail, as a full disk would fail a copy.
    writeFileSync(path.join(dir, 'recovery-snapshot'), 'in the way');
    let ran = false;
    const subject = checkpoints(async () => {
      ran = true;
    });
    await subject.run();
    expect(ran).toBe(false);
    expect(subject.failure).toBeNull();
    expect(logged[0]).toMatch(/^embedded store: checkpoint postponed, the pre-checkpoint snapshot could not be written/);
    expect(existsSync(path.join(dir, 'recovery-snapshot.partial'))).toBe(false);
  });

  it('ignore an observer that throws', async () => {
    const subject = new Checkpoints(dir, { walBytes: 1, everyWrites: 0 }, async () => undefined, (m) => logged.push(m), () => {
      throw new Error('broken pipe');
    });
    await subject.run();
    expect(subject.failure).toBeNull();
    expect(existsSync(path.join(dir, 'recovery-snapshot'))).toBe(false);
  });
});
