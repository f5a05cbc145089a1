import { constants } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { syncFolder } from './file-sync';

/**
 * A file in the data folder that says a restore is writing into it. Restore writes the dump in many
 * transactions, so a restore killed part-way leaves a store holding part of a dump: it sets the
 * marker, durably, before its first batch and removes it after its last, and the store refuses to
 * open a marked folder except for restore itself, which empties it and starts again.
 */

export const RESTORE_MARKER_FILE = 'restore-in-progress.json';

export interface RestoreInProgress {
  /** The dump being restored. */
  dump: string;
  startedAt: string;
}

export class RestoreMarker {
  constructor(private readonly dataDir: string) {}

  private get file(): string {
    return path.join(this.dataDir, RESTORE_MARKER_FILE);
  }

  /** The restore that marked the folder, or null. */
  async read(): Promise<RestoreInProgress | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return null;
    }
    try {
      return JSON.parse(text) as RestoreInProgress;
    } catch {
      // Cut short by a kill while it was written: the restore had not written anything yet, but the
      // folder cannot be told from one it had, so it counts as marked.
      return { dump: 'unknown (the marker was cut short)', startedAt: 'unknown' };
    }
  }

  async present(): Promise<boolean> {
    return (await this.read()) !== null;
  }

  async set(dump: string, now = new Date()): Promise<void> {
    const marker: RestoreInProgress = { dump, startedAt: now.toISOString() };
    const handle = await open(this.file, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC, 0o644);
    try {
      await handle.writeFile(JSON.stringify(marker));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await syncFolder(this.dataDir);
  }

  async clear(): Promise<void> {
    await rm(this.file, { force: true });
    await syncFolder(this.dataDir);
  }
}

export function restoreInProgressMessage(dataDir: string, marker: RestoreInProgress): string {
  return (
    `the embedded store in ${dataDir} holds a restore that did not finish (from ${marker.dump}, started ${marker.startedAt}): ` +
    'it has only part of that dump and is not served as if it were whole. Run the restore again ' +
    `(pnpm yulian restore <file>, with YULIAN_DATA_DIR=${dataDir}), which empties the store first`
  );
}

