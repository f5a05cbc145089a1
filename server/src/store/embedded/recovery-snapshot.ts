import { constants } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { engineFileNames, isEngineLockFile } from './engine-files';
import { exists, syncFile, syncFolder } from './file-sync';

/**
 * A copy of the engine's files taken just before a checkpoint, while no write transaction is open:
 * exactly the files a kill at that instant would leave, which the engine reopens with every committed
 * write (it replays the log). A kill during the checkpoint itself can leave files the engine cannot
 * open, so while the snapshot exists it, not the live files, is the truth.
 *
 * The folder is written under a `.partial` name and renamed once complete, so it counts only when
 * whole; it is renamed to `.stale` before removal, so a half-removed one never counts.
 */

const SNAPSHOT_DIR = 'recovery-snapshot';
const PARTIAL_DIR = `${SNAPSHOT_DIR}.partial`;
const STALE_DIR = `${SNAPSHOT_DIR}.stale`;
const MANIFEST = 'manifest.json';
const FORMAT = 'yulian-recovery-snapshot';

interface Manifest {
  format: typeof FORMAT;
  version: 1;
  takenAt: string;
  files: { name: string; bytes: number }[];
}

/** Copies the engine's files into a complete, durable snapshot. Call only while no write is open. */
export async function takeSnapshot(dataDir: string): Promise<void> {
  const partial = path.join(dataDir, PARTIAL_DIR);
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial);
  const files: Manifest['files'] = [];
  for (const name of engineFileNames(dataDir).filter((n) => !isEngineLockFile(n))) {
    const target = path.join(partial, name);
    // A clone where the file system supports it (btrfs, XFS, APFS): instant; a copy elsewhere.
    await copyFile(path.join(dataDir, name), target, constants.COPYFILE_FICLONE);
    await syncFile(target);
    files.push({ name, bytes: (await stat(target)).size });
  }
  const manifest: Manifest = { format: FORMAT, version: 1, takenAt: new Date().toISOString(), files };
  await writeFile(path.join(partial, MANIFEST), JSON.stringify(manifest));
  await syncFile(path.join(partial, MANIFEST));
  await syncFolder(partial);
  await rename(partial, path.join(dataDir, SNAPSHOT_DIR));
  await syncFolder(dataDir);
}

/** Drops the snapshot once the checkpoint is done: the live files hold everything again. */
export async function discardSnapshot(dataDir: string): Promise<void> {
  const stale = path.join(dataDir, STALE_DIR);
  await rm(stale, { recursive: true, force: true });
  await rename(path.join(dataDir, SNAPSHOT_DIR), stale);
  await syncFolder(dataDir);
  await rm(stale, { recursive: true, force: true });
}

/** Removes what a failed takeSnapshot() left; the live files were never touched. */
export async function discardPartialSnapshot(dataDir: string): Promise<void> {
  await rm(path.join(dataDir, PARTIAL_DIR), { recursive: true, force: true });
}

/**
 * Brings the folder back to a state the engine opens, before the engine sees it. Returns what it did,
 * for the log, or null when there was nothing to do. Call only while holding the folder's lock.
 */
export async function recoverFolder(dataDir: string): Promise<string | null> {
  const done: string[] = [];
  if (await exists(path.join(dataDir, PARTIAL_DIR))) {
    await discardPartialSnapshot(dataDir);
    done.push('removed an unfinished pre-checkpoint snapshot (the process stopped before that checkpoint began; the database files were untouched)');
  }
  if (await exists(path.join(dataDir, STALE_DIR))) {
    await rm(path.join(dataDir, STALE_DIR), { recursive: true, force: true });
    done.push('removed a pre-checkpoint snapshot left after its checkpoint had finished');
  }
  const snapshot = path.join(dataDir, SNAPSHOT_DIR);
  if (await exists(snapshot)) {
    const manifest = await readManifest(snapshot);
    const leftovers = engineFileNames(dataDir);
    for (const name of leftovers) await unlink(path.join(dataDir, name));
    for (const { name } of manifest.files) {
      await copyFile(path.join(snapshot, name), path.join(dataDir, name), constants.COPYFILE_FICLONE);
      await syncFile(path.join(dataDir, name));
    }
    await syncFolder(dataDir);
    // Only now: a kill during the copies above leaves the snapshot in place, and the next open redoes them.
    await discardSnapshot(dataDir);
    done.push(
      `a checkpoint was interrupted (the process stopped during it): replaced ${leftovers.join(', ') || 'nothing'} ` +
        `with the snapshot taken just before it at ${manifest.takenAt} (${manifest.files.map((f) => f.name).join(', ')}); ` +
        'the engine replays its log, so every write committed before the stop is back',
    );
  }
  return done.length > 0 ? done.join('; ') : null;
}

async function readManifest(snapshot: string): Promise<Manifest> {
  const problem = (what: string) =>
    new Error(
      `the recovery snapshot in ${snapshot} is unusable (${what}); it and the database files beside it were left untouched. ` +
        'Restore the last backup (pnpm yulian restore) into an empty folder.',
    );
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(path.join(snapshot, MANIFEST), 'utf8')) as Manifest;
  } catch (error) {
    throw problem(`its manifest cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (manifest.format !== FORMAT || manifest.version !== 1 || !Array.isArray(manifest.files)) throw problem('unknown manifest format');
  for (const file of manifest.files) {
    const bytes = await stat(path.join(snapshot, file.name)).then((s) => s.size, () => -1);
    if (bytes !== file.bytes) throw problem(`${file.name} has ${bytes} bytes, the manifest says ${file.bytes}`);
  }
  return manifest;
}

