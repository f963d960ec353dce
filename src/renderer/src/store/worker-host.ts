/**
 * The store worker's message handling, apart from the worker global so it runs in tests:
 * start (open, load the copy, say ready), named operations, status, flush, and sync ports.
 */
import type { MainToStore, StoreToMain } from '../../../shared/sync';
import { readDataVersion } from '../db/meta';
import type { PeeringDatabase } from '../db/schema';
import { createChangeNotifier, type ChangeNotifierOptions } from './change-notifier';
import type { StoreContext } from './context';
import type { LocalCopy } from './copy';
import { flushPeeringDb } from './flush';
import { loadCopy } from './load';
import type { UiToWorker, WorkerToUi } from './protocol';
import { readStoreStatus } from './status';
import { createSyncEndpoint } from './sync-endpoint';

type AnyOperation = (ctx: StoreContext, args: never) => unknown;

/** The part of a MessagePort the sync endpoint needs. */
export interface SyncPortLike {
  postMessage(message: StoreToMain): void;
  addEventListener(type: 'message', listener: (event: { data: MainToStore }) => void): void;
  start?(): void;
}

export interface StoreWorkerOptions {
  db: PeeringDatabase;
  copy: LocalCopy;
  operations: Record<string, AnyOperation>;
  post: (message: WorkerToUi) => void;
  notifier?: ChangeNotifierOptions;
}

export interface StoreWorkerHost {
  /** Opens the database and loads the copy, then posts 'ready' (or 'fatal'). */
  start(): Promise<void>;
  handle(message: UiToWorker): Promise<void>;
}

export function createStoreWorkerHost({ db, copy, operations, post, notifier: notifierOptions }: StoreWorkerOptions): StoreWorkerHost {
  const notifier = createChangeNotifier((dataVersion) => post({ t: 'changed', dataVersion }), notifierOptions);
  let markStarted!: (ok: boolean) => void;
  const started = new Promise<boolean>((resolve) => (markStarted = resolve));

  const ctx: StoreContext = {
    db,
    copy,
    notifyChanged() {
      void readDataVersion(db).then((dataVersion) => notifier.now(dataVersion));
    },
  };

  function reply(id: number, run: () => Promise<unknown>): Promise<void> {
    return run().then(
      (value) => post({ t: 'reply', id, ok: true, value }),
      (error: unknown) => post({ t: 'reply', id, ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  }

  async function runOperation(name: string, args: unknown): Promise<unknown> {
    const operation = Object.hasOwn(operations, name) ? operations[name] : undefined;
    if (typeof operation !== 'function') throw new Error(`The store has no operation named "${name}"`);
    return operation(ctx, args as never);
  }

  function attachSyncPort(port: SyncPortLike): void {
    const endpoint = createSyncEndpoint({ db, copy }, (message) => port.postMessage(message), {
      onCommitted: (dataVersion) => notifier.committed(dataVersion),
      onEnded: () => ctx.notifyChanged(),
    });
    // The endpoint applies messages in arrival order; each page's ack or nack goes to main.
    port.addEventListener('message', (event) => void endpoint.receive(event.data).catch(() => undefined));
    port.start?.();
  }

  return {
    async start() {
      try {
        await db.open();
        await loadCopy(db, copy);
        const status = await readStoreStatus(db, copy);
        markStarted(true);
        post({ t: 'ready', status });
      } catch (error) {
        markStarted(false);
        post({ t: 'fatal', error: `The local database could not start: ${error instanceof Error ? error.message : String(error)}` });
      }
    },

    async handle(message) {
      if (!(await started)) {
        if ('id' in message) post({ t: 'reply', id: message.id, ok: false, error: 'The local database is not available' });
        return;
      }
      switch (message.t) {
        case 'run':
          return reply(message.id, () => runOperation(message.name, message.args));
        case 'status':
          return reply(message.id, () => readStoreStatus(db, copy));
        case 'flush':
          return reply(message.id, async () => {
            notifier.now(await flushPeeringDb(db, copy));
          });
        case 'sync-port':
          attachSyncPort(message.port as unknown as SyncPortLike);
          return;
      }
    },
  };
}
