/**
 * The store worker: the only writer of the local database and the holder of the in-memory
 * copy. Everything it does is in worker-host.ts; this file only binds it to the worker global.
 */
import { openDatabase } from '../db/schema';
import { LocalCopy } from './copy';
import { operations } from './operations';
import type { UiToWorker, WorkerToUi } from './protocol';
import { createStoreWorkerHost } from './worker-host';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const host = createStoreWorkerHost({
  db: openDatabase(),
  copy: new LocalCopy(),
  operations,
  post: (message: WorkerToUi) => scope.postMessage(message),
});

scope.addEventListener('message', (event: MessageEvent<UiToWorker>) => void host.handle(event.data));
void host.start();
