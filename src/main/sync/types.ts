import type { MainToStore, StoreToMain, SyncProgress } from '../../shared/sync';
import type { SyncStartRequest } from '../../shared/ipc';

/** Main's end of one sync job's channel to the store worker (a MessagePort in Electron). */
export interface StoreLink {
  send(message: MainToStore): void;
  onMessage(listener: (message: StoreToMain) => void): void;
  /** Called when the other end goes away (window closed, worker gone). */
  onClose(listener: () => void): void;
  close(): void;
}

export interface SyncConfig {
  /** API base, e.g. https://www.peeringdb.com/api */
  baseUrl: string;
  apiKey: string | null;
  /** Public bulk cache base for a first anonymous load, e.g. https://public.peeringdb.com; null: lists from the API. */
  cacheUrl: string | null;
}

export interface SyncControllerDeps {
  openStoreLink(jobId: string): StoreLink;
  emitProgress(progress: SyncProgress): void;
  getConfig(): SyncConfig;
  /** Electron's net.fetch in the app, global fetch in tests and the harness. */
  fetch: typeof fetch;
}

export type StartResult = { started: boolean; reason?: string };

export interface SyncController {
  start(reason: NonNullable<SyncStartRequest['reason']>): StartResult;
  /** Load a PeeringDB dump file (CAIDA's shape) through the same store path. */
  importDump(path: string): StartResult;
  cancel(): boolean;
  readonly running: boolean;
  /** Resolves when the running job (if any) has ended. */
  idle(): Promise<void>;
}
