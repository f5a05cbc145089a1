import type { Query } from '../port';
import {
  countUsers,
  createSession,
  createUser,
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  listUsers,
  sessionWithUser,
  setUserDisabled,
  setUserPassword,
  userByUsername,
  usersByIds,
  usersByUsernames,
} from './users';

/** Examples of the accounts and sessions queries, for catalogueExamples() (kept apart to spare merges). */

const userId = '3b2f4a7e-9c1d-4e8a-b5f6-0a1b2c3d4e5f';
const sessionId = 'Xq2u7c4mJ0k3y8WfQ1nR5tZ9vB6sL2dH0eP4aG7iK1o';
const hash = 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA$' + 'h'.repeat(86);

export function userExamples(): Query[] {
  return [
    userByUsername('hechuan-bureau'),
    usersByIds([userId]),
    usersByUsernames(['admin', 'anrui']),
    listUsers(0, 51),
    countUsers(),
    createUser({
      id: userId,
      username: 'hechuan-bureau',
      displayName: '合川区经信委',
      passwordHash: hash,
      role: 'BUREAU',
      districtCode: '500117',
      firmId: null,
      disabled: false,
      createdAt: '2025-05-14T09:00:00.000Z',
      updatedAt: '2025-05-14T09:00:00.000Z',
    }),
    setUserPassword(userId, hash, '2025-05-14T10:00:00.000Z'),
    setUserDisabled(userId, true, '2025-05-14T11:00:00.000Z'),
    createSession({ id: sessionId, userId, createdAt: '2025-05-14T09:00:00.000Z', expiresAt: '2025-05-14T21:00:00.000Z' }),
    sessionWithUser(sessionId, '2025-05-14T12:00:00.000Z'),
    deleteSession(sessionId),
    deleteSessionsOfUser(userId),
    deleteExpiredSessions('2025-05-14T12:00:00.000Z'),
  ];
}
