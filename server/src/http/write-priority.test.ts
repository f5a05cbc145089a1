import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { asksForMutation } from './write-priority';

const post = (body: unknown) => ({ body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)) }) as unknown as Request;

describe('asksForMutation', () => {
  it('marks a mutation, and only the operation named when there are several', () => {
    expect(asksForMutation(post({ query: 'mutation R($i: OrderInput!) { recordOrder(input: $i) { id } }' }))).toBe(true);
    expect(asksForMutation(post({ query: '# a comment\n mutation { logout }' }))).toBe(true);
    expect(asksForMutation(post({ query: '{ firms { totalCount } }' }))).toBe(false);
    const both = 'query Q { me { id } } mutation M { logout }';
    expect(asksForMutation(post({ query: both, operationName: 'M' }))).toBe(true);
    expect(asksForMutation(post({ query: both, operationName: 'Q' }))).toBe(false);
    expect(asksForMutation(post({ query: both }))).toBe(false);
  });

  it('leaves unmarked what it cannot read', () => {
    expect(asksForMutation({ body: undefined } as unknown as Request)).toBe(false);
    expect(asksForMutation(post('not json'))).toBe(false);
    expect(asksForMutation(post({ query: 'mutation {' }))).toBe(false);
    expect(asksForMutation(post({ query: `mutation { ${'a '.repeat(5000)} }` }))).toBe(false);
  });
});
