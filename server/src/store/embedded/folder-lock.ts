import { rmSync } from 'node:fs';
import path from 'node:path';
import lbug from '@ladybugdb/core';
import type { Database as LbugDatabase } from '@ladybugdb/core';

const LOCK_FILE = 'yulian.lock';
/** The lock database stays empty; a small reservation spares address space. */
const LOCK_DB_BYTES = 2 ** 26;
const LOCK_BUFFER_BYTES = 2 ** 20;

/**
 * Keeps other processes out of the data folder from before recovery until close. Recovery rewrites the
 * engine's files, so it must never run while another process (a server, the CLI) has them open; the
 * engine's own lock is taken only once the database opens, which is too late. Node has no file-lock
 * call, so an empty engine database serves as the lock: the engine holds an OS lock on it, released
 * when the lock is closed or the process dies, even by SIGKILL.
 */
export class FolderLock {
  private constructor(private readonly db: LbugDatabase) {}

  /** Throws the engine's "Could not set lock" error when another process holds the folder. */
  static async acquire(dataDir: string): Promise<FolderLock> {
    const file = path.join(dataDir, LOCK_FILE);
    try {
      return await FolderLock.open(file);
    } catch (error) {
      if (isLockedError(error)) throw error;
      // A kill while the lock file was first being created can leave it unreadable; it holds nothing.
      rmSync(file, { force: true });
      return FolderLock.open(file);
    }
  }

  private static async open(file: string): Promise<FolderLock> {
    const db = new lbug.Database(file, LOCK_BUFFER_BYTES, false, false, LOCK_DB_BYTES, false);
    await db.init();
    return new FolderLock(db);
  }

  async release(): Promise<void> {
    await this.db.close();
  }
}

export function isLockedError(error: unknown): boolean {
  return /could not set lock/i.test(error instanceof Error ? error.message : String(error));
}
