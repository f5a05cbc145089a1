import type { Viewer } from '../auth/viewer';
import type { Query, Row, Transaction } from '../store/port';

/**
 * What every command runs with: the caller's write transaction (a GraphQL mutation opens one per
 * command, an import one for the whole file), who acts, and the one clock reading the change is
 * stamped with. A command never opens a transaction of its own, so a batch commits whole or not at all.
 */
export interface CommandContext {
  tx: Transaction;
  /** Who acts; seeding acts as SYSTEM_VIEWER. */
  viewer: Viewer;
  now: Date;
  /** Records per statement when a command writes many at once (an import); YULIAN_IMPORT_BATCH_SIZE. */
  batchSize?: number;
}

export const DEFAULT_BATCH_SIZE = 10_000;

/** What a command's checks read through: the write transaction, or the store itself for a dry run. */
export interface Reader {
  read<R extends Row>(query: Query<R>): Promise<R[]>;
}

export function readerOf(tx: Transaction): Reader {
  return { read: (query) => tx.run(query) };
}

/** The product itself, loading the article's data into an empty store: an admin, audited by that name. */
export const SYSTEM_VIEWER: Viewer = {
  userId: 'system',
  username: 'system',
  displayName: 'Yulian',
  role: 'ADMIN',
  districtCode: null,
  firmId: null,
  sessionId: 'system',
};

/** Whoever runs the command-line tool on the server's machine (user administration): audited by that name. */
export const CONSOLE_VIEWER: Viewer = { ...SYSTEM_VIEWER, userId: 'console', username: 'console', displayName: 'command line', sessionId: 'console' };
