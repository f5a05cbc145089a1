import { graphql } from './client';
import type { TypedQuery, Variables } from './client';

/**
 * Requests started before React renders (from the entry module), handed over to the first
 * `useQuery` that asks for the same operation and variables. The map's data then travels while the
 * app's code loads and its first render runs, instead of after them; when it has already come by
 * that first render, the render uses it (`peekPreloaded`) and the page is drawn once, not twice.
 *
 * A preloaded request is taken once: it belongs to the page's first session state (query epoch 0),
 * and any later request, such as the same filter chosen again after an edit, goes to the API.
 */

interface Preloaded {
  request: Promise<unknown>;
  /** Set once the request has succeeded. */
  answered?: { data: unknown };
}

const pending = new Map<string, Preloaded>();

const keyOf = (query: string, variablesKey: string): string => `${variablesKey}\n${query}`;

export function preloadQuery<TData, TVars extends Variables>(query: TypedQuery<TData, TVars>, variables: TVars): void {
  const entry: Preloaded = { request: graphql(query, variables) };
  entry.request.then(
    (data) => {
      entry.answered = { data };
    },
    // Nobody may come to take it (an error page, a quick route change): no unhandled rejection then.
    () => undefined,
  );
  pending.set(keyOf(query, JSON.stringify(variables)), entry);
}

/** The preloaded request for this operation and these variables (as `JSON.stringify` wrote them), once. */
export function takePreloaded<TData, TVars extends Variables>(query: TypedQuery<TData, TVars>, variablesKey: string): Promise<TData> | undefined {
  const key = keyOf(query, variablesKey);
  const entry = pending.get(key);
  pending.delete(key);
  return entry?.request as Promise<TData> | undefined;
}

/** The preloaded answer, if it has already come; the request stays there for `takePreloaded`. */
export function peekPreloaded<TData, TVars extends Variables>(query: TypedQuery<TData, TVars>, variablesKey: string): { data: TData } | undefined {
  return pending.get(keyOf(query, variablesKey))?.answered as { data: TData } | undefined;
}
