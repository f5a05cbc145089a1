import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../store/embedded/adapter';
import { createUser, setUserDisabled } from '../store/queries';
import { endSession, sessionIdOf, startSession, viewerForToken } from './sessions';

/** The kept viewers never outlive a sign-out, a disabled user, or a session's expiry. */
let dir: string;
let store: EmbeddedStore;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'yulian-viewer-cache-'));
  store = await EmbeddedStore.open({ dataDir: dir, maxDbSizeBytes: 2 ** 30 });
  await store.ensureSchema();
  const now = new Date().toISOString();
  await store.write(async (tx) => {
    for (const id of ['u1', 'u2']) {
      await tx.run(createUser({ id, username: id, displayName: null, passwordHash: 'x', role: 'ADMIN', districtCode: null, firmId: null, disabled: false, createdAt: now, updatedAt: now }));
    }
  });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('viewer cache', () => {
  it('keeps a viewer across a commit that touches no session or user', async () => {
    const { token } = await startSession(store, 'u1');
    expect((await viewerForToken(store, token))?.userId).toBe('u1');
    await store.write(async (tx) => tx.note({ entity: 'Firm', firmIds: ['f'] }));
    expect((await viewerForToken(store, token))?.userId).toBe('u1');
  });

  it('forgets a viewer at sign-out', async () => {
    const { token } = await startSession(store, 'u1');
    expect(await viewerForToken(store, token)).not.toBeNull();
    await endSession(store, sessionIdOf(token));
    expect(await viewerForToken(store, token)).toBeNull();
  });

  it('forgets a viewer when a commit that does not describe itself disables the user', async () => {
    const { token } = await startSession(store, 'u2');
    expect(await viewerForToken(store, token)).not.toBeNull();
    await store.write((tx) => tx.run(setUserDisabled('u2', true, new Date().toISOString())));
    expect(await viewerForToken(store, token)).toBeNull();
  });

  it('refuses a kept viewer once its session has expired', async () => {
    const { token, expiresAt } = await startSession(store, 'u1');
    expect(await viewerForToken(store, token)).not.toBeNull();
    expect(await viewerForToken(store, token, new Date(Date.parse(expiresAt) + 1))).toBeNull();
  });
});
