import { Neo4jStore } from '@yulian/server/neo4j';
import { neo4jCredentials, neo4jUri } from '../neo4j/uri';
import { describeStoreContract } from './store-contract';

// Runs on the test run's own Neo4j (test/src/neo4j/global-setup.ts); it empties the database first.
describeStoreContract('neo4j', async () => {
  const store = await Neo4jStore.open({ uri: neo4jUri(), ...neo4jCredentials });
  await store.write((tx) => tx.run({ name: 'wipe', cypher: 'MATCH (n) DETACH DELETE n', params: {} }));
  await store.ensureSchema();
  return { store, close: () => store.close() };
});
