/**
 * The numbers behind the hardened /graphql endpoint, in one place so they can be read and tuned
 * together. The operation limits are measured against the deepest and largest operations the web
 * app and the test suites send (see test/src/security/hardening.test.ts), with room to spare.
 */

/**
 * Field nesting, counted from the root field to the deepest leaf; fragments do not count as a
 * level. The web app's deepest operation is 5 (firms → edges → node → district → code), the tests'
 * is 7 (firms → edges → node → suppliers → firm → district → code); 10 leaves room for a segment's
 * parent of a parent, but stops the firm → suppliers → firm → customers → … chains that only serve
 * to multiply work.
 */
export const MAX_DEPTH = 10;

/** Aliases per operation: a screen asks for a few named variants; hundreds are an amplification attack. */
export const MAX_ALIASES = 15;

/** Directives per operation: @include/@skip on a handful of fields is all a client needs. */
export const MAX_DIRECTIVES = 10;

/**
 * Lexical tokens per document. The largest operation in the code base is under 130 tokens and the
 * introspection query GraphiQL sends under 260; 3,000 bounds parse time without surprising anyone.
 */
export const MAX_TOKENS = 3_000;

/**
 * Open brackets ({, [, () nested inside each other. Selections are at most MAX_DEPTH deep and this
 * API's inputs nest two levels; the bound keeps graphql-js's recursive parser far from the stack's end.
 */
export const MAX_NESTING = 32;

/**
 * Estimated cost per operation (see cost.ts for the model). The web app's cluster query costs about
 * 11,300, the largest operations in the tests 32,500 (500 firms with capabilities and all trade
 * flows) and 18,000 (100 firms with six nested lists); a page of 500 firms with their suppliers'
 * suppliers costs 111,000, and 500 firms with 500 orders each 501,500.
 */
export const MAX_COST = 100_000;

/** The API refuses pages larger than this (paginationSchema in @yulian/schema); cost counts no more. */
export const MAX_PAGE_SIZE = 500;
/** The page size a connection returns when `first` is left out (graphql/pagination.ts). */
export const DEFAULT_PAGE_SIZE = 50;
/** How many items a list directly under Query is assumed to hold (districts, segments, flows, ties). */
export const ROOT_LIST_SIZE = 100;
/** How many items a nested list is assumed to hold (a firm's capabilities, suppliers, ties, …). */
export const NESTED_LIST_SIZE = 10;

/** What a deployment tunes through config.ts. */
export interface SecurityOptions {
  /** Largest request body /graphql reads, in bytes; larger ones get 413. */
  bodyLimitBytes: number;
  /** Requests per minute one client address may send to /graphql without a valid session; more get 429. */
  rateLimitPerMinute: number;
  /** Requests per minute one signed-in user may send, from any number of addresses; more get 429. */
  rateLimitPerUserPerMinute: number;
  /**
   * Which reverse proxies to believe about the client's address (express's `trust proxy`): false
   * (the default: the socket's peer is the client), a hop count, or addresses and subnets.
   */
  trustProxy: false | number | string;
}

export const defaultSecurity: SecurityOptions = {
  bodyLimitBytes: 100 * 1024,
  rateLimitPerMinute: 300,
  rateLimitPerUserPerMinute: 600,
  trustProxy: false,
};
