import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The database file; the engine keeps its log and checkpoint files beside it under this prefix. */
export const DATABASE_FILE = 'yulian.lbug';

/**
 * The engine's files in the folder as they are now: the database file, its write-ahead log and, during
 * or after an interrupted checkpoint, `.wal.checkpoint` (the log frozen for the checkpoint),
 * `.shadow` (pages being written) and `.checkpoint.*.lock`. Measured on @ladybugdb/core 0.19.1.
 */
export function engineFileNames(dataDir: string): string[] {
  return readdirSync(dataDir).filter((name) => name === DATABASE_FILE || name.startsWith(`${DATABASE_FILE}.`));
}

/** The lock files carry no state: they are left out of snapshots. */
export function isEngineLockFile(name: string): boolean {
  return name.endsWith('.lock');
}

/** Bytes in the write-ahead log: what a checkpoint would move into the database file. */
export function walBytes(dataDir: string): number {
  try {
    return statSync(path.join(dataDir, `${DATABASE_FILE}.wal`)).size;
  } catch {
    // The engine removes the log at the end of a checkpoint and creates it at the next write.
    return 0;
  }
}
