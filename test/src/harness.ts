import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { articleDataset } from '@yulian/seed';
import { randomUUID } from 'node:crypto';
import type { Role } from '@yulian/schema';
import { createApp, EmbeddedStore, hashPassword, loadDataset, queries, type GraphStore } from '@yulian/server';
import { Neo4jStore } from '@yulian/server/neo4j';
import { inject } from 'vitest';
import { neo4jCredentials, neo4jUri } from './neo4j/uri';

/** Each test store reserves this much address space instead of the engine's default 8 TiB. */
const TEST_DB_BYTES = 2 ** 33;

export interface TempStore {
  store: EmbeddedStore;
  dir: string;
  close(): Promise<void>;
}

/**
 * The store the API suites run on: the embedded store, or in vitest's "neo4j" project (which
 * provides `testStore`) this worker's Neo4j database, emptied first.
 */
export function testStoreKind(): 'embedded' | 'neo4j' {
  return inject('testStore') === 'neo4j' ? 'neo4j' : 'embedded';
}

export interface TestStore {
  store: GraphStore;
  close(): Promise<void>;
}

/** A fresh store of the suite's kind (TEST_STORE_KIND), seeded with the article's data unless told not to. */
export async function openTestStore({ seed = true } = {}): Promise<TestStore> {
  return testStoreKind() === 'embedded' ? openTempStore({ seed }) : openNeo4jTestStore({ seed });
}

export interface Neo4jTestStore extends TestStore {
  /** The Bolt URI of its database, for a second connection (a second server) to the same data. */
  uri: string;
}

/** This worker's database slots (test/src/neo4j/uri.ts) that an open store is using. */
const slotsInUse = new Set<number>();

/**
 * One of this worker's Neo4j databases (test/src/neo4j/uri.ts) not in use by another open store,
 * emptied and given the schema, seeded unless told not to.
 */
export async function openNeo4jTestStore({ seed = true } = {}): Promise<Neo4jTestStore> {
  let slot = 0;
  while (slotsInUse.has(slot)) slot += 1;
  const uri = neo4jUri(slot);
  slotsInUse.add(slot);
  try {
    const store = await Neo4jStore.open({ uri, ...neo4jCredentials, queryTimeoutMs: 30_000 });
    await store.write((tx) => tx.run({ name: 'wipe', cypher: 'MATCH (n) DETACH DELETE n', params: {} }));
    await store.ensureSchema();
    if (seed) await loadDataset(store, articleDataset, new Date('2025-05-14T00:00:00Z'));
    return {
      store,
      uri,
      async close() {
        await store.close();
        slotsInUse.delete(slot);
      },
    };
  } catch (error) {
    slotsInUse.delete(slot);
    throw error;
  }
}

/** A fresh embedded store in a temporary folder, removed on close. */
export async function openTempStore({ seed = true } = {}): Promise<TempStore> {
  const dir = mkdtempSync(path.join(tmpdir(), 'yulian-test-'));
  const store = await EmbeddedStore.open({ dataDir: dir, maxDbSizeBytes: TEST_DB_BYTES, queryTimeoutMs: 30_000 });
  await store.ensureSchema();
  if (seed) await loadDataset(store, articleDataset, new Date('2025-05-14T00:00:00Z'));
  return {
    store,
    dir,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestServer {
  url: string;
  store: GraphStore;
  close(): Promise<void>;
}

type AppOptions = Parameters<typeof createApp>[0];

export interface TestServerOptions {
  seed?: boolean;
  development?: boolean;
  /**
   * Overrides of the endpoint's limits. The rate limits default to 10,000 a minute here: every
   * request of a suite comes from one loopback address, often as one user, and only the rate-limit
   * tests want less.
   */
  security?: AppOptions['security'];
  /** The sign-in delays' numbers (see test/src/security/throttling.test.ts). */
  signInThrottle?: AppOptions['signInThrottle'];
  /**
   * Batch size, upload and read limits of /api/import. Its per-user rate defaults to 10,000 a
   * minute here: suites send many uploads as one user, and only the rate-limit test wants less.
   */
  imports?: AppOptions['imports'];
}

/** The real express app over a seeded embedded store, listening on a free loopback port. */
export async function startTestServer({ seed = true, development = false, security, imports, signInThrottle }: TestServerOptions = {}): Promise<TestServer> {
  const temp = await openTestStore({ seed });
  const app = createApp({
    store: temp.store,
    development,
    security: { rateLimitPerMinute: 10_000, rateLimitPerUserPerMinute: 10_000, ...security },
    imports: { ratePerMinute: 10_000, ...imports },
    signInThrottle,
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store: temp.store,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await temp.close();
    },
  };
}

export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** Posts one GraphQL operation over HTTP as a browser or API client would. */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<T>> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphQLResponse<T>;
}

/** Like gql, but fails the test on any GraphQL error. */
export async function gqlData<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const res = await gql<T>(url, query, variables);
  if (res.errors?.length || !res.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
  }
  return res.data;
}

type FirmWrite = Parameters<typeof queries.upsertFirm>[0];

/** A complete firm record for direct store writes in tests; only what a test cares about is given. */
export function firmWrite(fields: Pick<FirmWrite, 'id' | 'nameZh' | 'nameEn' | 'districtCode'> & Partial<FirmWrite>): FirmWrite {
  return {
    shortNameZh: null, shortNameEn: null, creditCode: null, isChainLeader: false, isOem: false, isRecycler: false,
    outputCny: null, outputYear: null, yieldRate: null, certifications: [], lat: null, lng: null, notes: null,
    synthetic: false, source: null, updatedAt: '2025-01-01T00:00:00Z',
    ...fields,
  };
}

export interface UserSpec {
  username: string;
  password: string;
  role: Role;
  districtCode?: string;
  firmId?: string;
  disabled?: boolean;
  displayName?: string;
}

/** A user who can sign in with a password, written straight to the store; returns the user's id. */
export async function createUserWithPassword(store: GraphStore, spec: UserSpec): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  const passwordHash = await hashPassword(spec.password);
  const created = await store.write((tx) =>
    tx.run(
      queries.createUser({
        id, username: spec.username, displayName: spec.displayName ?? null, passwordHash, role: spec.role,
        districtCode: spec.districtCode ?? null, firmId: spec.firmId ?? null, disabled: spec.disabled ?? false,
        createdAt: now, updatedAt: now,
      }),
    ),
  );
  if (created.length !== 1) throw new Error(`username ${spec.username} is taken`);
  return id;
}

/** Signs in over HTTP with the login mutation; fails the test unless it succeeds. */
export async function signIn(url: string, username: string, password: string): Promise<string> {
  const data = await gqlData<{ login: { token: string } }>(
    url,
    'mutation L($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    { u: username, p: password },
  );
  return data.login.token;
}
