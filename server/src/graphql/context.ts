import type { SessionCookie } from '../auth/request';
import type { LogisticsCosts } from '../analysis/logistics';
import type { Lang } from '../analysis/types';
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
  /** The request's language for texts such as ranking reasons: Chinese unless the client prefers English. */
  lang: Lang;
  /** Freight assumptions for the logistics saving estimate (configuration). */
  logistics: LogisticsCosts;
}

export interface RequestFacts {
  viewer: Viewer | null;
  clientAddress: string;
  sessionCookie: SessionCookie;
  lang: Lang;
}

/** One context per request: loaders cache and batch within a request only. */
export function createContext(store: GraphStore, facts: RequestFacts, logistics: LogisticsCosts): GraphContext {
  return { store, loaders: createLoaders(store), logistics, ...facts };
}
