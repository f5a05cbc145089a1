import { walBytes } from './engine-files';
import { discardPartialSnapshot, discardSnapshot, takeSnapshot } from './recovery-snapshot';

/**
 * Checkpointing owned by the adapter (the engine's automatic checkpoints are off).
 *
 * Measured on @ladybugdb/core 0.19.1: a CHECKPOINT renames the log to `.wal.checkpoint`, writes new
 * pages into the database file and a `.shadow` file, then applies the shadow pages. A SIGKILL outside
 * a checkpoint always reopened with every committed write (53 of 53); of 57 SIGKILLs inside one, 17
 * left files the engine refuses ("Database ID for temporary file … .shadow does not match", with an
 * empty shadow file and the database file already grown) or crashes on (segfault, with a partly
 * written shadow).
 * Removing the shadow file, or also renaming the frozen log back, does not open them either, and
 * deleting every leftover loses the last committed writes. So the engine's own files cannot be
 * trusted after a kill during a checkpoint, and nothing short of a copy can be.
 *
 * Hence: while the write queue is held (no write transaction open), the engine's files are copied to a
 * recovery snapshot, which is exactly what a kill at that instant would leave and so reopens with
 * every committed write; then the engine checkpoints; then the snapshot is dropped. If the process
 * dies in between, the next open puts the snapshot back before the engine sees the folder
 * (recovery-snapshot.ts). The price is a copy of the database file per checkpoint (about 1 GB/s here,
 * instant on file systems that clone), so checkpoints are spaced by log size rather than by time.
 * Never checkpointing outside close was the other option, but the log then grows without bound, the
 * engine keeps what it holds in memory, and the close-time checkpoint would still need this guard.
 */

export interface CheckpointPolicy {
  /** Checkpoint once the write-ahead log holds at least this many bytes. */
  walBytes: number;
  /** Also checkpoint after this many committed write transactions; 0 leaves it to log size alone. */
  everyWrites: number;
}

export const DEFAULT_CHECKPOINT_WAL_BYTES = 32 * 1024 * 1024;

/**
 * Where a checkpoint is: `start` before the snapshot is copied, `engine` once it is complete and the
 * engine's CHECKPOINT begins, `engine-done` when that returned, `end` once the snapshot is dropped.
 */
export type CheckpointPhase = 'start' | 'engine' | 'engine-done' | 'end';

export interface CheckpointEvent {
  phase: CheckpointPhase;
  walBytes: number;
  elapsedMs: number;
}

/** After a snapshot could not be taken (a full disk, say), the next attempt waits this long. */
const RETRY_AFTER_MS = 60_000;

export class Checkpoints {
  private writesSince = 0;
  private committed = false;
  private queued = false;
  private retryAt = 0;
  private failed: string | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly policy: CheckpointPolicy,
    private readonly engineCheckpoint: () => Promise<void>,
    private readonly log: (message: string) => void,
    private readonly observe?: (event: CheckpointEvent) => void,
  ) {}

  /** Whether this session committed anything; close() checkpoints only then. */
  get committedAny(): boolean {
    return this.committed;
  }

  /** Set when a checkpoint may have left the live files unusable: writes must stop until a reopen recovers. */
  get failure(): string | null {
    return this.failed;
  }

  noteCommit(): void {
    this.writesSince++;
    this.committed = true;
  }

  /** True once per due checkpoint: the caller queues exactly one run() for it. */
  claimDue(): boolean {
    if (this.queued || this.failed || Date.now() < this.retryAt) return false;
    const due =
      (this.policy.everyWrites > 0 && this.writesSince >= this.policy.everyWrites) || walBytes(this.dataDir) >= this.policy.walBytes;
    this.queued = due;
    return due;
  }

  /**
   * Checkpoints under the snapshot guard. Run it only from the write queue. Failures are logged, not
   * thrown: the caller's writes are committed either way. `beforeDiscard` runs after the engine's
   * CHECKPOINT while the snapshot still guards the files (close() shuts the engine down there).
   */
  async run(beforeDiscard?: () => Promise<void>): Promise<void> {
    this.queued = false;
    if (this.failed) return;
    const bytes = walBytes(this.dataDir);
    if (bytes === 0) {
      // Nothing to move; an engine CHECKPOINT would still rewrite the header and risk the files for nothing.
      this.writesSince = 0;
      return;
    }
    const started = performance.now();
    const emit = (phase: CheckpointPhase) => {
      try {
        this.observe?.({ phase, walBytes: bytes, elapsedMs: performance.now() - started });
      } catch {
        // An observer's failure says nothing about the checkpoint.
      }
    };
    emit('start');
    try {
      await takeSnapshot(this.dataDir);
    } catch (error) {
      await discardPartialSnapshot(this.dataDir).catch(() => undefined);
      this.retryAt = Date.now() + RETRY_AFTER_MS;
      this.log(`embedded store: checkpoint postponed, the pre-checkpoint snapshot could not be written (${messageOf(error)}); the data is safe in the log`);
      return;
    }
    emit('engine');
    try {
      await this.engineCheckpoint();
      emit('engine-done');
      await beforeDiscard?.();
    } catch (error) {
      this.fail(`the checkpoint failed (${messageOf(error)})`);
      return;
    }
    try {
      await discardSnapshot(this.dataDir);
    } catch (error) {
      // A snapshot left in place would be restored at the next open, undoing every later write.
      this.fail(`the pre-checkpoint snapshot could not be removed (${messageOf(error)})`);
      return;
    }
    this.writesSince = 0;
    emit('end');
  }

  private fail(what: string): void {
    this.failed = `${what}; the store takes no more writes until it is reopened, which restores the snapshot taken before the checkpoint`;
    this.log(`embedded store: ${this.failed}`);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
