/**
 * Typed store errors. Adapters map engine-specific failures to these so that the API layer can
 * answer with a stable code without knowing which engine is behind the port.
 */

export type StoreErrorCode =
  | 'CONSTRAINT_VIOLATION'
  | 'UNAVAILABLE'
  | 'TIMEOUT'
  | 'QUERY_ERROR'
  | 'TRANSIENT'
  /** The change is larger than the engine lets one transaction hold; retrying cannot help. */
  | 'TOO_LARGE';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly queryName?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}
