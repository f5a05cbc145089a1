import { useEffect, useState } from 'react';
import { graphql } from './client';
import type { TypedQuery, Variables } from './client';
import { useQueryEpoch } from './epoch';
import { peekPreloaded, takePreloaded } from './preload';

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
  // A preloaded answer already here is used from the first render on (see api/preload.ts).
  const [answer, setAnswer] = useState<Answer<TData> | null>(() => {
    const preloaded = epoch === 0 ? peekPreloaded(query, variablesKey) : undefined;
    return preloaded ? { key, data: preloaded.data } : null;
  });
  const [lastData, setLastData] = useState<{ epoch: number; variablesKey: string; data: TData } | null>(() =>
    answer?.data === undefined ? null : { epoch, variablesKey, data: answer.data },
  );

  useEffect(() => {
    const controller = new AbortController();
    // The page's first session state may find its request already sent by the entry module.
    const request = (epoch === 0 ? takePreloaded(query, variablesKey) : undefined) ?? graphql(query, parseVariables<TVars>(variablesKey), { signal: controller.signal });
    request.then(
      (data) => {
        // A preloaded request is not aborted with the effect, so its late answer is dropped here.
        if (controller.signal.aborted) return;
        // The same answer as the first render's (preloaded) leaves the state, and the view, as they are.
        setAnswer((prev) => (prev?.key === key && prev.data === data ? prev : { key, data }));
        setLastData((prev) => (prev?.variablesKey === variablesKey && prev.epoch === epoch && prev.data === data ? prev : { epoch, variablesKey, data }));
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
