import { createHash, randomBytes } from 'node:crypto';
import type { StoreChange } from '../store/changes';
import type { GraphStore } from '../store/port';
import { createSession, deleteSession, sessionWithUser } from '../store/queries';
import { viewerCacheFor } from './viewer-cache';
import type { Viewer } from './viewer';

/** A session write touches no firm: kept facts about firms stay valid across sign-ins and sign-outs. */
export const SESSION_CHANGE: StoreChange = { entity: 'Session', firmIds: [] };

/** How long a sign-in lasts. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/**
 * The token goes to the client; only its SHA-256 is stored as the session id, so reading the
 * database does not let anyone sign in. 32 random bytes make guessing pointless.
 */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export async function startSession(store: GraphStore, userId: string, now = new Date()): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
  await store.write((tx) => {
    tx.note(SESSION_CHANGE);
    return tx.run(createSession({ id: sessionIdOf(token), userId, createdAt: now.toISOString(), expiresAt }));
  });
  return { token, expiresAt };
}

/** The viewer a token stands for, or null when it is unknown, expired, or its user is disabled. */
export async function viewerForToken(store: GraphStore, token: string, now = new Date()): Promise<Viewer | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const sessionId = sessionIdOf(token);
  const cache = viewerCacheFor(store);
  const kept = cache.get(sessionId, now);
  if (kept) return kept;
  // Counted before the read: a commit landing during it leaves the entry unkept rather than stale.
  const generation = store.committedWrites;
  const [row] = await store.read(sessionWithUser(sessionId, now.toISOString()));
  if (!row) return null;
  const viewer: Viewer = {
    userId: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    districtCode: row.districtCode,
    firmId: row.firmId,
    sessionId: row.sessionId,
  };
  cache.set(sessionId, { viewer, expiresAt: row.expiresAt }, generation);
  return viewer;
}

export async function endSession(store: GraphStore, sessionId: string): Promise<void> {
  await store.write((tx) => {
    tx.note(SESSION_CHANGE);
    return tx.run(deleteSession(sessionId));
  });
}
