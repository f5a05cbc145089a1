import { defaultReadLimits, type ReadLimits } from './read-limits';

/**
 * Import settings; config.ts reads them from YULIAN_IMPORT_BATCH_SIZE, YULIAN_IMPORT_MAX_BYTES,
 * YULIAN_IMPORT_RATE_LIMIT_PER_MINUTE and the read limits' variables (read-limits.ts LIMIT_ENV).
 */
export interface ImportOptions extends ReadLimits {
  /** Records per statement in the batched UNWIND writes (both engines; all Neo4j writes). */
  batchSize: number;
  /** Largest upload accepted; larger ones get 413. */
  maxBytes: number;
  /** Uploads (dry runs and commits) one user may send per minute; more get 429. */
  ratePerMinute: number;
}

export const defaultImportOptions: ImportOptions = {
  batchSize: 10_000,
  // 256 MiB: a million order rows as CSV are 90–130 MB (longer with a source sentence on each).
  maxBytes: 256 * 1024 * 1024,
  // The web page sends two per import (a dry run, then the commit); ten leave room for retries.
  ratePerMinute: 10,
  ...defaultReadLimits,
};
