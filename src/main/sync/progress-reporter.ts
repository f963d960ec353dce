/**
 * The job's one progress stream: counters per type, throttled to a rate the UI can show,
 * with phase changes and the end always sent at once.
 */
import type { PdbType } from '../../shared/peeringdb';
import { addSkipped, type SkipReasons } from '../../shared/row-schema';
import type { SyncErrorCode, SyncPhase, SyncProgress, SyncSource, SyncWait, TypeProgress } from '../../shared/sync';

/** Milliseconds left, extrapolated from the time the work done so far took. */
export function estimateEta(elapsedMs: number, done: number, total: number): number | undefined {
  if (done <= 0 || total <= done || elapsedMs <= 0) return total > 0 && done >= total ? 0 : undefined;
  return Math.round((elapsedMs / done) * (total - done));
}

export class ProgressReporter {
  private readonly state: SyncProgress;
  private lastEmitAt = Number.NEGATIVE_INFINITY;
  private trailing: ReturnType<typeof setTimeout> | null = null;
  private finished = false;

  constructor(
    jobId: string,
    source: SyncSource,
    private readonly emit: (progress: SyncProgress) => void,
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.state = { jobId, source, phase: 'starting', types: {}, fetchedRows: 0, storedRows: 0, bytes: 0, startedAt: now() };
  }

  get startedAt(): number {
    return this.state.startedAt;
  }

  snapshot(): SyncProgress {
    return structuredClone(this.state);
  }

  setSource(source: SyncSource): void {
    this.state.source = source;
  }

  /**
   * The first event and a new type go out at once, whatever the throttle says. Within a type
   * the phase flips between fetching and storing with every page: those follow the throttle,
   * or a quiet resync would send a handful of events per type for nothing a person could see.
   */
  phase(phase: SyncPhase, type?: PdbType): void {
    if (this.finished) return;
    const first = this.lastEmitAt === Number.NEGATIVE_INFINITY;
    const newType = type !== undefined && type !== this.state.type;
    const phaseChanged = phase !== this.state.phase;
    this.state.phase = phase;
    if (type !== undefined) {
      this.state.type = type;
      this.typeProgress(type);
    }
    if (first || newType) this.flush();
    else if (phaseChanged) this.changed();
  }

  fetched(type: PdbType, rows: number): void {
    this.typeProgress(type).fetched += rows;
    this.state.fetchedRows += rows;
    this.changed();
  }

  /** Rows received as deleted: counted apart, they add nothing to the copy. */
  deleted(type: PdbType, rows: number): void {
    this.typeProgress(type).deleted += rows;
    this.changed();
  }

  /** Rows left out as not valid, by reason. */
  skipped(type: PdbType, reasons: SkipReasons): void {
    let count = 0;
    for (const n of Object.values(reasons)) count += n;
    if (count === 0) return;
    this.typeProgress(type).skipped += count;
    addSkipped((this.state.skippedRows ??= {}), type, reasons);
    this.changed();
  }

  /** Bytes read; `type` is undefined while no type is being read (a dump's other keys). */
  bytes(type: PdbType | undefined, bytes: number): void {
    if (type !== undefined) this.typeProgress(type).bytes += bytes;
    this.state.bytes += bytes;
    this.changed();
  }

  /** A list read again from its start: what was counted of the earlier reading no longer holds. */
  uncount(type: PdbType, counted: { live: number; deleted: number; skipped: SkipReasons }): void {
    const entry = this.typeProgress(type);
    entry.fetched -= counted.live;
    entry.deleted -= counted.deleted;
    this.state.fetchedRows -= counted.live;
    const reasons = this.state.skippedRows?.[type];
    for (const [reason, count] of Object.entries(counted.skipped)) {
      entry.skipped -= count;
      if (!reasons?.[reason]) continue;
      reasons[reason] -= count;
      if (reasons[reason] <= 0) delete reasons[reason];
    }
    if (reasons && Object.keys(reasons).length === 0) delete this.state.skippedRows![type];
    this.changed();
  }

  stored(type: PdbType, rows: number): void {
    this.typeProgress(type).stored += rows;
    this.state.storedRows += rows;
    this.changed();
  }

  typeDone(type: PdbType): void {
    this.typeProgress(type).done = true;
    this.changed();
  }

  eta(ms: number | undefined): void {
    if (ms === undefined) delete this.state.etaMs;
    else this.state.etaMs = ms;
  }

  /**
   * A pause before the next request begins (null: it is over). Its start goes out at once, as a
   * phase change does: a pause is when the user wonders why nothing moves.
   */
  waiting(wait: SyncWait | null): void {
    if (this.finished) return;
    if (wait === null) {
      if (this.state.waiting === undefined) return;
      delete this.state.waiting;
      this.changed();
      return;
    }
    this.state.waiting = wait;
    this.flush();
  }

  finish(phase: 'done' | 'cancelled' | 'error', message?: string, code?: SyncErrorCode): void {
    if (this.finished) return;
    this.finished = true;
    delete this.state.waiting;
    this.state.phase = phase;
    this.state.endedAt = this.now();
    if (phase === 'done') this.state.etaMs = 0;
    else delete this.state.etaMs;
    if (message !== undefined) this.state.message = message;
    if (code !== undefined) this.state.code = code;
    this.flush();
  }

  private typeProgress(type: PdbType): TypeProgress {
    let entry = this.state.types[type];
    if (!entry) {
      entry = { fetched: 0, deleted: 0, stored: 0, skipped: 0, bytes: 0, done: false };
      this.state.types[type] = entry;
    }
    return entry;
  }

  private changed(): void {
    if (this.finished) return;
    const wait = this.lastEmitAt + this.intervalMs - this.now();
    if (wait <= 0) {
      this.flush();
      return;
    }
    // The last change before a quiet spell must still reach the UI.
    this.trailing ??= setTimeout(() => {
      this.trailing = null;
      if (!this.finished) this.flush();
    }, wait);
  }

  private flush(): void {
    if (this.trailing) {
      clearTimeout(this.trailing);
      this.trailing = null;
    }
    this.lastEmitAt = this.now();
    try {
      this.emit(this.snapshot());
    } catch {
      // A listener that fails (a window that is closing) must not stop the sync.
    }
  }
}
