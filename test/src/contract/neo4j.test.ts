import { openNeo4jTestStore } from '../harness';
import { describeStoreContract } from './store-contract';

// Runs on the test run's own Neo4j (test/src/neo4j/global-setup.ts), emptied first; the suite loads its own data.
describeStoreContract('neo4j', () => openNeo4jTestStore({ seed: false }));
