/**
 * The page's handle on the store worker: asks its queries and commands, hands it sync ports,
 * and tells subscribers when data changed so what is on screen asks again.
 */
import type { StoreStatus, UiToWorker, WorkerToUi } from '../../protocol/messages';
import type { CommandArgs, CommandName, CommandResult, QueryArgs, QueryName, QueryResult } from '../../protocol/operations';
import { answerUnpacker } from './packed-answers';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Request = DistributiveOmit<Extract<UiToWorker, { id: number }>, 'id'>;

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

export interface StoreClient {
  readonly ready: Promise<StoreStatus>;
  query<N extends QueryName>(name: N, args: QueryArgs<N>): Promise<QueryResult<N>>;
  command<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandResult<N>>;
  status(): Promise<StoreStatus>;
  flush(): Promise<void>;
  attachSyncPort(port: MessagePort, jobId: string): void;
  /** The copy or the user's tables changed (the worker's one change notice). */
  onChanged(listener: (dataVersion: number) => void): () => void;
}

export function createStoreClient(worker: Worker): StoreClient {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const changeListeners = new Set<(dataVersion: number) => void>();
  const unpackAnswer = answerUnpacker();
  let settleReady!: { resolve: (s: StoreStatus) => void; reject: (e: Error) => void };
  const ready = new Promise<StoreStatus>((resolve, reject) => {
    settleReady = { resolve, reject };
  });

  worker.addEventListener('message', (event: MessageEvent<WorkerToUi>) => {
    const message = event.data;
    switch (message.t) {
      case 'ready':
        settleReady.resolve(message.status);
        break;
      case 'reply': {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (!waiting) break;
        if (message.ok) waiting.resolve(unpackAnswer(message.packed, message.value));
        else waiting.reject(new Error(message.error));
        break;
      }
      case 'changed':
        for (const listener of changeListeners) listener(message.dataVersion);
        break;
      case 'fatal': {
        const error = new Error(message.error);
        settleReady.reject(error);
        for (const waiting of pending.values()) waiting.reject(error);
        pending.clear();
        break;
      }
    }
  });
  worker.addEventListener('error', (event) => {
    settleReady.reject(new Error(event.message || 'The local database could not start'));
  });

  function request<R>(message: Request): Promise<R> {
    const id = nextId++;
    return new Promise<R>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...message, id } as UiToWorker);
    });
  }

  return {
    ready,
    query: (name, args) => request({ t: 'query', name, args }),
    command: (name, args) => request({ t: 'command', name, args }),
    status: () => request({ t: 'status' }),
    flush: () => request({ t: 'flush' }),
    attachSyncPort(port, jobId) {
      const message: UiToWorker = { t: 'sync-port', jobId, port };
      worker.postMessage(message, [port]);
    },
    onChanged(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
  };
}

let shared: StoreClient | null = null;

/** The app's one store worker, started on first use. */
export function getStoreClient(): StoreClient {
  shared ??= createStoreClient(
    new Worker(new URL('../../worker/store.worker.ts', import.meta.url), { type: 'module', name: 'store' }),
  );
  return shared;
}
