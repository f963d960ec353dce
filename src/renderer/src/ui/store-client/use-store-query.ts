/**
 * The one hook for store queries: asks the store worker and asks again when the copy or the
 * user's tables change (the worker's change notice), so what is on screen follows every sync
 * and every mark.
 */
import { useEffect, useState } from 'react';
import type { QueryArgs, QueryName, QueryResult } from '../../protocol/operations';
import { getStoreClient } from './client';

export interface StoreQuery<R> {
  /** The latest answer; kept while a newer question is on its way, so lists do not blink. */
  data: R | undefined;
  error: string | null;
  /** True until the answer to the current arguments and data version arrived. */
  pending: boolean;
  /** Some answer (perhaps to older arguments) or error has arrived. */
  answered: boolean;
}

/** `args` null means "not yet" (e.g. nothing typed). Arguments are compared by value. */
export function useStoreQuery<N extends QueryName>(name: N, args: QueryArgs<N> | null): StoreQuery<QueryResult<N>> {
  const [dataVersion, setDataVersion] = useState(0);
  const [answer, setAnswer] = useState<{ question: string; data?: QueryResult<N>; error: string | null }>({
    question: '',
    error: null,
  });
  const argsKey = args === null ? null : JSON.stringify(args);
  const question = argsKey === null ? '' : `${name}|${argsKey}|${dataVersion}`;

  useEffect(() => getStoreClient().onChanged((version) => setDataVersion(version)), []);

  useEffect(() => {
    if (argsKey === null) return;
    const question = `${name}|${argsKey}|${dataVersion}`;
    let stillWanted = true;
    getStoreClient()
      .query(name, JSON.parse(argsKey) as QueryArgs<N>)
      .then(
        (data) => stillWanted && setAnswer({ question, data, error: null }),
        (error: unknown) =>
          stillWanted &&
          setAnswer((previous) => ({
            question,
            data: previous.data,
            error: error instanceof Error ? error.message : String(error),
          })),
      );
    return () => {
      stillWanted = false;
    };
  }, [name, argsKey, dataVersion]);

  return {
    data: answer.data,
    error: answer.error,
    pending: question !== '' && answer.question !== question,
    answered: answer.question !== '',
  };
}
