/**
 * The CLI's two expected failures, each with its exit code: 1 for what the caller typed or piped
 * in (the message names the argument), 2 for a store that cannot be opened or used.
 */

export class UsageError extends Error {
  readonly exitCode = 1;
  override name = 'UsageError';
}

export class StoreProblem extends Error {
  readonly exitCode = 2;
  override name = 'StoreProblem';
}
