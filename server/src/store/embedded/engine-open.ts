import { copyFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import lbug from '@ladybugdb/core';
import type { Database as LbugDatabase } from '@ladybugdb/core';
import { AnsweredLog, ANSWERED_FILE, readAnswered } from './answered-log';
import { DATABASE_FILE, walBytes } from './engine-files';
import { exists, syncFile, syncFolder } from './file-sync';
import { discardSnapshot, takeSnapshot } from './recovery-snapshot';

/**
 * Opens the engine so that every answered write comes back and none can go missing unnoticed
 * (docs/EMBEDDED_STORE.md, "Durability"; measured on @ladybugdb/core 0.19.1).
 *
 * - Replay failures are thrown (`throwOnWalReplayFailure`): told to go on, the engine replays up
 *   to the last commit it can read and truncates the log there, whatever followed.
 * - But a kill while COMMIT appends a large transaction to the log (several 4 KiB writes) leaves a
 *   cut-off last record, and the thrown open would refuse the store for a write that was never
 *   answered. So after a failed open, and only where the folder records how far answered writes
 *   reach (answered-log.ts), the log is copied aside and the engine opened once more replaying to
 *   its last complete commit; if that still holds every answered write, the cut-off tail is
 *   dropped, otherwise the log is put back as it was and the open refused.
 * - The engine writes a log's checksum setting into its header and refuses to replay it under the
 *   other setting; a log an earlier version wrote with checksums is replayed with them and
 *   checkpointed once, under the pre-checkpoint snapshot, before the store opens without.
 */

export interface EngineSettings {
  dataDir: string;
  bufferPoolBytes: number;
  maxDbSizeBytes: number;
  /** WAL checksums; adapter.ts says why they are off. */
  checksums: boolean;
}

interface ReplayMode {
  checksums: boolean;
  throwOnReplayFailure: boolean;
}

const walFile = (dataDir: string) => path.join(dataDir, `${DATABASE_FILE}.wal`);
/** Where the log waits while a second open replays it to its last complete commit; not an engine file name. */
const KEPT_LOG = 'log-before-replay.wal';

export async function openEngine(settings: EngineSettings, log: (message: string) => void): Promise<LbugDatabase> {
  if (await putBackKeptLog(settings.dataDir)) log('a replay to the last complete commit was interrupted; the log was put back as it was before it, to be replayed again');
  const answered = readAnswered(settings.dataDir);
  let db: LbugDatabase;
  try {
    db = await initialise(settings, { checksums: settings.checksums, throwOnReplayFailure: true });
  } catch (error) {
    const writtenWith = checksumsOfLog(error);
    if (writtenWith !== null && writtenWith !== settings.checksums) {
      await checkpointLogWrittenWith(settings, writtenWith, log);
      db = await initialise(settings, { checksums: settings.checksums, throwOnReplayFailure: true });
    } else if (answered !== null && (await exists(walFile(settings.dataDir)))) {
      db = await replayToLastCommit(settings, answered, error, log);
    } else {
      throw error;
    }
  }
  const replayed = walBytes(settings.dataDir);
  if (answered !== null && replayed < answered) {
    await closeWithoutCheckpoint(db);
    throw new Error(lostAnsweredWrites(settings.dataDir, replayed, answered));
  }
  return db;
}

async function initialise(settings: EngineSettings, mode: ReplayMode): Promise<LbugDatabase> {
  // Automatic checkpoints are off: a kill during one can leave the files unopenable, so the adapter
  // checkpoints only at moments it controls, under its snapshot guard.
  const db = new lbug.Database(
    path.join(settings.dataDir, DATABASE_FILE),
    settings.bufferPoolBytes,
    true,
    false,
    settings.maxDbSizeBytes,
    false,
    -1,
    mode.throwOnReplayFailure,
    mode.checksums,
  );
  try {
    await db.init();
    return db;
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

/** The checksum setting a log was written with, when that is why the engine refused it. */
function checksumsOfLog(error: unknown): boolean | null {
  const match = /serialized with enableChecksums=(true|false)/i.exec(messageOf(error));
  return match ? match[1]?.toLowerCase() === 'true' : null;
}

/** Replays a log written under the other checksum setting and moves it into the database file. */
async function checkpointLogWrittenWith(settings: EngineSettings, checksums: boolean, log: (message: string) => void): Promise<void> {
  let db: LbugDatabase;
  try {
    db = await initialise(settings, { checksums, throwOnReplayFailure: true });
  } catch (error) {
    throw new Error(
      `its write-ahead log was written with WAL checksums ${checksums ? 'on' : 'off'} (by an earlier version) and cannot be replayed: ${messageOf(error)}. ` +
        'Restore the last backup (pnpm yulian restore) into a new data folder.',
      { cause: error },
    );
  }
  // A kill during this checkpoint restores the snapshot at the next open, which then does it again.
  await takeSnapshot(settings.dataDir);
  const conn = new lbug.Connection(db);
  try {
    await conn.init();
    await run(conn, 'CALL force_checkpoint_on_close=false');
    await run(conn, 'CHECKPOINT');
  } finally {
    await conn.close();
    await db.close();
  }
  const answered = AnsweredLog.open(settings.dataDir);
  answered.record(0);
  answered.close();
  await discardSnapshot(settings.dataDir);
  log(`the write-ahead log was written with WAL checksums ${checksums ? 'on' : 'off'}; it was replayed and checkpointed, and the new log is written with them ${settings.checksums ? 'on' : 'off'}`);
}

async function replayToLastCommit(settings: EngineSettings, answered: number, firstError: unknown, log: (message: string) => void): Promise<LbugDatabase> {
  const wal = walFile(settings.dataDir);
  const kept = path.join(settings.dataDir, KEPT_LOG);
  const bytes = walBytes(settings.dataDir);
  // Complete under its name or not there: while it is, it and not the live log is the truth (putBackKeptLog).
  await copyFile(wal, `${kept}.partial`);
  await syncFile(`${kept}.partial`);
  await rename(`${kept}.partial`, kept);
  await syncFolder(settings.dataDir);
  const putBack = () => putBackKeptLog(settings.dataDir);
  let db: LbugDatabase;
  try {
    db = await initialise(settings, { checksums: settings.checksums, throwOnReplayFailure: false });
  } catch (error) {
    await putBack();
    throw firstError instanceof Error ? firstError : error;
  }
  const replayed = walBytes(settings.dataDir);
  if (replayed < answered) {
    await closeWithoutCheckpoint(db);
    await putBack();
    throw new Error(`${lostAnsweredWrites(settings.dataDir, replayed, answered)} (the engine's replay stopped at: ${messageOf(firstError)})`);
  }
  await rm(kept);
  await syncFolder(settings.dataDir);
  log(
    `the write-ahead log ended in a write cut off by the stop (${messageOf(firstError)}); it was replayed to its last complete commit ` +
      `(byte ${replayed} of ${bytes}), which holds every answered write (they reach byte ${answered}), and the cut-off write, never answered, was dropped`,
  );
  return db;
}

/**
 * A log kept aside for a replay to the last complete commit goes back in place: the engine may have
 * truncated the live one, and nothing was written to it since (the copy is removed before the store
 * takes writes). Answers whether there was one.
 */
async function putBackKeptLog(dataDir: string): Promise<boolean> {
  const kept = path.join(dataDir, KEPT_LOG);
  await rm(`${kept}.partial`, { force: true });
  if (!(await exists(kept))) return false;
  await copyFile(kept, walFile(dataDir));
  await syncFile(walFile(dataDir));
  await rm(kept);
  await syncFolder(dataDir);
  return true;
}

function lostAnsweredWrites(dataDir: string, replayed: number, answered: number): string {
  return (
    `its write-ahead log replays only to byte ${replayed}, but writes were answered up to byte ${answered} of it: opening it would lose answered writes, ` +
    `so it was not opened and the files in ${dataDir} were left as they were. Restore the last backup (pnpm yulian restore) into a new data folder; ` +
    `or, to accept the loss and open what the log replays, write 0 into ${path.join(dataDir, ANSWERED_FILE)}`
  );
}

/** Closes a database the adapter will not use; the engine must not checkpoint it on the way out. */
async function closeWithoutCheckpoint(db: LbugDatabase): Promise<void> {
  const conn = new lbug.Connection(db);
  try {
    await conn.init();
    await run(conn, 'CALL force_checkpoint_on_close=false');
  } finally {
    await conn.close();
    await db.close();
  }
}

async function run(conn: InstanceType<typeof lbug.Connection>, text: string): Promise<void> {
  for (const result of [await conn.query(text)].flat()) result.close();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
