import { Neo4jStore } from '@yulian/server/neo4j';
import { describe, it } from 'vitest';
import { describeStoreContract } from './store-contract';

const uri = process.env.NEO4J_URI;

if (uri) {
  // The suite empties the database first: point NEO4J_URI/NEO4J_DATABASE at a scratch database.
  describeStoreContract('neo4j', async () => {
    const store = await Neo4jStore.open({
      uri,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      database: process.env.NEO4J_DATABASE ?? 'neo4j',
    });
    await store.write((tx) => tx.run({ name: 'wipe', cypher: 'MATCH (n) DETACH DELETE n', params: {} }));
    await store.ensureSchema();
    return { store, close: () => store.close() };
  });
} else {
  describe('store contract: neo4j', () => {
    it.skip('runs when NEO4J_URI points at a scratch Neo4j 5 database', () => {});
  });
}
