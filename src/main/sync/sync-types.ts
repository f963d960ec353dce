import type { MainToStore, StoreToMain, SyncProgress } from '../../shared/sync';
import type { SyncStartRequest } from '../../shared/ipc';
import type { SyncClock } from './clock';

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

export interface SyncControllerDeps extends SyncControllerExtras {
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

/**
 * Knobs of the sync engine. The defaults respect PeeringDB's published limits; tests shrink
 * the waits so that faults play out in milliseconds.
 */
export interface SyncTuning {
  /** Rows asked for per API page (`limit`). */
  pageSize: number;
  /**
   * Most characters of rows in one page sent to the store from a list read whole (a bulk cache
   * file, a dump): the store reads and writes each page in a task of its own, which this keeps
   * short whatever the rows' size.
   */
  storePageChars: number;
  /**
   * Rows each API page re-reads from the previous one. Rows updated while we page move to
   * the end of the `updated` order and shift the rest back; the overlap keeps a shifted row
   * from falling between two pages.
   */
  pageOverlap: number;
  /** Least time from the start of one request to the start of the next (PeeringDB: 2 s). */
  minRequestIntervalMs: number;
  /** Most requests in any rolling minute without an API key (PeeringDB: 20). */
  anonymousRequestsPerMinute: number;
  /** Most requests in any rolling minute with an API key (PeeringDB: 40). */
  keyRequestsPerMinute: number;
  /**
   * The limits above are PeeringDB's published ones, so they apply to hosts under this
   * domain; a mirror or a local server is not paced (a 429 from it is still honoured).
   * Null paces every host.
   */
  pacedDomain: string | null;
  /** Longest wait for a response's headers. */
  requestTimeoutMs: number;
  /** Longest silence while a response body is being read. */
  stallTimeoutMs: number;
  /** Attempts per request on 5xx, timeouts, cut-off bodies and unreachable hosts. */
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Attempts per request while PeeringDB answers 429. */
  maxRateLimitedAttempts: number;
  /** Longest Retry-After we wait out; a longer one ends the sync as rate-limited. */
  maxRetryAfterMs: number;
  /** Longest wait for the store to answer (its state, or the ack of a page). */
  storeTimeoutMs: number;
  /** Least time between two progress events (phase changes and the end always go out). */
  progressIntervalMs: number;
}

export interface SyncControllerExtras {
  /** Shown in the User-Agent, e.g. "PeeringAssistant/0.1.0". */
  appVersion?: string;
  tuning?: Partial<SyncTuning>;
  /** Injected for tests of the retry timing. */
  random?: () => number;
  /** What pacing, Retry-After and backoff wait on; the wall clock unless a test or the bench brings one. */
  clock?: SyncClock;
}
