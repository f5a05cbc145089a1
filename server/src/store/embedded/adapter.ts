import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import lbug from '@ladybugdb/core';
import type { Connection as LbugConnection, Database as LbugDatabase, PreparedStatement, QueryResult } from '@ladybugdb/core';
import { embeddedDialect } from '../dialect';
import type { StoreChange } from '../changes';
import { CommitLog } from '../commit-log';
import { StoreError } from '../errors';
import { renderCypher, type GraphStore, type Query, type Row, type Transaction } from '../port';
import { readsForWrite } from '../read-priority';
import { toPlain } from '../values';
import { Checkpoints, DEFAULT_CHECKPOINT_WAL_BYTES, type CheckpointEvent } from './checkpoints';
import { AnsweredLog } from './answered-log';
import { DATABASE_FILE, walBytes } from './engine-files';
import { openEngine } from './engine-open';
import { syncFolderNow } from './file-sync';
import { FolderLock } from './folder-lock';
import { ReaderPool } from './reader-pool';
import { recoverFolder } from './recovery-snapshot';
import { RestoreMarker, restoreInProgressMessage } from './restore-marker';
import { WriteQueue } from './write-queue';

export interface EmbeddedOptions {
  /** Folder that holds the database file and its write-ahead log. */
  dataDir: string;
  /** Upper bound on the address space the engine reserves; tests that open many stores lower it. */
  maxDbSizeBytes?: number;
  /**
   * The engine's buffer pool: the page cache and the working memory of its joins. Unset, the engine
   * takes 80% of the machine's memory and keeps every page it touched, so the server's RSS grows
   * towards the size of the database file (500 MB at a million orders) plus its largest joins.
   */
  bufferPoolBytes?: number;
  /** Statement timeout for every query, in milliseconds. */
  queryTimeoutMs?: number;
  /** Parallel read connections. */
  readers?: number;
  /** Checkpoint once the write-ahead log reaches this many bytes (default 32 MiB). */
  checkpointWalBytes?: number;
  /** Also checkpoint after this many write transactions (default 0: by log size only); tests force frequent checkpoints with it. */
  checkpointEveryWrites?: number;
  /** Where recovery at open and checkpoint failures are reported (default: standard error). */
  log?: (message: string) => void;
  /** Sees the phases of every checkpoint; the crash test learns from it where a kill landed. */
  onCheckpoint?: (event: CheckpointEvent) => void;
  /**
   * Opens a folder a killed restore left marked (restore-marker.ts); only restore passes it, to
   * empty the store and write the dump again. Without it such a folder is refused.
   */
  restoring?: boolean;
}

/**
 * WAL checksums stay off while the engine corrupts every log record over about 4 KB with them on
 * (@ladybugdb/core 0.19.1; one note of 2,000 Chinese characters is such a record, and after a kill
 * the store never opened again). Without them a torn record still fails to parse, and engine-open.ts
 * tells a write cut off by a kill from a lost answered one. large-record.test.ts fails the day an
 * engine version replays large records with checksums on: then turn them back on here.
 */
export const WAL_CHECKSUMS = false;

/** The engine refuses 0 (no timeout); a day is as good as none for a checkpoint. */
const CHECKPOINT_TIMEOUT_MS = 24 * 60 * 60 * 1000;

/**
 * The embedded store on @ladybugdb/core. The engine allows one write transaction at a time and a
 * refused second writer that had begun a transaction crashes the process, so every write goes
 * through one queue on one connection; reads use their own connections and see the last commit.
 * Checkpoints run only from that queue, guarded so that a kill at any instant loses no committed
 * write (checkpoints.ts explains how and why).
 */
