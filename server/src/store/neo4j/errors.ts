import neo4j from 'neo4j-driver';
import { StoreError } from '../errors';

/**
 * Engine messages that quote only the query text. Others (type errors, constraint violations)
 * may quote the values bound to the query, which can be confidential (order amounts), so their
 * text stays in `cause` for the server log and out of the message.
 */
const TEXT_ONLY_CODES = new Set([
  'Neo.ClientError.Statement.SyntaxError',
  'Neo.ClientError.Statement.SemanticError',
  'Neo.ClientError.Statement.ParameterMissing',
  'Neo.ClientError.Statement.AccessMode',
]);

/**
 * A transaction that outgrew Neo4j's memory for transactions: its own limit (db.memory.transaction.max)
 * or the pool all share (db.memory.transaction.total.max, a share of the heap). Neo4j calls them
 * transient, and the driver would re-run the whole write for up to 30 s; the same change would only
 * run out again, so Yulian stops at the first and says so.
 */
export const TRANSACTION_MEMORY_CODES = new Set([
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.TransientError.General.TransactionMemoryLimit',
  'Neo.ClientError.General.TransactionOutOfMemoryError',
]);

/** Maps a neo4j-driver failure to the port's typed error; the message names the query, never its parameters. */
export function mapNeo4jError(error: unknown, queryName: string): StoreError {
  if (error instanceof StoreError) return error;
  const cause = { cause: error };
  if (!(error instanceof neo4j.Neo4jError)) {
    const message = error instanceof Error ? error.message : String(error);
    return new StoreError('QUERY_ERROR', `query ${queryName} failed: ${message}`, queryName, cause);
  }
  // Driver-side errors (a lost connection) can arrive without a code.
  const code = typeof error.code === 'string' ? error.code : '';
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    const message = `query ${queryName} violates a uniqueness constraint`;
    return new StoreError('CONSTRAINT_VIOLATION', message, queryName, cause);
  }
  if (code === neo4j.error.SERVICE_UNAVAILABLE || code === neo4j.error.SESSION_EXPIRED) {
    // These messages come from the driver and describe the connection, not the query.
    const message = `query ${queryName} could not reach Neo4j: ${error.message}`;
    return new StoreError('UNAVAILABLE', message, queryName, cause);
  }
  // Both the server's own limit and the driver's `timeout` transaction config (…ClientConfiguration).
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
    return new StoreError('TIMEOUT', `query ${queryName} took too long and was stopped`, queryName, cause);
  }
  if (TRANSACTION_MEMORY_CODES.has(code)) {
    const message = `query ${queryName} needs more memory than Neo4j allows one transaction (db.memory.transaction.max, heap); nothing was written`;
    return new StoreError('TOO_LARGE', message, queryName, cause);
  }
  if (code.startsWith('Neo.TransientError.')) {
    const message = `query ${queryName} hit a transient Neo4j failure (${code}); try again`;
    return new StoreError('TRANSIENT', message, queryName, cause);
  }
  const detail = TEXT_ONLY_CODES.has(code) ? `: ${error.message}` : '';
  return new StoreError('QUERY_ERROR', `query ${queryName} failed (${code || 'no code'})${detail}`, queryName, cause);
}
