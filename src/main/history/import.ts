/**
 * Importing dump files of past dates into history (File → Import dumps for history…): many
 * files at once, in any order. Each file is read and checked here, reduced to what history
 * keeps of it, and sent to the store worker as one moment over a job's port. The local copy is
 * never touched; a file that cannot be read is reported and the others go on. Electron-free,
 * so the e2e harness runs it as the app does.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { factsToWire, type ObservationWire } from '../../shared/history/facts';
import type { HistoryFileOutcome, HistoryImportProgress } from '../../shared/history/protocol';
import { projectFacts, type HistoryRows } from '../../shared/history/project';
import type { PdbType } from '../../shared/peeringdb';
import type { MainToStore, StoreToMain } from '../../shared/sync';
import { checkRows, mayHoldLoneSurrogates } from '../../shared/row-schema';
import { readDump } from '../sync/dump-parser';
import { newestChange } from '../sync/envelope';
import { SyncError } from '../sync/errors';
import type { StartResult, StoreLink } from '../sync/sync-types';

export interface HistoryImporterDeps {
  openStoreLink(jobId: string): StoreLink;
  emitProgress(progress: HistoryImportProgress): void;
  /** Reads a dump file as chunks of bytes; node:fs in the app. */
  readFileChunks?: (path: string) => AsyncIterable<Uint8Array>;
  /** Longest wait for the store to keep one moment. */
  storeTimeoutMs?: number;
  now?: () => number;
}

export interface HistoryImporter {
  start(paths: readonly string[]): StartResult;
  cancel(): boolean;
  readonly running: boolean;
  /** Resolves when the running import (if any) has ended. */
  idle(): Promise<void>;
}

/** A moment may be this far ahead of the local clock (clocks differ a little). */
const CLOCK_SKEW = 300;
const CANCELLED = 'history-import-cancelled';

/** CAIDA names its files peeringdb_2_dump_YYYY_MM_DD.json; YYYY-MM-DD is read as well. */
export function dateInFileName(fileName: string): number | null {
  const match = /(\d{4})[_-](\d{2})[_-](\d{2})/.exec(fileName);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = Date.UTC(year, month - 1, day);
  const date = new Date(at);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return at / 1000;
}

/**
 * The moment a dump stands for: when it was generated (or its newest change), within the day its
 * file name gives. A dump made on a quiet day has no change of that day: it stands for the
 * day's start. Without a date in the name, its contents must say.
 */
export function dumpMoment(fileName: string, dump: ParsedDump): number {
  let newest: number | undefined;
  for (const entry of dump.types) {
    if (entry.snapshotAt !== undefined && (newest === undefined || entry.snapshotAt > newest)) newest = entry.snapshotAt;
  }
  const day = dateInFileName(fileName);
  if (day === null) {
    if (newest === undefined) {
      throw new SyncError('dump-format', `${fileName} has no date: neither its name (peeringdb_2_dump_YYYY_MM_DD.json) nor its rows say when it was made.`);
    }
    return Math.floor(newest);
  }
  return Math.floor(newest === undefined || newest < day ? day : newest);
}

/** What history is made of: a dump without one of these cannot say what was there. */
const HISTORY_TYPES: readonly PdbType[] = ['ix', 'fac', 'net', 'netixlan', 'netfac', 'poc'];
const isHistoryType = (type: PdbType) => HISTORY_TYPES.includes(type);

/** What history reads of a dump: the rows of its own types, each type's moment, and what the file lacks. */
export interface ParsedDump {
  types: { type: PdbType; rows: Record<string, unknown>[]; snapshotAt: number | undefined }[];
  missing: PdbType[];
}

/**
 * Streams the file (as a dump import does, so its size does not matter) and keeps the valid
 * rows of history's types only; the other types pass by.
 */
