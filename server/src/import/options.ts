/** Import settings; config.ts reads them from YULIAN_IMPORT_BATCH_SIZE and YULIAN_IMPORT_MAX_BYTES. */
export interface ImportOptions {
  /** Records per statement in the batched UNWIND writes (both engines; all Neo4j writes). */
  batchSize: number;
  /** Largest upload accepted; larger ones get 413. */
  maxBytes: number;
}

export const defaultImportOptions: ImportOptions = {
  batchSize: 10_000,
  // 256 MiB: a million order rows as CSV are 90–130 MB (longer with a source sentence on each).
  maxBytes: 256 * 1024 * 1024,
};
