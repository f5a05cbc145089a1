import { randomUUID } from 'node:crypto';
import neo4j, { type Driver, type ManagedTransaction, type Session, type SessionMode } from 'neo4j-driver';
import { neo4jDialect } from '../dialect';
import { StoreError } from '../errors';
import { renderCypher, type GraphStore, type Query, type Row, type Transaction } from '../port';
import { ping as pingQuery } from '../queries/reference';
import { mapNeo4jError, TRANSACTION_MEMORY_CODES } from './errors';
import { recordToRow, toNeo4jParams } from './mapping';
import { takeWriteLock, writeLockConstraint } from './write-lock';

export interface Neo4jOptions {
  /** neo4j:// (routing, clusters) or bolt:// (one server), with +s/+ssc for TLS. */
  uri: string;
  user: string;
  password: string;
  database: string;
  /**
   * Statement timeout, in milliseconds: a read (one statement) is stopped by the server after it;
   * in a write, each statement is, while the transaction as a whole may take as long as its
   * statements need (an import runs many).
   */
  queryTimeoutMs?: number;
}

interface TxConfig {
  timeout?: number;
  metadata: Record<string, string>;
}

/**
 * The Neo4j store on neo4j-driver. Reads run in READ sessions so that a neo4j:// cluster serves
 * them from followers or read replicas; writes go to the leader. Every session shares one
 * bookmark manager, so a read that follows a write (on any member) sees that write.
 */
