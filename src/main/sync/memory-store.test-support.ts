/**
 * A store worker in memory for tests of the sync engine: it speaks the protocol of
 * src/shared/sync.ts as the real store does (acks a page only after applying it, keeps
 * per-type watermarks, holds a full list apart until its swap, checks rows against the row
 * schema and counts those of a held page in its ack, refuses the swap of a list with a page
 * it refused, records pocWithKey), and
 * records what it received so tests can check what was sent.
 */
import type { PdbType } from '../../shared/peeringdb';
import { checkRows } from '../../shared/row-schema';
import type { MainToStore, StoreState, StoreToMain } from '../../shared/sync';
import type { StoreLink } from './sync-types';

type Row = Record<string, unknown> & { id: number; status?: string };
type PageMessage = Extract<MainToStore, { t: 'page' }>;

export interface ReceivedPage {
  jobId: string;
  type: PdbType;
  seq: number;
  ids: number[];
  complete: boolean;
  replace: boolean;
  snapshotAt?: number;
}

function newestChange(rows: Row[]): number | undefined {
  let newest: number | undefined;
  for (const row of rows) {
    for (const field of ['created', 'updated']) {
      const value = row[field];
      const at = typeof value === 'string' ? Date.parse(value) / 1000 : Number.NaN;
      if (!Number.isNaN(at) && (newest === undefined || at > newest)) newest = at;
    }
  }
  return newest;
}

export class MemoryStore {
  readonly rows = new Map<PdbType, Map<number, Row>>();
  readonly watermarks: Partial<Record<PdbType, number>> = {};
  pocWithKey = false;
  readonly pages: ReceivedPage[] = [];
  readonly ends: Extract<MainToStore, { t: 'end' }>[] = [];
  readonly swaps: { jobId: string; types: PdbType[]; snapshotAt?: Partial<Record<PdbType, number>> }[] = [];
  readonly messages: MainToStore[] = [];
  /** Called after a page was applied and before it is acked. */
  onApplied: ((page: ReceivedPage) => void) | null = null;
  /** When set, the next page is refused with this reason. */
  refuseNextPage: string | null = null;
  linksOpened = 0;
  private endWaiters: ((end: Extract<MainToStore, { t: 'end' }>) => void)[] = [];
  private swapWaiters: { type: PdbType; resolve: () => void }[] = [];

  private job = MemoryStore.newJob('', false);
  private openLinks = new Set<MemoryLink>();

  private static newJob(jobId: string, withKey: boolean) {
    /** `refused`: held lists with a page the store refused, and why; their swap is refused too. */
    return { jobId, withKey, held: new Map<PdbType, Map<number, Row>>(), listNewest: new Map<PdbType, number>(), refused: new Map<PdbType, string>() };
  }

  /** What the app's openStoreLink would return. */
  openLink = (jobId: string): StoreLink => {
    this.linksOpened++;
    const link = new MemoryLink(jobId, this);
    this.openLinks.add(link);
    return link;
  };

  /** The end message of the job that is running, once it arrives (ends travel asynchronously). */
  nextEnd(): Promise<Extract<MainToStore, { t: 'end' }>> {
    return new Promise((resolve) => this.endWaiters.push(resolve));
  }

  /**
   * Resolves once a list of `type` has taken its place (at once if one has in this store):
   * main fetches the next files ahead, so a request for a later type says nothing of this one.
   */
  swapped(type: PdbType): Promise<void> {
    if (this.swaps.some((swap) => swap.types.includes(type))) return Promise.resolve();
    return new Promise((resolve) => this.swapWaiters.push({ type, resolve }));
  }

  /** The window goes away: every open link reports closed. */
  closeFromStoreSide(): void {
    for (const link of this.openLinks) link.closedByStore();
    this.openLinks.clear();
  }

  live(type: PdbType): Row[] {
    return [...(this.rows.get(type)?.values() ?? [])].filter((row) => row.status !== 'deleted');
  }

  state(): StoreState {
    return { watermarks: { ...this.watermarks }, pocWithKey: this.pocWithKey };
  }

  linkClosed(link: MemoryLink): void {
    this.openLinks.delete(link);
  }

  receive(message: MainToStore, reply: (message: StoreToMain) => void): void {
    this.messages.push(message);
    switch (message.t) {
      case 'hello':
        this.job = MemoryStore.newJob(message.jobId, message.withKey);
        return;
      case 'state?':
        reply({ t: 'state', state: this.state() });
        return;
      case 'page':
        this.applyPage(message, reply);
        return;
      case 'swap':
        this.applySwap(message, reply);
        return;
      case 'end': {
        this.ends.push(message);
        const waiters = this.endWaiters;
        this.endWaiters = [];
        for (const resolve of waiters) resolve(message);
        return;
      }
      case 'progress':
        return;
    }
  }

