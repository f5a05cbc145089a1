import { Neo4jStore } from '@yulian/server/neo4j';

/**
 * The Neo4j side of the store benchmark, as the loader child (load-synthetic.ts) and the benchmark
 * both need it. Kept free of vitest imports: the loader runs under plain tsx.
 */

/**
 * Orders per load transaction on Neo4j: it holds a transaction's changes on its heap, about 16 KB
 * per order written, so the embedded loader's 50,000 would need some 800 MB of transaction memory.
 */
export const NEO4J_LOAD_BATCH = 5_000;
/** The loader's result for a Neo4j load, apart from an embedded store's bench-load.json. */
export const NEO4J_LOAD_RESULT_FILE = 'bench-load-neo4j.json';

/** Credentials as the test suites read them (test/src/neo4j/uri.ts); the test server has auth off. */
export function neo4jLogin(env = process.env): { user: string; password: string; database: string } {
  return { user: env.NEO4J_USER ?? 'neo4j', password: env.NEO4J_PASSWORD ?? '', database: env.NEO4J_DATABASE ?? 'neo4j' };
}

/**
 * Opens the database at `uri` for a fresh load, refusing one that holds any node: the benchmark
 * must never write into (or time against) someone's data.
 */
export async function openEmptyNeo4j(uri: string, queryTimeoutMs?: number): Promise<Neo4jStore> {
  const store = await Neo4jStore.open({ uri, ...neo4jLogin(), queryTimeoutMs });
  try {
    const [row] = await store.read<{ nodes: number }>({ name: 'benchNodeCount', cypher: 'MATCH (n) RETURN count(n) AS nodes', params: {} });
    const nodes = row?.nodes ?? 0;
    if (nodes > 0) throw new Error(`the Neo4j database at ${uri} holds ${nodes} nodes; the store benchmark loads only into an empty one`);
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}
