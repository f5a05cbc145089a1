import type { SessionCookie } from '../auth/request';
import type { Viewer } from '../auth/viewer';
import type { GraphStore } from '../store/port';
import { createLoaders, type Loaders } from './loaders';

export interface GraphContext {
  store: GraphStore;
  loaders: Loaders;
  /** Who is asking; null for anonymous visitors. */
  viewer: Viewer | null;
  /** The client's address, for sign-in rate limits and the audit log. */
  clientAddress: string;
  sessionCookie: SessionCookie;
}

export interface RequestFacts {
  viewer: Viewer | null;
  clientAddress: string;
  sessionCookie: SessionCookie;
}

/** One context per request: loaders cache and batch within a request only. */
export function createContext(store: GraphStore, facts: RequestFacts): GraphContext {
  return { store, loaders: createLoaders(store), ...facts };
}
