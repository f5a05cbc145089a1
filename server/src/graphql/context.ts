import type { GraphStore } from '../store/port';
import { createLoaders, type Loaders } from './loaders';

export interface GraphContext {
  store: GraphStore;
  loaders: Loaders;
}

/** One context per request: loaders cache and batch within a request only. */
export function createContext(store: GraphStore): GraphContext {
  return { store, loaders: createLoaders(store) };
}