/** Waits until every index is online, for at most the given seconds (then the start goes on without). */
const AWAIT_INDEXES = 'CALL db.awaitIndexes(300)';

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  readonly dialect = neo4jDialect;
  private readonly bookmarks = neo4j.bookmarkManager();
  private closed = false;

  private constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly timeoutMs: number | undefined,
  ) {}

  static async open(opts: Neo4jOptions): Promise<Neo4jStore> {
    const driver = neo4j.driver(opts.uri, neo4j.auth.basic(opts.user, opts.password));
    try {
      // Fail at start, like the embedded store does, rather than on the first request.
      await driver.verifyConnectivity({ database: opts.database });
    } catch (error) {
      await driver.close();
      const reason = error instanceof Error ? error.message : String(error);
      throw new StoreError(
        'UNAVAILABLE',
        `cannot reach Neo4j at ${withoutUserInfo(opts.uri)} (database ${opts.database}): ${reason}`,
        undefined,
        { cause: error },
      );
    }
    return new Neo4jStore(driver, opts.database, opts.queryTimeoutMs);
  }

  /**
   * One statement per transaction: Neo4j refuses to mix schema changes with other work in one. An
   * index added to a populated database (an upgrade) fills in the background; the start waits for
   * it, so the first requests are planned with it rather than with a scan.
   */
  async ensureSchema(): Promise<void> {
    // Not through write(): its lock is a write, and Neo4j refuses schema changes after one.
    for (const statement of [...this.dialect.schemaStatements(), writeLockConstraint]) {
      const session = this.session(neo4j.session.WRITE);
      try {
        await session.executeWrite((mtx) => mtx.run(statement), this.txConfig('schema'));
      } catch (error) {
        throw mapNeo4jError(error, 'schema');
      } finally {
        await session.close();
      }
    }
    const session = this.session(neo4j.session.READ);
    try {
      await session.executeRead((mtx) => mtx.run(AWAIT_INDEXES), this.txConfig('schema'));
    } catch {
      // Still filling after the wait: queries are answered meanwhile, only slower.
    } finally {
      await session.close();
    }
  }

  async read<R extends Row>(query: Query<R>): Promise<R[]> {
    const session = this.session(neo4j.session.READ);
    try {
      const records = await session.executeRead(
        async (tx) => (await tx.run(renderCypher(query, this.dialect), toNeo4jParams(query.params))).records,
        this.txConfig(query.name, this.timeoutMs),
      );
      return records.map((record) => recordToRow(record) as R);
    } catch (error) {
      throw mapNeo4jError(error, query.name);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs `work` in one managed transaction (session.executeWrite) rather than an explicit one:
   * leader elections and deadlocks in a cluster surface as transient errors, and the driver's
   * retry (with back-off, up to 30 s) is what makes writes survive them. The price: after a
   * transient failure the whole of `work` runs again in a fresh transaction, so `work` must keep
   * its effects inside `tx` (or make them idempotent) and build its result from what `tx.run`
   * returns. The rows of a failed attempt are rolled back and discarded.
   */
  async write<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const session = this.session(neo4j.session.WRITE);
    // Driver errors must reach executeWrite unchanged, or it cannot tell which ones to retry;
    // they are mapped once it gives up, naming the query that failed ('write' when the commit did).
    let failedQuery = 'write';
    // Made once per write, outside the retried function, so every attempt makes the same ids.
    const idBase = randomUUID();
    try {
      return await session.executeWrite(
        async (mtx) => {
          let made = 0;
          const newId = () => `${idBase}-${made++}`;
          failedQuery = 'writeLock';
          await mtx.run(takeWriteLock);
          failedQuery = 'write';
          // Nothing is kept between requests on Neo4j (committedWrites is absent), so changes need no record.
          return work({ run: (query) => this.runIn(mtx, query, (name) => (failedQuery = name)), note: () => undefined, newId });
        },
        this.txConfig('write'),
      );
    } catch (error) {
      throw error instanceof neo4j.Neo4jError ? mapNeo4jError(error, failedQuery) : error;
    } finally {
      await session.close();
    }
  }

  async ping(): Promise<boolean> {
    try {
      const rows = await this.read(pingQuery());
      return rows[0]?.ok === 1;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
  }

  private async runIn<R extends Row>(
    mtx: ManagedTransaction,
    query: Query<R>,
    onDriverError: (queryName: string) => void,
  ): Promise<R[]> {
    const records = await withStatementTimeout(
      mtx.run(renderCypher(query, this.dialect), toNeo4jParams(query.params)),
      this.timeoutMs,
      query.name,
    ).then(
      (result) => result.records,
      (error: unknown) => {
        onDriverError(query.name);
        // Thrown as a StoreError, which executeWrite does not retry (see TRANSACTION_MEMORY_CODES).
        if (error instanceof neo4j.Neo4jError && TRANSACTION_MEMORY_CODES.has(error.code)) throw mapNeo4jError(error, query.name);
        throw error;
      },
    );
    try {
      return records.map((record) => recordToRow(record) as R);
    } catch (error) {
      // Not retriable: a value that does not fit a JS number will not fit on a second attempt either.
      throw mapNeo4jError(error, query.name);
    }
  }

  private session(mode: SessionMode): Session {
    if (this.closed) throw new StoreError('UNAVAILABLE', 'the Neo4j store is closed');
    return this.driver.session({ database: this.database, defaultAccessMode: mode, bookmarkManager: this.bookmarks });
  }

  /** Metadata names the query in SHOW TRANSACTIONS and the query log; never the parameters. */
  private txConfig(queryName: string, timeoutMs?: number): TxConfig {
    const metadata = { app: 'yulian', query: queryName };
    return timeoutMs ? { timeout: timeoutMs, metadata } : { metadata };
  }
}

/**
 * The driver has no per-statement timeout, only one for a whole transaction. A statement of a write
 * that outlasts the limit fails here with TIMEOUT, which is not retried: the driver rolls the
 * transaction back, and the server stops the statement with it.
 */
function withStatementTimeout<T>(running: Promise<T>, timeoutMs: number | undefined, queryName: string): Promise<T> {
  if (!timeoutMs) return running;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreError('TIMEOUT', `query ${queryName} took too long and was stopped`, queryName)), timeoutMs);
  });
  return Promise.race([running, expired]).finally(() => clearTimeout(timer));
}

/** A URI may carry credentials (neo4j://user:pass@host); they never belong in an error message. */
function withoutUserInfo(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//');
}
