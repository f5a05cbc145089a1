import type { Request } from 'express';
import { Kind, parse } from 'graphql';
import { MAX_TOKENS } from './limits';

/**
 * Whether a /graphql request runs a mutation, so that the reads it makes go ahead of page loads
 * (store/read-priority.ts). Read from the raw body before yoga parses it again; anything this
 * cannot read (a GET, a malformed body, a document past the token limit) is simply not marked, and
 * yoga then answers it as it would have.
 */
export function asksForMutation(req: Request): boolean {
  if (!Buffer.isBuffer(req.body)) return false;
  try {
    const body: unknown = JSON.parse(req.body.toString('utf8'));
    if (typeof body !== 'object' || body === null || !('query' in body) || typeof body.query !== 'string') return false;
    const name = 'operationName' in body && typeof body.operationName === 'string' ? body.operationName : null;
    const operations = parse(body.query, { maxTokens: MAX_TOKENS }).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    const chosen = name === null ? (operations.length === 1 ? operations[0] : undefined) : operations.find((o) => o.name?.value === name);
    return chosen?.operation === 'mutation';
  } catch {
    return false;
  }
}
