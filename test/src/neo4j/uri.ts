import { inject } from 'vitest';

/**
 * Each test worker has DATABASES_PER_WORKER Neo4j databases of its own (global-setup.ts): workers
 * run files one at a time, so a suite may empty its databases without disturbing another, and a
 * suite that compares two stores (an export from one imported into the other) has a second one.
 */
export const DATABASES_PER_WORKER = 2;

/** The Bolt URI of this worker's database number `slot` (0 or 1). */
export function neo4jUri(slot = 0): string {
  const uris = inject('neo4jUris');
  if (uris.length < DATABASES_PER_WORKER) {
    const uri = uris[slot];
    if (!uri) throw new Error(`this suite needs ${slot + 1} Neo4j databases at once; NEO4J_URI gives ${uris.length} (list them comma-separated)`);
    return uri;
  }
  const pool = Number(process.env.VITEST_POOL_ID ?? '1');
  const uri = uris[(pool - 1) * DATABASES_PER_WORKER + slot];
  if (!uri) throw new Error(`no Neo4j test database ${slot} for worker ${pool} (${uris.length} started)`);
  return uri;
}

export const neo4jCredentials = {
  user: process.env.NEO4J_USER ?? 'neo4j',
  password: process.env.NEO4J_PASSWORD ?? '',
  database: process.env.NEO4J_DATABASE ?? 'neo4j',
};
