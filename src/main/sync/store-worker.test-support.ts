/**
 * The store worker of one app run for tests of the whole sync path in Node: its database, its
 * copy, and the ports main opens to it, each served by the real sync endpoint.
 */
import type { PdbType } from '../../shared/peeringdb';
import type { MainToStore, StoreToMain } from '../../shared/sync';
import type { PeeringDatabase } from '../../renderer/src/worker/db/schema';
import { LocalCopy } from '../../renderer/src/worker/copy/local-copy';
import { loadCopy } from '../../renderer/src/worker/copy/load';
import { createSyncEndpoint } from '../../renderer/src/worker/sync/endpoint';
import type { StoreLink } from './sync-types';

export class StoreWorker {
  readonly copy = new LocalCopy();
  private readonly links = new Set<{ closeFromStore(): void }>();
  /** Messages still being applied by an endpoint. */
  private readonly applying = new Set<Promise<void>>();
  /** Called with each page message before the store applies it. */
  onPage: ((page: Extract<MainToStore, { t: 'page' }>) => void) | null = null;

  constructor(readonly db: PeeringDatabase) {}

  async start(): Promise<this> {
    await loadCopy(this.db, this.copy);
    return this;
  }

  openLink = (): StoreLink => {
    const messageListeners: ((message: StoreToMain) => void)[] = [];
    const closeListeners: (() => void)[] = [];
    let closed = false;
    const endpoint = createSyncEndpoint({ db: this.db, copy: this.copy }, (reply) => {
      const copy = structuredClone(reply);
      setTimeout(() => {
        if (!closed) for (const listener of messageListeners) listener(copy);
      }, 0);
    });
    const link = {
      closeFromStore: () => {
        closed = true;
        for (const listener of closeListeners) listener();
      },
    };
    this.links.add(link);
    return {
      send: (message) => {
        if (closed) return;
        const copy = structuredClone(message);
        if (copy.t === 'page') this.onPage?.(copy);
        // A kill in onPage takes the page down with it, before it reaches the database.
        if (closed) return;
        const applied = endpoint.receive(copy).catch(() => undefined);
        this.applying.add(applied);
        void applied.finally(() => this.applying.delete(applied));
      },
      onMessage: (listener) => void messageListeners.push(listener),
      onClose: (listener) => void closeListeners.push(listener),
      close: () => {
        closed = true;
        this.links.delete(link);
      },
    };
  };

  /** Resolves once every message sent so far has been applied (the job's end included). */
  async settled(): Promise<void> {
    while (this.applying.size > 0) await Promise.all([...this.applying]);
  }

  /** The app dies: its window and worker are gone without a goodbye. */
  kill(): void {
    for (const link of this.links) link.closeFromStore();
    this.links.clear();
  }

  ids(type: PdbType): number[] {
    return [...this.copy.rows[type].keys()].sort((a, b) => a - b);
  }
}

