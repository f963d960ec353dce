/**
 * The store worker: the only writer of the local database and the holder of the in-memory
 * copy. Everything it does is in worker-host.ts; this file only binds it to the worker global.
 */
import { openDatabase } from './db/schema';
import { LocalCopy } from './copy/local-copy';
import { answerPackers, storeCommands, storeQueries } from './operation-handlers';
import type { UiToWorker, WorkerToUi } from '../protocol/messages';
import { createStoreWorkerHost } from './host';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const host = createStoreWorkerHost({
  db: openDatabase(),
  copy: new LocalCopy(),
  queries: storeQueries,
  commands: storeCommands,
  packers: answerPackers,
  post: (message: WorkerToUi, transfer: Transferable[] = []) => scope.postMessage(message, transfer),
});

scope.addEventListener('message', (event: MessageEvent<UiToWorker>) => void host.handle(event.data));
void host.start();
