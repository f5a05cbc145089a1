import { closeSync, fsyncSync, openSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';

/**
 * Making the data folder's files and names last through a power cut: a file's bytes need its own
 * fsync, and a new, renamed or removed name needs the folder's.
 */

export async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}

export async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function syncFolder(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
  } catch {
    // Windows opens no folder for syncing; its names are durable without it.
    return;
  }
  try {
    await handle.sync();
  } catch {
    // Nor does it sync one it opened.
  } finally {
    await handle.close();
  }
}

/** The same, for the commit path, which must not yield between the commit and its answer. */
export function syncFolderNow(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // As above.
  } finally {
    closeSync(fd);
  }
}
