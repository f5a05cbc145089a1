import type { GraphStore } from '@yulian/server';

export interface CountedStore {
  /** The same store under another identity: facts are kept per store object (analysis/store-facts.ts). */
  readonly store: GraphStore;
  /** Reads by query name since the view was made. */
  readonly reads: Map<string, number>;
}

/**
 * A view of a real store that counts the reads made through it. Every call goes to the store
 * itself; a new view starts with nothing kept, so it answers as a freshly loaded store state.
 */
export function countedView(store: GraphStore): CountedStore {
  const reads = new Map<string, number>();
  return {
    reads,
    store: {
      kind: store.kind,
      dialect: store.dialect,
      ensureSchema: () => store.ensureSchema(),
      read(query) {
        reads.set(query.name, (reads.get(query.name) ?? 0) + 1);
        return store.read(query);
      },
      write: (work) => store.write(work),
      get committedWrites() {
        return store.committedWrites;
      },
      changesSince: (generation) => store.changesSince?.(generation) ?? null,
      ping: () => store.ping(),
      close: () => store.close(),
    },
  };
}