export async function readDumpForHistory(chunks: AsyncIterable<Uint8Array>, fileName: string, signal: AbortSignal): Promise<ParsedDump> {
  const kept = new Map<PdbType, Record<string, unknown>[]>();
  const summary = await readDump(chunks, fileName, {
    batchRows: 5_000,
    signal,
    onRows: async (type, batch, text) => {
      if (!isHistoryType(type)) return;
      let rows = kept.get(type);
      if (!rows) kept.set(type, (rows = []));
      const checked = checkRows(type, batch, { repair: text === undefined || mayHoldLoneSurrogates(text) });
      for (const row of checked.rows) rows.push(row as unknown as Record<string, unknown>);
    },
  });
  return {
    types: summary.types.filter(isHistoryType).map((type) => {
      const rows = kept.get(type) ?? [];
      return { type, rows, snapshotAt: summary.generated[type] ?? newestChange(rows) };
    }),
    missing: summary.missing,
  };
}

function rowsOf(dump: ParsedDump, type: PdbType): Record<string, unknown>[] {
  return dump.types.find((entry) => entry.type === type)?.rows ?? [];
}

/** What history keeps of a dump, as the text the store reads. */
export function momentText(fileName: string, dump: ParsedDump, at: number): string {
  // A missing list would read as "every network left": refuse the file instead.
  const missing = HISTORY_TYPES.filter((type) => dump.missing.includes(type));
  if (missing.length > 0) {
    throw new SyncError('dump-format', `${fileName} holds no ${missing.join(', ')}: history needs ${HISTORY_TYPES.join(', ')}.`);
  }
  const rows: HistoryRows = {
    ix: rowsOf(dump, 'ix'),
    fac: rowsOf(dump, 'fac'),
    net: rowsOf(dump, 'net'),
    netixlan: rowsOf(dump, 'netixlan'),
    netfac: rowsOf(dump, 'netfac'),
    poc: rowsOf(dump, 'poc'),
  };
  const wire: ObservationWire = { at, source: 'dump', label: fileName, facts: factsToWire(projectFacts(rows)) };
  return JSON.stringify(wire);
}

/** The store's end of the job's port: one moment at a time, each acknowledged once stored. */
class MomentChannel {
  private seq = 0;
  private waiting: { seq: number; settle: (reply: StoreToMain | Error) => void } | null = null;
  private closed: Error | null = null;

  constructor(
    private readonly link: StoreLink,
    private readonly signal: AbortSignal,
    private readonly timeoutMs: number,
  ) {
    link.onMessage((message) => {
      if (this.waiting && 'seq' in message && message.seq === this.waiting.seq) this.waiting.settle(message);
    });
    link.onClose(() => {
      this.closed = new Error('The app window closed, so the import stopped.');
      this.waiting?.settle(this.closed);
    });
  }

  send(rowsJson: string): Promise<Extract<StoreToMain, { t: 'history-ack' }>> {
    if (this.closed) return Promise.reject(this.closed);
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => settle(new Error('The local database did not confirm the file in time.')), this.timeoutMs);
      const onAbort = () => settle(new Error(CANCELLED));
      const settle = (reply: StoreToMain | Error) => {
        clearTimeout(timer);
        this.signal.removeEventListener('abort', onAbort);
        this.waiting = null;
        if (reply instanceof Error) reject(reply);
        else if (reply.t === 'history-ack') resolve(reply);
        else if (reply.t === 'nack') reject(new Error(reply.message));
        else reject(new Error(`The local database answered "${reply.t}" to a history file.`));
      };
      this.signal.addEventListener('abort', onAbort, { once: true });
      this.waiting = { seq, settle };
      const message: MainToStore = { t: 'history-moment', seq, rowsJson };
      this.link.send(message);
    });
  }

  close(): void {
    this.link.close();
  }
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function summarise(files: readonly HistoryFileOutcome[]): string {
  const added = files.filter((file) => file.outcome === 'added').length;
  const known = files.filter((file) => file.outcome === 'known').length;
  const failed = files.filter((file) => file.outcome === 'failed').length;
  const parts = [`${plural(added, 'dump', 'dumps')} added to history`];
  if (known) parts.push(`${plural(known, 'was', 'were')} there already`);
  if (failed) parts.push(`${failed} could not be imported`);
  return `${parts.join(', ')}.`;
}

