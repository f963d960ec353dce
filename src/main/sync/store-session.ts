/**
 * Main's side of one job's conversation with the store worker: ask its state, send pages and
 * wait for the acks of their commits, end the job. The store applies messages in the order
 * sent; the caller decides how much may wait unacknowledged (backpressure).
 */
import type { HeldRowCounts, MainToStore, StoreState, StoreToMain, SyncErrorCode, SyncSource } from '../../shared/sync';
import type { PdbType } from '../../shared/peeringdb';
import type { SkipReasons } from '../../shared/row-schema';
import { asciiJson } from './ascii-json';
import { abortReason } from './clock';
import { SyncError } from './errors';
import type { StoreLink } from './sync-types';

export interface PageToStore {
  type: PdbType;
  rowsJson: string;
  complete: boolean;
  fetchedRows: number;
  bytes: number;
  snapshotAt?: number;
  replace?: boolean;
  startsList?: boolean;
  notAfter?: number;
}

/** What the store said of a page: rows it stored, rows it left out as not valid, and (held for a swap) rows that passed. */
export interface StoreAck {
  stored: number;
  skipped: SkipReasons;
  held?: HeldRowCounts;
}

type Pending =
  | { kind: 'state'; resolve: (state: StoreState) => void; reject: (error: Error) => void }
  | { kind: 'ack'; resolve: (ack: StoreAck) => void; reject: (error: Error) => void };

/** The state asked for is waited for under this key; acks under their page's seq. */
const STATE_KEY = 0;

/** The words for a job that stopped because the store went away: an import is not a sync. */
export function storeGoneMessage(source: SyncSource): string {
  return source === 'dump'
    ? 'The window closed, so the import stopped. The local copy is as it was before the import.'
    : 'The window closed, so the sync stopped. The next sync resumes where this one ended.';
}

export class StoreSession {
  private seq = 0;
  /** What is waited for, by seq (the state under STATE_KEY). */
  private readonly pending = new Map<number, Pending>();
  private closedError: Error | null = null;
  private ended = false;

  constructor(
    private readonly link: StoreLink,
    private readonly signal: AbortSignal,
    private readonly timeoutMs: number,
    private readonly source: SyncSource,
    private readonly onClosed: () => void,
  ) {
    link.onMessage((message) => this.receive(message));
    // One listener for every wait: a resync may wait for many acks at once.
    signal.addEventListener('abort', () => this.rejectAll(abortReason(signal)), { once: true });
    link.onClose(() => {
      if (this.ended) return;
      this.closedError = new SyncError('store', storeGoneMessage(this.source));
      this.rejectAll(this.closedError);
      this.onClosed();
    });
  }

  hello(jobId: string, source: SyncSource, withKey: boolean): void {
    this.send({ t: 'hello', jobId, source, withKey });
  }

  state(): Promise<StoreState> {
    return this.wait<StoreState>(STATE_KEY, (resolve, reject) => ({ kind: 'state', resolve, reject }), { t: 'state?' });
  }

  /**
   * Sends one page and resolves with what the store kept once its transaction committed. Its
   * text goes as ASCII, one byte a character, where that makes it smaller (see ascii-json.ts):
   * the same rows, half the bytes for the window and the store.
   */
  page(page: PageToStore): Promise<StoreAck> {
    const seq = ++this.seq;
    const message: MainToStore = { t: 'page', seq, ...page, rowsJson: asciiJson(page.rowsJson) };
    return this.wait<StoreAck>(seq, (resolve, reject) => ({ kind: 'ack', resolve, reject }), message);
  }

  /** Puts the full lists sent for `types` in their place, in one transaction; resolves with the rows stored. */
  async swap(types: PdbType[], snapshotAt: Partial<Record<PdbType, number>>, notAfter: number): Promise<number> {
    const seq = ++this.seq;
    const message: MainToStore = { t: 'swap', seq, types, snapshotAt, notAfter };
    const ack = await this.wait<StoreAck>(seq, (resolve, reject) => ({ kind: 'ack', resolve, reject }), message);
    return ack.stored;
  }

  end(outcome: 'done' | 'cancelled' | 'error', message?: string, code?: SyncErrorCode): void {
    if (this.ended) return;
    this.ended = true;
    if (!this.closedError) {
      const end: MainToStore = { t: 'end', outcome };
      if (message !== undefined) end.message = message;
      if (code !== undefined) end.code = code;
      this.trySend(end);
    }
    this.link.close();
  }

  private wait<T>(
    key: number,
    makePending: (resolve: (value: T) => void, reject: (error: Error) => void) => Pending,
    message: MainToStore,
  ): Promise<T> {
    if (this.closedError) return Promise.reject(this.closedError);
    if (this.signal.aborted) return Promise.reject(abortReason(this.signal));
    return new Promise<T>((resolve, reject) => {
      const what =
        message.t === 'page' ? `page ${message.seq} of ${message.type}` : message.t === 'swap' ? `the new ${message.types.join(', ')}` : 'its state';
      const timer = setTimeout(
        () => settle(() => reject(new SyncError('store', `The local database did not confirm ${what} in time.`))),
        this.timeoutMs,
      );
      const settle = (finish: () => void): void => {
        clearTimeout(timer);
        this.pending.delete(key);
        finish();
      };
      this.pending.set(key, makePending(
        (value) => settle(() => resolve(value as T)),
        (error) => settle(() => reject(error)),
      ));
      this.send(message);
    });
  }

  private rejectAll(error: Error): void {
    for (const pending of [...this.pending.values()]) pending.reject(error);
  }

  private receive(message: StoreToMain): void {
    if (message.t === 'state') {
      const pending = this.pending.get(STATE_KEY);
      if (pending?.kind === 'state') pending.resolve(message.state);
      return;
    }
    if (message.t !== 'ack' && message.t !== 'nack') return;
    const pending = this.pending.get(message.seq);
    if (pending?.kind !== 'ack') return;
    if (message.t === 'ack') pending.resolve({ stored: message.stored, skipped: message.skipped ?? {}, ...(message.held ? { held: message.held } : {}) });
    else pending.reject(storeRefusal(message));
  }

  private send(message: MainToStore): void {
    if (this.closedError) throw this.closedError;
    this.link.send(message);
  }

  private trySend(message: MainToStore): void {
    try {
      this.link.send(message);
    } catch {
      // The other side is already gone; nothing is waiting for this message.
    }
  }
}

/** Data the store could not read; `reason` is the store's own words, for a caller that knows where the data came from. */
export class StoreRefusal extends SyncError {
  constructor(readonly reason: string) {
    super('malformed', `The local database refused data it could not read: ${reason}`);
  }
}

/** What the store's refusal means for the user: data it could not read is not a full disk. */
function storeRefusal(nack: Extract<StoreToMain, { t: 'nack' }>): SyncError {
  switch (nack.kind) {
    case 'refused':
      return new StoreRefusal(nack.message);
    case 'full':
      return new SyncError('disk-full', `The local database is out of room: ${nack.message}`);
    default:
      return new SyncError('store', `The local database could not store the data: ${nack.message}`);
  }
}