  private applyPage(page: PageMessage, reply: (message: StoreToMain) => void): void {
    if (page.replace && page.startsList) {
      // Read again from its start: what an earlier reading left is dropped.
      this.job.held.delete(page.type);
      this.job.refused.delete(page.type);
      this.job.listNewest.delete(page.type);
    }
    const refuse = (message: string, kind: 'refused' | 'write'): void => {
      if (page.replace && !this.job.refused.has(page.type)) this.job.refused.set(page.type, message);
      reply({ t: 'nack', seq: page.seq, message, kind });
    };
    if (this.refuseNextPage !== null) {
      const reason = this.refuseNextPage;
      this.refuseNextPage = null;
      refuse(reason, 'write');
      return;
    }
    const refusedBefore = page.replace ? this.job.refused.get(page.type) : undefined;
    if (refusedBefore !== undefined) {
      refuse(refusedBefore, 'refused');
      return;
    }
    // Rows, or PeeringDB's answer holding them (see MainToStore).
    let value: unknown[] | { data: unknown[] };
    try {
      value = JSON.parse(page.rowsJson) as unknown[] | { data: unknown[] };
    } catch (error) {
      refuse(`Page ${page.seq} of ${page.type} was refused: the page is not valid JSON (${(error as Error).message})`, 'refused');
      return;
    }
    const checked = checkRows(page.type, Array.isArray(value) ? value : value.data, { repair: true });
    const rows = checked.rows as unknown as Row[];
    let table = this.rows.get(page.type);
    if (!table) {
      table = new Map();
      this.rows.set(page.type, table);
    }
    const isFullList = page.replace === true || page.snapshotAt !== undefined;
    if (page.replace) {
      // Held apart until the swap, as the real store does.
      let held = this.job.held.get(page.type);
      if (!held) this.job.held.set(page.type, (held = new Map()));
      table = held;
    }
    for (const row of rows) table.set(row.id, row);
    const newest = newestChange(rows);
    if (isFullList) {
      const listNewest = Math.max(this.job.listNewest.get(page.type) ?? -Infinity, newest ?? -Infinity);
      if (Number.isFinite(listNewest)) this.job.listNewest.set(page.type, listNewest);
      if (page.complete && !page.replace) {
        const value = page.snapshotAt ?? this.job.listNewest.get(page.type);
        if (value !== undefined) this.watermarks[page.type] = value;
      }
    } else if (newest !== undefined && (this.watermarks[page.type] ?? -Infinity) < newest) {
      this.watermarks[page.type] = newest;
    }
    if (page.type === 'poc' && page.complete && this.job.withKey && !page.replace) this.pocWithKey = true;
    const received: ReceivedPage = {
      jobId: this.job.jobId,
      type: page.type,
      seq: page.seq,
      ids: rows.map((row) => row.id),
      complete: page.complete,
      replace: page.replace === true,
      ...(page.snapshotAt === undefined ? {} : { snapshotAt: page.snapshotAt }),
    };
    this.pages.push(received);
    this.onApplied?.(received);
    const skipped = checked.skipped > 0 ? { skipped: checked.reasons } : {};
    const deleted = rows.filter((row) => row.status === 'deleted').length;
    const held = page.replace ? { held: { live: rows.length - deleted, deleted } } : {};
    reply({ t: 'ack', seq: page.seq, stored: new Set(received.ids).size, ...skipped, ...held });
  }

  /** Every list held for the swap's types takes its type's place at once. */
  private applySwap(swap: Extract<MainToStore, { t: 'swap' }>, reply: (message: StoreToMain) => void): void {
    const refused = swap.types.map((type) => this.job.refused.get(type)).find((reason) => reason !== undefined);
    if (refused !== undefined) {
      reply({ t: 'nack', seq: swap.seq, message: refused, kind: 'refused' });
      return;
    }
    this.swaps.push({ jobId: this.job.jobId, types: [...swap.types], ...(swap.snapshotAt ? { snapshotAt: { ...swap.snapshotAt } } : {}) });
    let stored = 0;
    for (const type of swap.types) {
      const held = this.job.held.get(type) ?? new Map<number, Row>();
      this.rows.set(type, new Map([...held].filter(([, row]) => row.status !== 'deleted')));
      stored += held.size;
      const value = swap.snapshotAt?.[type] ?? this.job.listNewest.get(type);
      if (value !== undefined) this.watermarks[type] = Math.min(value, swap.notAfter ?? Infinity);
      if (type === 'poc') this.pocWithKey = this.job.withKey;
      this.job.held.delete(type);
    }
    reply({ t: 'ack', seq: swap.seq, stored });
    const waiting = this.swapWaiters.filter((waiter) => swap.types.includes(waiter.type));
    this.swapWaiters = this.swapWaiters.filter((waiter) => !waiting.includes(waiter));
    for (const waiter of waiting) waiter.resolve();
  }
}

/** A channel that, like a MessagePort, delivers each message asynchronously. */
class MemoryLink implements StoreLink {
  private listeners: ((message: StoreToMain) => void)[] = [];
  private closeListeners: (() => void)[] = [];
  private closed = false;

  constructor(
    readonly jobId: string,
    private readonly store: MemoryStore,
  ) {}

  send(message: MainToStore): void {
    if (this.closed) throw new Error('the store link is closed');
    const copy = structuredClone(message);
    setTimeout(() => {
      if (this.closed) return;
      this.store.receive(copy, (reply) => {
        setTimeout(() => {
          if (!this.closed) for (const listener of this.listeners) listener(structuredClone(reply));
        }, 0);
      });
    }, 0);
  }

  onMessage(listener: (message: StoreToMain) => void): void {
    this.listeners.push(listener);
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  close(): void {
    // Messages already sent (the end) are still delivered, as with a MessagePort.
    setTimeout(() => {
      this.closed = true;
      this.store.linkClosed(this);
    }, 1);
  }

  closedByStore(): void {
    if (this.closed) return;
    this.closed = true;
    for (const listener of this.closeListeners) listener();
  }
}
