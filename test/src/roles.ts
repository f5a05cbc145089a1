import { randomUUID } from 'node:crypto';
import type { Role } from '@yulian/schema';
import { queries, startSession, type GraphStore } from '@yulian/server';
import type { GraphQLResponse } from './harness';

export interface Principal {
  role: Role;
  districtCode?: string;
  firmId?: string;
}

/**
 * A signed-in session for a fresh user of the given role, made directly in the store: tests of
 * what a role may do should not depend on the sign-in flow (which has tests of its own).
 */
export async function tokenFor(store: GraphStore, who: Principal): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await store.write((tx) =>
    tx.run(
      queries.createUser({
        id,
        username: `t-${who.role.toLowerCase()}-${id.slice(0, 8)}`,
        displayName: null,
        // Not a hash of anything: nobody signs in as this user with a password.
        passwordHash: 'test-user-without-password',
        role: who.role,
        districtCode: who.districtCode ?? null,
        firmId: who.firmId ?? null,
        disabled: false,
        createdAt: now,
        updatedAt: now,
      }),
    ),
  );
  return (await startSession(store, id)).token;
}

/** Posts one GraphQL operation with a bearer token (or none, for anonymous). */
export async function gqlAs<T = Record<string, unknown>>(
  url: string,
  token: string | null,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<T>> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphQLResponse<T>;
}

/** Like gqlAs, but fails the test on any GraphQL error. */
export async function gqlDataAs<T = Record<string, unknown>>(
  url: string,
  token: string | null,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const res = await gqlAs<T>(url, token, query, variables);
  if (res.errors?.length || !res.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
  return res.data;
}
