import { inject } from 'vitest';

/**
 * This worker's Neo4j database: workers run files one at a time, and each has a database of its
 * own (global-setup.ts), so a suite may empty it without disturbing another.
 */
export function neo4jUri(): string {
  const uris = inject('neo4jUris');
  if (uris.length === 1) return uris[0] as string;
  const pool = Number(process.env.VITEST_POOL_ID ?? '1');
  const uri = uris[pool - 1];
  if (!uri) throw new Error(`no Neo4j test database for worker ${pool} (${uris.length} started)`);
  return uri;
}

export const neo4jCredentials = {
  user: process.env.NEO4J_USER ?? 'neo4j',
  password: process.env.NEO4J_PASSWORD ?? '',
  database: process.env.NEO4J_DATABASE ?? 'neo4j',
};
