import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startSession } from '@yulian/server';
import { createUserWithPassword, openTempStore, type TempStore } from '../harness';

/**
 * Sign-ins and sign-outs write to the store; they describe their change (a session or a user, no
 * firm), so kept facts about firms survive them instead of being thrown away at every sign-in.
 */
let temp: TempStore;
beforeAll(async () => {
  temp = await openTempStore({ seed: false });
  await createUserWithPassword(temp.store, { username: 'noted', password: 'a long enough password', role: 'ADMIN' });
});
afterAll(() => temp.close());

describe('session writes describe their change', () => {
  it('a sign-in, a failed sign-in and a session start are noted, touching no firm', async () => {
    const before = temp.store.committedWrites;
    await login(temp.store, { username: 'noted', password: 'wrong password', clientAddress: '127.0.0.1' });
    const outcome = await login(temp.store, { username: 'noted', password: 'a long enough password', clientAddress: '127.0.0.1' });
    expect(outcome.ok).toBe(true);
    const changes = temp.store.changesSince(before);
    expect(changes).not.toBeNull();
    expect(new Set(changes?.map((c) => c.entity))).toEqual(new Set(['User', 'Session']));
    expect(changes?.every((c) => c.firmIds.length === 0)).toBe(true);
  });

  it('startSession alone is noted as a session', async () => {
    const before = temp.store.committedWrites;
    await startSession(temp.store, 'no-such-user');
    expect(temp.store.changesSince(before)).toEqual([{ entity: 'Session', firmIds: [] }]);
  });
});
