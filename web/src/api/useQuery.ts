import { useEffect, useState } from 'react';
import { graphql } from './client';
import type { TypedQuery, Variables } from './client';

/**
 * `data` is the latest answer, possibly to earlier variables while a new request is on its way;
 * `dataVariables` says which variables it answers.
 */
export type QueryState<TData, TVars> =
  | { status: 'loading'; data: TData | undefined; dataVariables: TVars | undefined }
  | { status: 'error'; error: Error; data: TData | undefined; dataVariables: TVars | undefined }
  | { status: 'success'; data: TData; dataVariables: TVars };

interface Answer<TData> {
  key: string;
  data?: TData;
  error?: Error;
}

/**
 * Runs a query and re-runs it when its variables change (compared by value). While a new answer
 * is on its way the state is `loading` and still carries the previous data, so views do not
 * flicker; a request for superseded variables is aborted and its answer dropped.
 */
export function useQuery<TData, TVars extends Variables>(
  query: TypedQuery<TData, TVars>,
  variables: TVars,
): QueryState<TData, TVars> {
  const key = JSON.stringify(variables);
  const [answer, setAnswer] = useState<Answer<TData> | null>(null);
  const [lastData, setLastData] = useState<{ key: string; data: TData } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    graphql(query, parseVariables<TVars>(key), { signal: controller.signal }).then(
      (data) => {
        setAnswer({ key, data });
        setLastData({ key, data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setAnswer({ key, error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => controller.abort();
  }, [query, key]);

  const data = lastData?.data;
  const dataVariables = lastData ? parseVariables<TVars>(lastData.key) : undefined;
  if (answer?.key === key) {
    if (answer.error) return { status: 'error', error: answer.error, data, dataVariables };
    if (answer.data !== undefined) return { status: 'success', data: answer.data, dataVariables: parseVariables<TVars>(key) };
  }
  return { status: 'loading', data, dataVariables };
}

/** `key` is always the JSON of a `TVars` value (see above), so the cast only restores its type. */
function parseVariables<TVars>(key: string): TVars {
  return JSON.parse(key) as TVars;
}
