import { GraphQLError } from 'graphql';
import type { z } from 'zod';
import { StoreError } from '../store/errors';

/** Errors the API answers on purpose. Anything else is masked by yoga as an unexpected error. */

export function badInput(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field } });
}

export function notFound(what: string, id: string): GraphQLError {
  return new GraphQLError(`${what} ${JSON.stringify(id)} does not exist`, { extensions: { code: 'NOT_FOUND' } });
}

/**
 * Validates `value` with a shared zod schema; every problem is named by its field path under `root`.
 * An empty `root` names a field argument itself (a mutation's several arguments validated together).
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, root: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    field: [...(root ? [root] : []), ...issue.path.map(String)].join('.') || 'input',
    message: issue.message,
  }));
  const first = issues[0] ?? { field: root || 'input', message: 'is invalid' };
  return throwError(
    new GraphQLError(issues.map((i) => `${i.field}: ${i.message}`).join('; '), {
      extensions: { code: 'BAD_USER_INPUT', field: first.field, issues },
    }),
  );
}

function throwError(error: GraphQLError): never {
  throw error;
}

/** Store failures that a caller can act on get a code; the rest stay unexpected and are masked. */
export function fromStoreError(error: unknown): unknown {
  if (error instanceof StoreError) {
    if (error.code === 'TIMEOUT') {
      return new GraphQLError('the query took too long; narrow it down', { extensions: { code: 'TIMEOUT' } });
    }
    if (error.code === 'UNAVAILABLE') {
      return new GraphQLError('the graph store is not available', { extensions: { code: 'UNAVAILABLE' } });
    }
    // Two writers created the same key at once (the store's uniqueness constraint caught it): the
    // client's change is sound and only lost a race, so it is told to try again, not "unexpected error".
    if (error.code === 'CONSTRAINT_VIOLATION') {
      return new GraphQLError('the change collided with another one made at the same moment; nothing was written, try again', {
        extensions: { code: 'CONFLICT' },
      });
    }
    if (error.code === 'TOO_LARGE') {
      return new GraphQLError('the change is larger than the graph store takes at once; nothing was written', {
        extensions: { code: 'TOO_LARGE' },
      });
    }
    if (error.code === 'TRANSIENT') {
      return new GraphQLError('the graph store was briefly unable to take the change; nothing was written, try again', {
        extensions: { code: 'TRANSIENT' },
      });
    }
  }
  return error;
}

export function forbidden(what: string): GraphQLError {
  return new GraphQLError(`not allowed to ${what}`, { extensions: { code: 'FORBIDDEN' } });
}

export function unauthenticated(): GraphQLError {
  return new GraphQLError('sign in first', { extensions: { code: 'UNAUTHENTICATED' } });
}
