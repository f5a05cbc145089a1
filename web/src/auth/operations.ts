import { gql } from '../api/client';

/** Accounts as the API's `User` type has them (schema: server/src/graphql/auth.ts). */

export type Role = 'ADMIN' | 'BUREAU' | 'INVESTMENT' | 'FIRM';

export const ROLES: readonly Role[] = ['ADMIN', 'BUREAU', 'INVESTMENT', 'FIRM'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export interface User {
  id: string;
  username: string;
  displayName: string | null;
  role: Role;
  /** The district of a BUREAU or INVESTMENT user. */
  districtCode: string | null;
  /** The firm of a FIRM user. */
  firmId: string | null;
}

const USER_FIELDS = 'id username displayName role districtCode firmId';

export const ME_QUERY = gql<{ me: User | null }>(/* GraphQL */ `
  query Me { me { ${USER_FIELDS} } }
`);

/** Also sets the httpOnly session cookie, which is what signs in the page's later requests. */
export const LOGIN_MUTATION = gql<
  { login: { expiresAt: string; user: User } },
  { username: string; password: string }
>(/* GraphQL */ `
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) { expiresAt user { ${USER_FIELDS} } }
  }
`);

export const LOGOUT_MUTATION = gql<{ logout: boolean }>(/* GraphQL */ `
  mutation Logout { logout }
`);
