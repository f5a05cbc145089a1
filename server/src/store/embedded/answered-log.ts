import { closeSync, constants, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * How far the write-ahead log reached when the last write was answered: the engine appends each
 * commit to the log and fsyncs it before COMMIT returns, so every answered write lies within the
 * log's first N bytes, and a replay that leaves the log shorter than N has dropped one of them.
 * The adapter records N after each commit, before answering, and checks it at open.
 *
 * The record is written without fsync: it only has to survive the process (a kill), and it is
 * written after the log's own fsync, so after a power cut it can lag behind the log, never run
 * ahead of it; a lagging record checks less, it never refuses a good store. A checkpoint empties
 * the log, and the adapter sets the record to 0 while the pre-checkpoint snapshot still guards
 * the folder (see checkpoints.ts), so a kill around that moment restores a snapshot whose log
 * matches the record, or finds a record of 0.
 */

export const ANSWERED_FILE = 'answered-log-bytes';

/** Fixed width, so that each record overwrites the last in one write of the same size. */
const WIDTH = 20;

/** The recorded length, or null when the folder has none (a store written before the record existed, or a new one). */
export function readAnswered(dataDir: string): number | null {
  let text: string;
  try {
    text = readFileSync(path.join(dataDir, ANSWERED_FILE), 'utf8');
  } catch {
    return null;
  }
  const value = Number(text.trim());
  // A record the process was killed while creating is empty: nothing was answered through it yet.
  return Number.isSafeInteger(value) && value >= 0 ? value : null;
}

export class AnsweredLog {
  private constructor(private readonly fd: number) {}

  static open(dataDir: string): AnsweredLog {
    return new AnsweredLog(openSync(path.join(dataDir, ANSWERED_FILE), constants.O_RDWR | constants.O_CREAT, 0o644));
  }

  record(bytes: number): void {
    writeSync(this.fd, Buffer.from(`${String(bytes).padStart(WIDTH - 1, '0')}\n`), 0, WIDTH, 0);
  }

  close(): void {
    closeSync(this.fd);
  }
}
