import { useEffect, useState } from 'react';
import { graphql } from './client';
import type { TypedQuery, Variables } from './client';

export type QueryState<TData> =
  | { status: 'loading'; data: TData | undefined }
  | { status: 'error'; error: Error; data: TData | undefined }
  | { status: 'success'; data: TData };

interface Settled<TData> {
  key: string;
  data?: TData;
  error?: Error;
}

/**
 * Runs a query and re-runs it when its variables change (compared by value). While a new answer
 * is on its way the state is `loading` and still carries the previous data, so lists do not
 * flicker; an answer to superseded variables is dropped (the request is aborted).
 */
export function useQuery<TData, TVars extends Variables>(
  query: TypedQuery<TData, TVars>,
  variables: TVars,
): QueryState<TData> {
  const key = JSON.stringify(variables);
  const [settled, setSettled] = useState<Settled<TData> | null>(null);
  const [lastData, setLastData] = useState<TData | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    // `key` is the JSON of the variables this effect belongs to.
    const vars = JSON.parse(key) as TVars;
    graphql(query, vars, { signal: controller.signal }).then(
      (data) => {
        setSettled({ key, data });
        setLastData(data);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setSettled({ key, error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => controller.abort();
  }, [query, key]);

  if (settled?.key === key) {
    if (settled.error) return { status: 'error', error: settled.error, data: lastData };
    if (settled.data !== undefined) return { status: 'success', data: settled.data };
  }
  return { status: 'loading', data: lastData };
}
