/**
 * The store worker's message handling, apart from the worker global so it runs in tests:
 * start (open, load the copy, say ready), queries and commands, status, flush, and sync ports.
 */
import type { MainToStore, StoreToMain } from '../../../shared/sync';
import { readDataVersion } from './db/meta';
import type { PeeringDatabase } from './db/schema';
import { createChangeNotifier, type ChangeNotifierOptions } from './change-notifier';
import type { AnswerPackers, PackedAnswer, StoreContext } from './context';
import type { LocalCopy } from './copy/local-copy';
import { flushPeeringDb } from './copy/flush';
import { loadCopy } from './copy/load';
import type { UiToWorker, WorkerToUi } from '../protocol/messages';
import { readStoreStatus } from './copy/status';
import { discoveryIndexOf } from './index/discovery-index';
import { createSyncEndpoint } from './sync/endpoint';
import { isHistoryMomentMessage } from '../../../shared/history/protocol';
import { historyRecorderFor, receiveHistoryMoment } from './history/recorder';

type AnyHandler = (ctx: StoreContext, args: never) => unknown;

/** The part of a MessagePort the sync endpoint needs. */
export interface SyncPortLike {
  postMessage(message: StoreToMain): void;
  addEventListener(type: 'message', listener: (event: { data: MainToStore }) => void): void;
  start?(): void;
}

export interface StoreWorkerOptions {
  db: PeeringDatabase;
  copy: LocalCopy;
  queries: Record<string, AnyHandler>;
  commands: Record<string, AnyHandler>;
  /** Queries whose answers go to the page as columns. */
  packers?: AnswerPackers;
  /** `transfer`: buffers that move to the page with the message instead of being copied. */
  post: (message: WorkerToUi, transfer?: Transferable[]) => void;
  notifier?: ChangeNotifierOptions;
}

export interface StoreWorkerHost {
  /** Opens the database and loads the copy, then posts 'ready' (or 'fatal'). */
  start(): Promise<void>;
  handle(message: UiToWorker): Promise<void>;
}

export function createStoreWorkerHost({
  db,
  copy,
  queries,
  commands,
  packers = {},
  post,
  notifier: notifierOptions,
}: StoreWorkerOptions): StoreWorkerHost {
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

  function reply(id: number, run: () => Promise<unknown>, pack?: (answer: unknown) => PackedAnswer): Promise<void> {
    return run().then(
      (value) => {
        if (!pack) return post({ t: 'reply', id, ok: true, value });
        const packed = pack(value);
        post({ t: 'reply', id, ok: true, value: packed.value, packed: packed.kind }, packed.transfer);
      },
      (error: unknown) => post({ t: 'reply', id, ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  }

  function packerOf(name: string): ((answer: unknown) => PackedAnswer) | undefined {
    return Object.hasOwn(packers, name) ? (packers[name as keyof AnswerPackers] as (answer: unknown) => PackedAnswer) : undefined;
  }

  async function runHandler(table: Record<string, AnyHandler>, kind: string, name: string, args: unknown): Promise<unknown> {
    const handler = Object.hasOwn(table, name) ? table[name] : undefined;
    if (typeof handler !== 'function') throw new Error(`The store has no ${kind} named "${name}"`);
    return handler(ctx, args as never);
  }

  /**
   * Every sync port's messages, in one line: a job's first message waits until the job before
   * has ended and history has taken its reading of the copy.
   */
  let syncMessages: Promise<void> = Promise.resolve();

  function attachSyncPort(port: SyncPortLike): void {
    const history = historyRecorderFor(ctx);
    const endpoint = createSyncEndpoint({ db, copy }, (message) => port.postMessage(message), {
      onCommitted: (dataVersion, wholeTypes) => {
        notifier.committed(dataVersion);
        // What the sync has finished with is indexed while it stores the rest (see DiscoveryIndex.warmUp).
        discoveryIndexOf(copy).warmUp(false, wholeTypes);
      },
      // History reads the copy as the job left it, then writes its moment while the next job runs.
      onJobEnded: async (job) => {
        await history.recordSync(job);
      },
      onEnded: () => {
        ctx.notifyChanged();
        // The copy is still until the next sync: build what changed now, not on the next question.
        discoveryIndexOf(copy).warmUp(true);
      },
    });
    // The endpoint applies messages in arrival order; each page's ack or nack goes to main.
    // Dumps of past dates go to history alone, which keeps their order too.
    port.addEventListener('message', (event) => {
      const message = event.data;
      if (isHistoryMomentMessage(message)) void receiveHistoryMoment(history, message, (reply) => port.postMessage(reply));
      else syncMessages = syncMessages.then(() => endpoint.receive(message)).catch(() => undefined);
    });
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
        // Indexes are built in the background now, so the first question finds them ready.
        discoveryIndexOf(copy).warmUp(true);
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
        case 'query':
          return reply(message.id, () => runHandler(queries, 'query', message.name, message.args), packerOf(message.name));
        case 'command':
          return reply(message.id, () => runHandler(commands, 'command', message.name, message.args));
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
