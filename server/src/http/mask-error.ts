import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError, type MaskError } from 'graphql-yoga';
import { fromStoreError } from '../graphql/errors';

/**
 * What an error may tell the client. Errors the API raises on purpose (GraphQLErrors with a code)
 * pass as they are; a store timeout or an unreachable store becomes TIMEOUT / UNAVAILABLE, which
 * a client can act on; everything else becomes "Unexpected error." with INTERNAL_SERVER_ERROR.
 *
 * Decision: development mode shows no more than production. Yoga's own development masking puts the
 * original error's message, stack and cause in the answer, and a store error's message can quote
 * Cypher and file paths; the server log (yoga logs every masked error with its stack) is where a
 * developer reads them, so nothing depends on NODE_ENV being set right in production.
 */
export const maskError: MaskError = (error, message) => {
  const cause = error instanceof GraphQLError ? error.originalError : error;
  const known = cause === undefined ? cause : fromStoreError(cause);
  if (known instanceof GraphQLError && known !== cause) {
    const located = error instanceof GraphQLError ? error : undefined;
    return new GraphQLError(known.message, {
      nodes: located?.nodes,
      source: located?.source,
      positions: located?.positions,
      path: located?.path,
      extensions: known.extensions,
    });
  }
  return yogaMaskError(error, message, false);
};
