import { useEffect, useState } from 'react';
import { graphql, type TypedQuery, type Variables } from '../../api/client';
import { useQueryEpoch } from '../../api/epoch';

export type Loaded<T> = { status: 'loading'; data?: T } | { status: 'error'; error: Error; data?: T } | { status: 'success'; data: T };

/**
 * A query that runs again when its variables, the sign-in epoch or `revision` change: after a move
 * the board, the table and the dashboard all bump one revision and show the server's new figures,
 * never figures computed in the browser. The last answer stays on screen while the next loads.
 */
export function useReloadableQuery<TData, TVars extends Variables>(
  query: TypedQuery<TData, TVars>,
  variables: TVars | null,
  revision: number,
): Loaded<TData> {
  const epoch = useQueryEpoch();
  const key = variables === null ? null : JSON.stringify(variables);
  const [state, setState] = useState<Loaded<TData>>({ status: 'loading' });

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setState((s) => ({ status: 'loading', ...(s.data === undefined ? {} : { data: s.data }) }));
    graphql(query, JSON.parse(key) as TVars, { signal: controller.signal }).then(
      (data) => setState({ status: 'success', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((s) => ({ status: 'error', error: error instanceof Error ? error : new Error(String(error)), ...(s.data === undefined ? {} : { data: s.data }) }));
      },
    );
    return () => controller.abort();
  }, [query, key, revision, epoch]);

  return state;
}
