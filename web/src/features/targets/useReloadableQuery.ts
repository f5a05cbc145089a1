import { useEffect, useState } from 'react';
import { graphql, type TypedQuery, type Variables } from '../../api/client';
import { useQueryEpoch } from '../../api/epoch';

export type Loaded<T> = { status: 'loading'; data?: T } | { status: 'error'; error: Error; data?: T } | { status: 'success'; data: T };

interface Answer<T> {
  key: string;
  data?: T;
  error?: Error;
}

/**
 * A query that runs again when its variables, the sign-in epoch or `revision` change: after a move
 * the board, the table and the dashboard all bump one revision and show the server's new figures,
 * never figures computed in the browser. The last answer of the same sign-in stays on screen while
 * the next loads. `variables` null means "not yet": nothing is asked.
 */
export function useReloadableQuery<TData, TVars extends Variables>(
  query: TypedQuery<TData, TVars>,
  variables: TVars | null,
  revision: number,
): Loaded<TData> {
  const epoch = useQueryEpoch();
  const variablesKey = variables === null ? null : JSON.stringify(variables);
  const key = variablesKey === null ? null : `${epoch}:${revision}:${variablesKey}`;
  const [answer, setAnswer] = useState<Answer<TData> | null>(null);
  const [last, setLast] = useState<{ epoch: number; data: TData } | null>(null);

  useEffect(() => {
    if (key === null || variablesKey === null) return;
    const controller = new AbortController();
    graphql(query, JSON.parse(variablesKey) as TVars, { signal: controller.signal }).then(
      (data) => {
        setAnswer({ key, data });
        setLast({ epoch, data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setAnswer({ key, error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => controller.abort();
  }, [query, key, variablesKey, epoch]);

  const previous = last?.epoch === epoch ? last.data : undefined;
  if (answer && answer.key === key) {
    if (answer.error) return previous === undefined ? { status: 'error', error: answer.error } : { status: 'error', error: answer.error, data: previous };
    if (answer.data !== undefined) return { status: 'success', data: answer.data };
  }
  return previous === undefined ? { status: 'loading' } : { status: 'loading', data: previous };
}