export class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded' as const;
  readonly dialect = embeddedDialect;
  private readonly writeQueue = new WriteQueue();
  private readonly statementCache = new WeakMap<LbugConnection, Map<string, PreparedStatement>>();
  private readonly checkpoints: Checkpoints;
  private readonly commitLog = new CommitLog();
  private readonly readerPool: ReaderPool<LbugConnection>;
  private commits = 0;
  private answered: AnsweredLog | null = null;
  /** Restore marks the folder with it while it writes. */
  readonly restoreMarker: RestoreMarker;
  private closed = false;

  private constructor(
    private readonly db: LbugDatabase,
    private readonly writer: LbugConnection,
    private readonly readers: LbugConnection[],
    private readonly lock: FolderLock,
    private readonly options: EmbeddedOptions & { dataDir: string },
    log: (message: string) => void,
  ) {
    this.restoreMarker = new RestoreMarker(options.dataDir);
    this.readerPool = new ReaderPool(readers);
    this.checkpoints = new Checkpoints(
      options.dataDir,
      { walBytes: options.checkpointWalBytes ?? DEFAULT_CHECKPOINT_WAL_BYTES, everyWrites: options.checkpointEveryWrites ?? 0 },
      () => this.engineCheckpoint(),
      log,
      options.onCheckpoint,
    );
  }

  static async open(options: EmbeddedOptions): Promise<EmbeddedStore> {
    const dataDir = path.resolve(options.dataDir);
    mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, DATABASE_FILE);
    const log = options.log ?? ((message: string) => console.warn(message));
    const unavailable = (error: unknown) =>
      new StoreError('UNAVAILABLE', `cannot open the embedded database at ${file}: ${messageOf(error)}`, undefined, { cause: error });
    let lock: FolderLock;
    try {
      lock = await FolderLock.acquire(dataDir);
    } catch (error) {
      throw unavailable(error);
    }
    let db: LbugDatabase | undefined;
    try {
      const restoring = await new RestoreMarker(dataDir).read();
      if (restoring && !options.restoring) throw new StoreError('UNAVAILABLE', restoreInProgressMessage(dataDir, restoring));
      const recovered = await recoverFolder(dataDir);
      if (recovered) log(`embedded store in ${dataDir}: ${recovered}`);
      db = await openEngine(
        { dataDir, bufferPoolBytes: options.bufferPoolBytes ?? 0, maxDbSizeBytes: options.maxDbSizeBytes ?? 2 ** 40, checksums: WAL_CHECKSUMS },
        (message) => log(`embedded store in ${dataDir}: ${message}`),
      );
      const opened = db;
      const connect = async () => {
        const conn = new lbug.Connection(opened);
        await conn.init();
        if (options.queryTimeoutMs) conn.setQueryTimeout(options.queryTimeoutMs);
        return conn;
      };
      const writer = await connect();
      // The engine's own checkpoint when the database object is destroyed would run unguarded.
      await command(writer, 'CALL force_checkpoint_on_close=false');
      const readers = await Promise.all(Array.from({ length: options.readers ?? 2 }, connect));
      const store = new EmbeddedStore(opened, writer, readers, lock, { ...options, dataDir }, log);
      store.answered = AnsweredLog.open(dataDir);
      // A log left by a stop without close may already be due.
      store.scheduleCheckpointIfDue();
      return store;
    } catch (error) {
      await db?.close().catch(() => undefined);
      await lock.release().catch(() => undefined);
      throw error instanceof StoreError ? error : unavailable(error);
    }
  }

  async ensureSchema(): Promise<void> {
    await this.writeQueue.run(async () => {
      const logWasEmpty = walBytes(this.options.dataDir) === 0;
      for (const statement of this.dialect.schemaStatements()) {
        await this.exec(this.writer, { name: 'schema', cypher: statement, params: {} });
      }
      this.noteAnswered(logWasEmpty);
    });
  }

  /** The folder lock makes this process the only writer, so a count of its commits marks every change. */
  get committedWrites(): number {
    return this.commits;
  }

  changesSince(generation: number): StoreChange[] | null {
    return this.commitLog.since(generation, this.commits);
  }

  async read<R extends Row>(query: Query<R>): Promise<R[]> {
    this.assertOpen();
    return this.readerPool.use((conn) => this.exec(conn, query, { readOnly: true }), readsForWrite());
  }

  async write<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    this.assertOpen();
    this.assertWritable();
    return this.writeQueue.run(async () => {
      // Again inside the queue: a checkpoint queued ahead of this write may have failed.
      this.assertWritable();
      const logWasEmpty = walBytes(this.options.dataDir) === 0;
      await command(this.writer, 'BEGIN TRANSACTION');
      const noted: StoreChange[] = [];
      const tx: Transaction = {
        run: (query) => this.exec(this.writer, query),
        note: (change) => void noted.push(change),
        // One writer and no retries: any unique id will do.
        newId: () => randomUUID(),
      };
      try {
        const result = await work(tx);
        // COMMIT returns once the engine has appended the transaction to its log and fsynced it.
        await command(this.writer, 'COMMIT');
        this.noteAnswered(logWasEmpty);
        this.commits += 1;
        this.commitLog.push(this.commits, noted);
        this.checkpoints.noteCommit();
        this.scheduleCheckpointIfDue();
        return result;
      } catch (error) {
        // The engine may already have ended the transaction (a failed statement rolls it back);
        // the caller must still see the error that broke it, not the rollback's.
        await command(this.writer, 'ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  async ping(): Promise<boolean> {
    try {
      const rows = await this.read({ name: 'ping', cypher: 'RETURN 1 AS ok', params: {} });
      return rows[0]?.ok === 1;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writeQueue.run(async () => {
      let engineClosed = false;
      const closeEngine = async () => {
        if (engineClosed) return;
        engineClosed = true;
        // Connections first: the engine holds the file lock until every one of them is gone, and another
        // process (the CLI, a restarted server) may want the folder right away.
        await Promise.all([this.writer, ...this.readers].map((conn) => conn.close()));
        await this.db.close();
      };
      try {
        // A session that wrote nothing leaves a log replayed at open where it is, as safe as it was: reads
        // and backups close fast, and the next session that writes checkpoints it. The engine shuts down
        // while the snapshot still guards the checkpointed files.
        if (this.checkpoints.committedAny) await this.checkpoints.run(closeEngine);
      } finally {
        await closeEngine();
      }
    });
    this.answered?.close();
    await this.lock.release();
  }

  /**
   * Called after a commit, before its caller is answered: records how far the log reaches
   * (answered-log.ts). The engine fsyncs the log but not the folder, so a log the commit created is
   * made to last by syncing the folder's entry for it too.
   */
  private noteAnswered(logWasEmpty: boolean): void {
    this.answered?.record(walBytes(this.options.dataDir));
    if (logWasEmpty) syncFolderNow(this.options.dataDir);
  }

  private scheduleCheckpointIfDue(): void {
    if (this.checkpoints.claimDue()) void this.writeQueue.run(() => this.checkpoints.run());
  }

  private async engineCheckpoint(): Promise<void> {
    // A checkpoint after a large write can outlast the statement timeout; it must not be cut off.
    this.writer.setQueryTimeout(CHECKPOINT_TIMEOUT_MS);
    try {
      // With no read in progress: the engine segfaulted now and then checkpointing beside reads (reader-pool.ts).
      await this.readerPool.exclusive(() => command(this.writer, 'CHECKPOINT'));
      // The log is now empty; the snapshot still guards the folder (answered-log.ts says why that matters).
      this.answered?.record(walBytes(this.options.dataDir));
    } finally {
      if (this.options.queryTimeoutMs && !this.closed) this.writer.setQueryTimeout(this.options.queryTimeoutMs);
    }
  }

  private assertWritable(): void {
    if (this.checkpoints.failure) throw new StoreError('UNAVAILABLE', `the embedded store cannot take writes: ${this.checkpoints.failure}`);
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreError('UNAVAILABLE', 'the embedded store is closed');
  }

  private async prepare(conn: LbugConnection, cypher: string): Promise<PreparedStatement> {
    let cache = this.statementCache.get(conn);
    if (!cache) {
      cache = new Map();
      this.statementCache.set(conn, cache);
    }
    const cached = cache.get(cypher);
    if (cached) return cached;
    const statement = await conn.prepare(cypher);
    if (!statement.isSuccess()) throw new Error(statement.getErrorMessage());
    cache.set(cypher, statement);
    return statement;
  }

  private async exec<R extends Row>(
    conn: LbugConnection,
    query: Query<R>,
    { readOnly = false } = {},
  ): Promise<R[]> {
    const cypher = renderCypher(query, this.dialect);
    try {
      const statement = await this.prepare(conn, cypher);
      if (readOnly && !statement.isReadOnly()) {
        throw new StoreError('QUERY_ERROR', `query ${query.name} writes and must run inside write()`, query.name);
      }
      const results = [await conn.execute(statement, query.params as Record<string, never>)].flat();
      try {
        return await readRows<R>(results.at(-1) as QueryResult);
      } finally {
        closeAll(results);
      }
    } catch (error) {
      throw mapEmbeddedError(error, query.name);
    }
  }
}

/**
 * Query results are closed as soon as they are read: one left open keeps the engine's database, and
 * with it the lock on its file, alive after close() until the garbage collector comes by, which
 * kept the CLI and a restarted server out of a folder this process had closed.
 */
function closeAll(results: QueryResult[]): void {
  for (const result of results) result.close();
}

/**
 * How many rows are read between two returns to the event loop. The engine has the whole result
 * ready when execute() resolves; the binding's getAll() fetches it a row per thread-pool round
 * trip, ten times slower than reading it synchronously (11k rows: 0.4–2.3 s against 0.1 s), and a
 * slice of this size blocks the loop for a few milliseconds at most.
 */
const ROWS_PER_SLICE = 1000;

async function readRows<R extends Row>(result: QueryResult): Promise<R[]> {
  const rows: R[] = [];
  result.resetIterator();
  while (result.hasNext()) {
    rows.push(toPlain(result.getNextSync()) as R);
    if (rows.length % ROWS_PER_SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return rows;
}

/** A statement without parameters or rows (transaction control, CHECKPOINT, settings). */
async function command(conn: LbugConnection, text: string): Promise<void> {
  closeAll([await conn.query(text)].flat());
}


function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function mapEmbeddedError(error: unknown, queryName: string): StoreError {
  if (error instanceof StoreError) return error;
  const message = messageOf(error);
  if (/duplicat(ed|e) primary key|violates.*(unique|primary)/i.test(message)) {
    return new StoreError('CONSTRAINT_VIOLATION', message, queryName, { cause: error });
  }
  if (/interrupt|timeout/i.test(message)) {
    return new StoreError('TIMEOUT', `query ${queryName} took too long and was stopped`, queryName, { cause: error });
  }
  return new StoreError('QUERY_ERROR', `query ${queryName} failed: ${message}`, queryName, { cause: error });
}
