import type { Config } from '../config';
import { EmbeddedStore } from './embedded/adapter';
import { Neo4jStore } from './neo4j/adapter';
import type { GraphStore } from './port';
import { ensureTradeLinks } from './trade-links';

/**
 * Opens the configured store and makes sure its schema exists and its derived links are built.
 * `restoring` admits an embedded folder a killed restore left marked: only restore passes it.
 */
export async function openStore(config: Pick<Config, 'store' | 'queryTimeoutMs'>, { restoring = false } = {}): Promise<GraphStore> {
  const store: GraphStore =
    config.store.kind === 'neo4j'
      ? await Neo4jStore.open({ ...config.store, queryTimeoutMs: config.queryTimeoutMs })
      : await EmbeddedStore.open({
          dataDir: config.store.dataDir,
          queryTimeoutMs: config.queryTimeoutMs,
          // 0 is the engine's own default.
          bufferPoolBytes: config.store.bufferPoolBytes || undefined,
          restoring,
        });
  await store.ensureSchema();
  await ensureTradeLinks(store);
  return store;
}
