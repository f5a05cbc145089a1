import type { StoreChange } from './changes';
import type { Dialect } from './dialect';

export type StoreKind = 'embedded' | 'neo4j';

/** A plain row: scalars, lists and maps only; engines' node/integer/temporal types never leak out. */
export type Row = Record<string, unknown>;

/**
 * One catalogue query, built apart from running it. `cypher` is text both engines accept, or a
 * function of the dialect where a spelling must differ. `Result` is the row shape the query returns.
 */
export interface Query<Result extends Row = Row> {
  readonly name: string;
  readonly cypher: string | ((dialect: Dialect) => string);
  readonly params: Readonly<Record<string, unknown>>;
  /** Phantom: carries the row type from the builder to the caller. */
  readonly __result?: Result;
}

export interface Transaction {
  run<R extends Row>(query: Query<R>): Promise<R[]>;
  /**
   * Describes what this transaction changes (commands call it for every entity they write). A
   * transaction that notes nothing counts as having changed everything.
   */
  note(change: StoreChange): void;
  /**
   * A new unique id for something this transaction creates (an audit event, a history entry). On
   * Neo4j the driver may run a transaction's work again after a failure it cannot see the end of
   * (a lost connection during COMMIT); the ids repeat on each attempt, so a retry of a commit that
   * went through collides with its own rows (a uniqueness error) instead of writing them twice.
   */
  newId(): string;
}

/** The port every store adapter implements; resolvers and analyses see nothing else. */
export interface GraphStore {
  readonly kind: StoreKind;
  readonly dialect: Dialect;
  /** Creates tables, constraints and indexes; safe to call at every start. */
  ensureSchema(): Promise<void>;
  /** A read outside any write transaction, served from the last committed state. */
  read<R extends Row>(query: Query<R>): Promise<R[]>;
  /** One write transaction: every query in `work` commits together or not at all. */
  write<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * Write transactions committed through this object so far, when it is the store's only writer:
   * facts read from an unchanged count are still true (analysis/store-facts.ts keeps them). Absent
   * when other processes may write too (Neo4j), so nothing may be kept between requests.
   */
  readonly committedWrites?: number;
  /**
   * Every change committed after `generation` (a past value of `committedWrites`), oldest first, or
   * null when some commit among them did not describe its changes or is no longer remembered.
   * Absent where `committedWrites` is.
   */
  changesSince?(generation: number): StoreChange[] | null;
  /** Answers whether the engine responds, for /healthz. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export function renderCypher(query: Query, dialect: Dialect): string {
  return typeof query.cypher === 'function' ? query.cypher(dialect) : query.cypher;
}
