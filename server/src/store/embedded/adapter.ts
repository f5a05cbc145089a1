import { mkdirSync } from 'node:fs';
import path from 'node:path';
import lbug from '@ladybugdb/core';
import type { Connection as LbugConnection, Database as LbugDatabase, PreparedStatement, QueryResult } from '@ladybugdb/core';
import { embeddedDialect } from '../dialect';
import { StoreError } from '../errors';
import { renderCypher, type GraphStore, type Query, type Row, type Transaction } from '../port';
import { toPlain } from '../values';
import { WriteQueue } from './write-queue';

export interface EmbeddedOptions {
  /** Folder that holds the database file and its write-ahead log. */
  dataDir: string;
  /** Upper bound on the address space the engine reserves; tests that open many stores lower it. */
  maxDbSizeBytes?: number;
  /** Statement timeout for every query, in milliseconds. */
  queryTimeoutMs?: number;
  /** Parallel read connections. */
  readers?: number;
}

const DATABASE_FILE = 'yulian.lbug';
/** The engine refuses 0 (no timeout); a day is as good as none for a checkpoint. */
const CHECKPOINT_TIMEOUT_MS = 24 * 60 * 60 * 1000;

/**
 * The embedded store on @ladybugdb/core. The engine allows one write transaction at a time and a
 * refused second writer that had begun a transaction crashes the process, so every write goes
 * through one queue on one connection; reads use their own connections and see the last commit.
 */
export class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded' as const;
  readonly dialect = embeddedDialect;
  private readonly writeQueue = new WriteQueue();
  private readonly statementCache = new WeakMap<LbugConnection, Map<string, PreparedStatement>>();
  private nextReader = 0;
  private closed = false;

  private constructor(
    private readonly db: LbugDatabase,
    private readonly writer: LbugConnection,
    private readonly readers: LbugConnection[],
  ) {}

  static async open(options: EmbeddedOptions): Promise<EmbeddedStore> {
    mkdirSync(options.dataDir, { recursive: true });
    const file = path.join(path.resolve(options.dataDir), DATABASE_FILE);
    // Automatic checkpoints are off: a kill during a checkpoint can leave the file unopenable, so the
    // adapter checkpoints only at moments it controls (see close()).
    const db = new lbug.Database(file, 0, true, false, options.maxDbSizeBytes ?? 2 ** 40, false);
    try {
      await db.init();
    } catch (error) {
      throw new StoreError('UNAVAILABLE', `cannot open the embedded database at ${file}: ${messageOf(error)}`, undefined, {
        cause: error,
      });
    }
    const connect = async () => {
      const conn = new lbug.Connection(db);
      await conn.init();
      if (options.queryTimeoutMs) conn.setQueryTimeout(options.queryTimeoutMs);
      return conn;
    };
    const writer = await connect();
    const readers = await Promise.all(Array.from({ length: options.readers ?? 2 }, connect));
    return new EmbeddedStore(db, writer, readers);
  }

  async ensureSchema(): Promise<void> {
    await this.writeQueue.run(async () => {
      for (const statement of this.dialect.schemaStatements()) {
        await this.exec(this.writer, { name: 'schema', cypher: statement, params: {} });
      }
    });
  }

  async read<R extends Row>(query: Query<R>): Promise<R[]> {
    this.assertOpen();
    const conn = this.readers[this.nextReader++ % this.readers.length] as LbugConnection;
    return this.exec(conn, query, { readOnly: true });
  }

  async write<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    this.assertOpen();
    return this.writeQueue.run(async () => {
      await this.writer.query('BEGIN TRANSACTION');
      const tx: Transaction = { run: (query) => this.exec(this.writer, query) };
      try {
        const result = await work(tx);
        await this.writer.query('COMMIT');
        return result;
      } catch (error) {
        // The engine may already have ended the transaction (a failed statement rolls it back);
        // the caller must still see the error that broke it, not the rollback's.
        await this.writer.query('ROLLBACK').catch(() => undefined);
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
      // A checkpoint after a large write can outlast the statement timeout; it must not be cut off.
      this.writer.setQueryTimeout(CHECKPOINT_TIMEOUT_MS);
      await this.writer.query('CHECKPOINT');
    });
    // Connections first: the engine holds the file lock until every one of them is gone, and another
    // process (the CLI, a restarted server) may want the folder right away.
    await Promise.all([this.writer, ...this.readers].map((conn) => conn.close()));
    await this.db.close();
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
      const result = await conn.execute(statement, query.params as Record<string, never>);
      const last: QueryResult = Array.isArray(result) ? (result.at(-1) as QueryResult) : result;
      const rows = await last.getAll();
      return rows.map((row) => toPlain(row) as R);
    } catch (error) {
      throw mapEmbeddedError(error, query.name);
    }
  }
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
