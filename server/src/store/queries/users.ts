import type { Role } from '@yulian/schema';
import { defineQuery } from './define';

/** A user as the API and the CLI may show it: no password hash. */
export type PublicUserRow = {
  id: string;
  username: string;
  displayName: string | null;
  role: Role;
  districtCode: string | null;
  firmId: string | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
};

/** Everything sign-in needs; only `userByUsername` returns it, so the hash leaves the store on that path alone. */
export type UserRow = PublicUserRow & {
  passwordHash: string;
};

const publicColumns = `u.id AS id, u.username AS username, u.displayName AS displayName, u.role AS role,
  u.districtCode AS districtCode, u.firmId AS firmId, u.disabled AS disabled, u.createdAt AS createdAt, u.updatedAt AS updatedAt`;

const signInColumns = `${publicColumns}, u.passwordHash AS passwordHash`;

export const userByUsername = defineQuery<[string], UserRow>('userByUsername', (username) => ({
  cypher: `MATCH (u:User) WHERE u.username = $username RETURN ${signInColumns}`,
  params: { username },
}));

export const usersByIds = defineQuery<[readonly string[]], PublicUserRow>('usersByIds', (ids) => ({
  cypher: `MATCH (u:User) WHERE u.id IN $ids RETURN ${publicColumns}`,
  params: { ids: [...ids] },
}));

export const usersByUsernames = defineQuery<[readonly string[]], PublicUserRow>('usersByUsernames', (usernames) => ({
  cypher: `MATCH (u:User) WHERE u.username IN $usernames RETURN ${publicColumns}`,
  params: { usernames: [...usernames] },
}));

export const listUsers = defineQuery<[number, number], PublicUserRow>('listUsers', (skip, limit) => ({
  cypher: `MATCH (u:User) RETURN ${publicColumns} ORDER BY username SKIP $skip LIMIT $limit`,
  params: { skip, limit },
}));

export const countUsers = defineQuery<[], { total: number }>('countUsers', () => ({
  cypher: `MATCH (u:User) RETURN count(u) AS total`,
  params: {},
}));

export type NewUserRow = UserRow;

/**
 * Creates the user unless the username is taken, in which case it returns no row. Neither engine
 * has a uniqueness constraint on `username` (only on the key), so the check lives in the statement;
 * the embedded store runs one write at a time, which makes it atomic there.
 */
export const createUser = defineQuery<[NewUserRow], { id: string }>('createUser', (u) => ({
  cypher: `OPTIONAL MATCH (taken:User {username: $username})
    WITH count(taken) AS holders
    WHERE holders = 0
    CREATE (u:User {id: $id, username: $username, displayName: $displayName, passwordHash: $passwordHash,
      role: $role, districtCode: $districtCode, firmId: $firmId, disabled: $disabled,
      createdAt: $createdAt, updatedAt: $updatedAt})
    RETURN u.id AS id`,
  params: { ...u },
}));

export const setUserPassword = defineQuery<[string, string, string], { id: string }>(
  'setUserPassword',
  (id, passwordHash, updatedAt) => ({
    cypher: `MATCH (u:User {id: $id})
      SET u.passwordHash = $passwordHash, u.updatedAt = $updatedAt
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

export type SessionRow = { id: string; userId: string; createdAt: string; expiresAt: string };

export const createSession = defineQuery<[SessionRow], { id: string }>('createSession', (s) => ({
  cypher: `CREATE (s:Session {id: $id, userId: $userId, createdAt: $createdAt, expiresAt: $expiresAt}) RETURN s.id AS id`,
  params: { ...s },
}));

/** The live session with this id, with its user, if the user is not disabled. */
export const sessionWithUser = defineQuery<[string, string], PublicUserRow & { sessionId: string; expiresAt: string }>(
  'sessionWithUser',
  (sessionId, now) => ({
    cypher: `MATCH (s:Session {id: $sessionId})
      WHERE s.expiresAt > $now
      MATCH (u:User {id: s.userId})
      WHERE u.disabled = false
      RETURN s.id AS sessionId, s.expiresAt AS expiresAt, ${publicColumns}`,
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