export function createHistoryImporter(deps: HistoryImporterDeps): HistoryImporter {
  const readFileChunks = deps.readFileChunks ?? ((path: string) => createReadStream(path));
  const now = deps.now ?? (() => Date.now());
  let running: { abort: AbortController; finished: Promise<void> } | null = null;

  /** A file read, checked and reduced to what history keeps of it; or why it could not be. */
  type Prepared = { file: string; at: number; rowsJson: string } | { file: string; failure: HistoryFileOutcome };

  async function prepare(path: string, signal: AbortSignal): Promise<Prepared> {
    const file = basename(path);
    let at: number | undefined;
    try {
      let dump: ParsedDump;
      try {
        dump = await readDumpForHistory(readFileChunks(path), file, signal);
      } catch (error) {
        if (error instanceof SyncError || signal.aborted) throw error;
        throw new Error(`Cannot read it: ${(error as Error).message}`, { cause: error });
      }
      at = dumpMoment(file, dump);
      if (at > now() / 1000 + CLOCK_SKEW) {
        throw new Error(`It is dated ${new Date(at * 1000).toISOString().slice(0, 10)}, after today.`);
      }
      return { file, at, rowsJson: momentText(file, dump, at) };
    } catch (error) {
      if (signal.aborted) throw error;
      const message = error instanceof Error ? error.message : String(error);
      return { file, failure: { file, outcome: 'failed', ...(at !== undefined ? { at } : {}), message, finishedAt: now() } };
    }
  }

  function start(paths: readonly string[]): StartResult {
    if (running) return { started: false, reason: 'Dumps are already being imported into history.' };
    if (paths.length === 0) return { started: false, reason: 'No file was chosen.' };
    const abort = new AbortController();
    const jobId = globalThis.crypto.randomUUID();
    const files: HistoryFileOutcome[] = [];
    const startedAt = now();
    const emit = (phase: HistoryImportProgress['phase'], extra: Partial<HistoryImportProgress> = {}) =>
      deps.emitProgress({ jobId, phase, total: paths.length, finished: files.length, files: [...files], startedAt, ...extra });

    const job = { abort, finished: Promise.resolve() };
    running = job;
    job.finished = (async () => {
      let channel: MomentChannel | null = null;
      try {
        channel = new MomentChannel(deps.openStoreLink(jobId), abort.signal, deps.storeTimeoutMs ?? 300_000);
        emit('reading', { current: basename(paths[0]!) });
        // The next file is read while the store keeps the one before: reading and storing overlap.
        let next: Promise<Prepared> | null = prepare(paths[0]!, abort.signal);
        for (let index = 0; next; index++) {
          const prepared = await next;
          abort.signal.throwIfAborted();
          const following = paths[index + 1];
          next = following === undefined ? null : prepare(following, abort.signal);
          // A read that fails while this file is stored is reported in its turn.
          next?.catch(() => undefined);
          if ('failure' in prepared) {
            files.push(prepared.failure);
            continue;
          }
          emit('storing', { current: prepared.file });
          try {
            const ack = await channel.send(prepared.rowsJson);
            files.push({ file: prepared.file, outcome: ack.outcome, at: ack.at, finishedAt: now() });
          } catch (error) {
            if (abort.signal.aborted) throw error;
            files.push({ file: prepared.file, outcome: 'failed', at: prepared.at, message: (error as Error).message, finishedAt: now() });
          }
        }
        emit('done', { message: summarise(files), endedAt: now() });
      } catch (error) {
        if (abort.signal.aborted) {
          emit('cancelled', { message: `Cancelled. ${summarise(files)}`, endedAt: now() });
        } else {
          emit('error', { message: `The import stopped: ${error instanceof Error ? error.message : String(error)} ${summarise(files)}`, endedAt: now() });
        }
      } finally {
        channel?.close();
        running = null;
      }
    })();
    return { started: true };
  }

  return {
    start,
    cancel() {
      if (!running || running.abort.signal.aborted) return false;
      running.abort.abort();
      return true;
    },
    get running() {
      return running !== null;
    },
    idle: () => running?.finished ?? Promise.resolve(),
  };
}
