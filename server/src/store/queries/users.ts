import type { Role } from '@yulian/schema';
import { defineQuery } from './define';

export type UserRow = {
  id: string;
  username: string;
  displayName: string | null;
  passwordHash: string;
  role: Role;
  districtCode: string | null;
  firmId: string | null;
  disabled: boolean;
  failedLogins: number | null;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
};

const userColumns = `u.id AS id, u.username AS username, u.displayName AS displayName, u.passwordHash AS passwordHash,
  u.role AS role, u.districtCode AS districtCode, u.firmId AS firmId, u.disabled AS disabled,
  u.failedLogins AS failedLogins, u.lockedUntil AS lockedUntil, u.createdAt AS createdAt, u.updatedAt AS updatedAt`;

export const userByUsername = defineQuery<[string], UserRow>('userByUsername', (username) => ({
  cypher: `MATCH (u:User) WHERE u.username = $username RETURN ${userColumns}`,
  params: { username },
}));

export const usersByIds = defineQuery<[readonly string[]], UserRow>('usersByIds', (ids) => ({
  cypher: `MATCH (u:User) WHERE u.id IN $ids RETURN ${userColumns}`,
  params: { ids: [...ids] },
}));

export const listUsers = defineQuery<[number, number], UserRow>('listUsers', (skip, limit) => ({
  cypher: `MATCH (u:User) RETURN ${userColumns} ORDER BY username SKIP $skip LIMIT $limit`,
  params: { skip, limit },
}));

export const countUsers = defineQuery<[], { total: number }>('countUsers', () => ({
  cypher: `MATCH (u:User) RETURN count(u) AS total`,
  params: {},
}));

export const createUser = defineQuery<[Omit<UserRow, 'failedLogins' | 'lockedUntil'>], { id: string }>('createUser', (u) => ({
  cypher: `CREATE (u:User {id: $id, username: $username, displayName: $displayName, passwordHash: $passwordHash,
      role: $role, districtCode: $districtCode, firmId: $firmId, disabled: $disabled, failedLogins: 0,
      createdAt: $createdAt, updatedAt: $updatedAt})
    RETURN u.id AS id`,
  params: { ...u },
}));

export const setUserPassword = defineQuery<[string, string, string], { id: string }>(
  'setUserPassword',
  (id, passwordHash, updatedAt) => ({
    cypher: `MATCH (u:User {id: $id})
      SET u.passwordHash = $passwordHash, u.failedLogins = 0, u.lockedUntil = NULL, u.updatedAt = $updatedAt
      RETURN u.id AS id`,
    params: { id, passwordHash, updatedAt },
  }),
);

export const setUserDisabled = defineQuery<[string, boolean, string], { id: string }>(
  'setUserDisabled',
  (id, disabled, updatedAt) => ({
    cypher: `MATCH (u:User {id: $id}) SET u.disabled = $disabled, u.updatedAt = $updatedAt RETURN u.id AS id`,
    params: { id, disabled, updatedAt },
  }),
);

/** Records a failed sign-in; `lockedUntil` is set by the caller once the count reaches the limit. */
export const recordFailedLogin = defineQuery<[string, number, string | null], { id: string }>(
  'recordFailedLogin',
  (id, failedLogins, lockedUntil) => ({
    cypher: `MATCH (u:User {id: $id}) SET u.failedLogins = $failedLogins, u.lockedUntil = $lockedUntil RETURN u.id AS id`,
    params: { id, failedLogins, lockedUntil },
  }),
);

export const clearFailedLogins = defineQuery<[string], { id: string }>('clearFailedLogins', (id) => ({
  cypher: `MATCH (u:User {id: $id}) SET u.failedLogins = 0, u.lockedUntil = NULL RETURN u.id AS id`,
  params: { id },
}));

export type SessionRow = { id: string; userId: string; createdAt: string; expiresAt: string };

export const createSession = defineQuery<[SessionRow], { id: string }>('createSession', (s) => ({
  cypher: `CREATE (s:Session {id: $id, userId: $userId, createdAt: $createdAt, expiresAt: $expiresAt}) RETURN s.id AS id`,
  params: { ...s },
}));

/** The live session with this id, with its user, if the user is not disabled. */
export const sessionWithUser = defineQuery<[string, string], UserRow & { sessionId: string; expiresAt: string }>(
  'sessionWithUser',
  (sessionId, now) => ({
    cypher: `MATCH (s:Session {id: $sessionId})
      WHERE s.expiresAt > $now
      MATCH (u:User {id: s.userId})
      WHERE u.disabled = false
      RETURN s.id AS sessionId, s.expiresAt AS expiresAt, ${userColumns}`,
    params: { sessionId, now },
  }),
);

export const deleteSession = defineQuery<[string], { id: string }>('deleteSession', (id) => ({
  cypher: `MATCH (s:Session {id: $id}) WITH s, s.id AS deletedId DELETE s RETURN deletedId AS id`,
  params: { id },
}));

export const deleteSessionsOfUser = defineQuery<[string], { deleted: number }>('deleteSessionsOfUser', (userId) => ({
  cypher: `MATCH (s:Session) WHERE s.userId = $userId WITH s DELETE s RETURN count(*) AS deleted`,
  params: { userId },
}));

export const deleteExpiredSessions = defineQuery<[string], { deleted: number }>('deleteExpiredSessions', (now) => ({
  cypher: `MATCH (s:Session) WHERE s.expiresAt <= $now WITH s DELETE s RETURN count(*) AS deleted`,
  params: { now },
}));
