import { useEffect, useState } from 'react';
import { graphql } from './client';
import type { TypedQuery, Variables } from './client';
import { useQueryEpoch } from './epoch';

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
 * Runs a query and re-runs it when its variables change (compared by value) or the query epoch
 * changes (sign-in, sign-out). While a new answer is on its way the state is `loading` and still
 * carries the previous data of the same epoch, so views do not flicker; data of an earlier epoch
 * is not shown, since the viewer may no longer be allowed it. A request for superseded variables
 * is aborted and its answer dropped.
 */
export function useQuery<TData, TVars extends Variables>(
  query: TypedQuery<TData, TVars>,
  variables: TVars,
): QueryState<TData, TVars> {
  const epoch = useQueryEpoch();
  const variablesKey = JSON.stringify(variables);
  const key = `${epoch}:${variablesKey}`;
  const [answer, setAnswer] = useState<Answer<TData> | null>(null);
  const [lastData, setLastData] = useState<{ epoch: number; variablesKey: string; data: TData } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    graphql(query, parseVariables<TVars>(variablesKey), { signal: controller.signal }).then(
      (data) => {
        setAnswer({ key, data });
        setLastData({ epoch, variablesKey, data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setAnswer({ key, error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => controller.abort();
  }, [query, key, epoch, variablesKey]);

  const last = lastData?.epoch === epoch ? lastData : null;
  const data = last?.data;
  const dataVariables = last ? parseVariables<TVars>(last.variablesKey) : undefined;
  if (answer?.key === key) {
    if (answer.error) return { status: 'error', error: answer.error, data, dataVariables };
    if (answer.data !== undefined) return { status: 'success', data: answer.data, dataVariables: parseVariables<TVars>(variablesKey) };
  }
  return { status: 'loading', data, dataVariables };
}

/** `variablesKey` is always the JSON of a `TVars` value (see above), so the cast only restores its type. */
function parseVariables<TVars>(key: string): TVars {
  return JSON.parse(key) as TVars;
}
