import type { Config } from '../config';
import { EmbeddedStore } from './embedded/adapter';
import { Neo4jStore } from './neo4j/adapter';
import type { GraphStore } from './port';

/** Opens the configured store and makes sure its schema exists. */
export async function openStore(config: Pick<Config, 'store' | 'queryTimeoutMs'>): Promise<GraphStore> {
  const store: GraphStore =
    config.store.kind === 'neo4j'
      ? await Neo4jStore.open({ ...config.store, queryTimeoutMs: config.queryTimeoutMs })
      : await EmbeddedStore.open({
          dataDir: config.store.dataDir,
          queryTimeoutMs: config.queryTimeoutMs,
          // 0 is the engine's own default.
          bufferPoolBytes: config.store.bufferPoolBytes || undefined,
        });
  await store.ensureSchema();
  return store;
}
