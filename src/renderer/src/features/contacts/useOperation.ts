/** Runs a store operation and runs it again whenever the local copy or the user's data change. */
import { useEffect, useState } from 'react';
import type { OperationName, Operations } from '../../store/operations';
import { getStoreClient } from '../../store/client';

type Args<N extends OperationName> = Parameters<Operations[N]>[1];
type Result<N extends OperationName> = Awaited<ReturnType<Operations[N]>>;

export type OperationState<R> = (
  /** The last answer stays available while the next one is on its way. */
  | { status: 'loading'; value: R | null }
  | { status: 'done'; value: R }
  | { status: 'error'; error: string; value: R | null }
) & {
  /** Some answer (maybe an older one) has arrived. */
  answered: boolean;
};

interface Answer<R> {
  request: string;
  value: R | null;
  error: string | null;
}

/** `key` must change whenever `args` do: it stands for them, as their identity changes every render. */
export function useOperation<N extends OperationName>(
  name: N,
  args: Args<N> | null,
  key: string,
): OperationState<Result<N>> {
  const [answer, setAnswer] = useState<Answer<Result<N>>>({ request: '', value: null, error: null });
  const [dataVersion, setDataVersion] = useState(0);
  const request = `${name}|${key}|${dataVersion}`;

  useEffect(() => getStoreClient().onChanged(setDataVersion), []);

  useEffect(() => {
    if (args === null) return;
    let current = true;
    getStoreClient()
      .run(name, args)
      .then(
        (value) => current && setAnswer({ request, value, error: null }),
        (error: unknown) =>
          current &&
          setAnswer((previous) => ({
            request,
            value: previous.value,
            error: error instanceof Error ? error.message : String(error),
          })),
      );
    return () => {
      current = false;
    };
    // `request` covers name, key (standing for args) and the data version.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);

  const answered = answer.request !== '';
  if (answer.request !== request) return { status: 'loading', value: answer.value, answered };
  if (answer.error !== null) return { status: 'error', error: answer.error, value: answer.value, answered };
  return { status: 'done', value: answer.value as Result<N>, answered };
}
