/**
 * Runs a discovery operation in the store worker and runs it again when the copy or the
 * user's tables change, so what is on screen follows every sync and every mark.
 */
import { useEffect, useState } from 'react';
import { getStoreClient } from '../../store/client';
import type { OperationName, Operations } from '../../store/operations';

type Args<N extends OperationName> = Parameters<Operations[N]>[1];
type Result<N extends OperationName> = Awaited<ReturnType<Operations[N]>>;

export interface StoreQuery<R> {
  /** The latest answer; kept while a newer question is on its way, so lists do not blink. */
  data: R | undefined;
  error: string | null;
  /** True until the answer to the current arguments and data version arrived. */
  pending: boolean;
}

/** `args` null means "not yet" (e.g. nothing typed). Arguments are compared by value. */
export function useStoreQuery<N extends OperationName>(name: N, args: Args<N> | null): StoreQuery<Result<N>> {
  const [dataVersion, setDataVersion] = useState(0);
  const [answer, setAnswer] = useState<{ question: string; data?: Result<N>; error: string | null }>({
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
      .run(name, JSON.parse(argsKey) as Args<N>)
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

  return { data: answer.data, error: answer.error, pending: question !== '' && answer.question !== question };
}
