import { randomUUID } from 'node:crypto';
import type { UserInput } from '@yulian/schema';
import type { Transaction } from '../store/port';
import {
  createUser,
  deleteSessionsOfUser,
  setUserDisabled,
  setUserPassword,
  usersByIds,
  type NewUserRow,
  type PublicUserRow,
  type UserRow,
} from '../store/queries';
import { hashPassword } from './passwords';

/**
 * Account changes shared by the admin API, the CLI and the demo accounts. Each step runs inside the
 * caller's write transaction, so the caller can add its audit record to the same commit; password
 * hashing (tens of milliseconds) happens before, outside the one-writer queue.
 */

export interface ScopeProblem {
  field: 'districtCode' | 'firmId';
  message: string;
}

/**
 * The shared schema requires a district for BUREAU and INVESTMENT and a firm for FIRM. This also
 * refuses a scope a role does not use: authorization reads `districtCode` and `firmId`, and a stray
 * value on an account would be a grant nobody meant to give.
 */
export function scopeProblems(input: Pick<UserInput, 'role' | 'districtCode' | 'firmId'>): ScopeProblem[] {
  const problems: ScopeProblem[] = [];
  const usesDistrict = input.role === 'BUREAU' || input.role === 'INVESTMENT';
  if (input.districtCode && !usesDistrict) {
    problems.push({ field: 'districtCode', message: `only BUREAU and INVESTMENT users belong to a district, not ${input.role}` });
  }
  if (input.firmId && input.role !== 'FIRM') {
    problems.push({ field: 'firmId', message: `only FIRM users belong to a firm, not ${input.role}` });
  }
  return problems;
}

/** The stored record of a new user, password hashed. */
export async function newUserRecord(input: UserInput, now: Date): Promise<NewUserRow> {
  const at = now.toISOString();
  return {
    id: randomUUID(),
    username: input.username,
    displayName: input.displayName ?? null,
    passwordHash: await hashPassword(input.password),
    role: input.role,
    districtCode: input.districtCode ?? null,
    firmId: input.firmId ?? null,
    disabled: false,
    createdAt: at,
    updatedAt: at,
  };
}

/** Inserts the user; false when the username is taken (nothing is written then). */
export async function insertUser(tx: Transaction, record: NewUserRow): Promise<boolean> {
  const rows = await tx.run(createUser(record));
  return rows.length === 1;
}

/** Replaces the password and ends every session of the user. Returns the sessions ended. */
export async function replacePassword(tx: Transaction, userId: string, passwordHash: string, now: Date): Promise<number> {
  await tx.run(setUserPassword(userId, passwordHash, now.toISOString()));
  return endSessionsOf(tx, userId);
}

/** Disabling ends the user's sessions at once; a token must not outlive the decision. */
export async function changeDisabled(tx: Transaction, userId: string, disabled: boolean, now: Date): Promise<number> {
  await tx.run(setUserDisabled(userId, disabled, now.toISOString()));
  return disabled ? endSessionsOf(tx, userId) : 0;
}

async function endSessionsOf(tx: Transaction, userId: string): Promise<number> {
  const [row] = await tx.run(deleteSessionsOfUser(userId));
  return row?.deleted ?? 0;
}

/** A user read inside a transaction, for before/after audit records. */
export async function userInTx(tx: Transaction, id: string): Promise<PublicUserRow | null> {
  const [row] = await tx.run(usersByIds([id]));
  return row ?? null;
}

/** Strips what must never leave the server: the hash. */
export function publicUser(row: UserRow | NewUserRow | PublicUserRow): PublicUserRow {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    districtCode: row.districtCode,
    firmId: row.firmId,
    disabled: row.disabled,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
