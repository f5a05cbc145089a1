import { describe, expect, it } from 'vitest';
import { GraphQLRequestError } from '../../api/client';
import { readRefusal } from './refusal';

const refused = (field: string, message: string) =>
  new GraphQLRequestError([{ message, path: ['recordOrder'], extensions: { code: 'BAD_USER_INPUT', field } }]);

const FIELDS = { amountCny: 'amount', supplierId: 'counterparty', certifications: 'certifications' } as const;

describe('reading a refused save', () => {
  it('names the form field and keeps the server’s reason without the path', () => {
    expect(readRefusal(refused('input.amountCny', 'input.amountCny: must not be negative'), FIELDS)).toEqual({
      field: 'amount',
      reason: 'must not be negative',
    });
  });

  it('gives a path into a list to the list’s field', () => {
    expect(readRefusal(refused('input.certifications.2', 'input.certifications.2: must not be empty'), FIELDS)).toEqual({
      field: 'certifications',
      reason: 'must not be empty',
    });
  });

  it('reads an argument named without "input."', () => {
    expect(readRefusal(refused('supplierId', 'supplierId: unknown firm "x"'), FIELDS)).toEqual({ field: 'counterparty', reason: 'unknown firm "x"' });
  });

  it('leaves a field the form lacks, or none, to the form as a whole with the whole message', () => {
    expect(readRefusal(refused('input.id', 'input.id: must not be empty'), FIELDS)).toEqual({ field: null, reason: 'input.id: must not be empty' });
    expect(readRefusal(refused('input.constructor', 'input.constructor: odd'), FIELDS).field).toBeNull();
    const forbidden = new GraphQLRequestError([{ message: 'not allowed to edit firm aofang', extensions: { code: 'FORBIDDEN' } }]);
    expect(readRefusal(forbidden, FIELDS)).toEqual({ field: null, reason: 'not allowed to edit firm aofang' });
    expect(readRefusal(new Error('The API answered HTTP 502 Bad Gateway'), FIELDS).reason).toBe('The API answered HTTP 502 Bad Gateway');
  });
});
