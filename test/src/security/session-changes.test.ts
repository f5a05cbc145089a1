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
  it('a sign-in is noted as a session, touching no firm; a failed one writes nothing', async () => {
    const before = temp.store.committedWrites;
    await login(temp.store, { username: 'noted', password: 'wrong password', clientAddress: '127.0.0.1' });
    expect(temp.store.committedWrites).toBe(before);
    const outcome = await login(temp.store, { username: 'noted', password: 'a long enough password', clientAddress: '127.0.0.1' });
    expect(outcome.ok).toBe(true);
    const changes = temp.store.changesSince(before);
    expect(changes).not.toBeNull();
    expect(new Set(changes?.map((c) => c.entity))).toEqual(new Set(['Session']));
    expect(changes?.every((c) => c.firmIds.length === 0)).toBe(true);
  });

  it('startSession alone is noted as a session', async () => {
    const before = temp.store.committedWrites;
    await startSession(temp.store, 'no-such-user');
    expect(temp.store.changesSince(before)).toEqual([{ entity: 'Session', firmIds: [] }]);
  });
});
