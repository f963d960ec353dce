/**
 * Killing the store in the middle of its IndexedDB work, for tests of crash recovery: armed
 * with N, the Nth write request to the named database (a put, add, delete or clear, by a store
 * or a cursor) throws, every transaction still open on it is aborted, and from then on every
 * request and transaction on it fails, as if the process had died at that instant. A fresh
 * connection after `disarm` sees what a restarted app would: only what had committed.
 * Works on fake-indexeddb (import 'fake-indexeddb/auto' first).
 */

type Method = (this: unknown, ...args: unknown[]) => unknown;

interface Patched {
  target: Record<string, unknown>;
  name: string;
  original: Method;
}

export class WriteKillSwitch {
  /** Writes counted since `arm` (or since install, when never armed). */
  writes = 0;
  private killAt = Number.POSITIVE_INFINITY;
  private killed = false;
  private readonly patched: Patched[] = [];
  private readonly open = new Set<IDBTransaction>();

  constructor(private readonly dbName: string) {}

  /** Whether the kill has happened. */
  get fired(): boolean {
    return this.killed;
  }

  install(): this {
    const g = globalThis as unknown as Record<string, { prototype: Record<string, unknown> } | undefined>;
    const storeProto = g.IDBObjectStore?.prototype;
    const cursorProto = g.IDBCursor?.prototype;
    const dbProto = g.IDBDatabase?.prototype;
    const indexProto = g.IDBIndex?.prototype;
    if (!storeProto || !cursorProto || !dbProto || !indexProto) throw new Error('IndexedDB is not installed (import fake-indexeddb/auto first)');
    const nameOfStore = (store: unknown) => (store as IDBObjectStore).transaction.db.name;
    const nameOfCursor = (cursor: unknown) => {
      const source = (cursor as IDBCursor).source as IDBObjectStore | IDBIndex;
      return ('objectStore' in source ? source.objectStore : source).transaction.db.name;
    };
    for (const name of ['put', 'add', 'delete', 'clear']) this.wrap(storeProto, name, (store) => this.write(nameOfStore(store)));
    for (const name of ['update', 'delete']) this.wrap(cursorProto, name, (cursor) => this.write(nameOfCursor(cursor)));
    for (const name of ['get', 'getAll', 'getAllKeys', 'getKey', 'count', 'openCursor', 'openKeyCursor']) {
      this.wrap(storeProto, name, (store) => this.read(nameOfStore(store)));
      this.wrap(indexProto, name, (index) => this.read(nameOfStore((index as IDBIndex).objectStore)));
    }
    const originalTransaction = dbProto.transaction as Method;
    this.patched.push({ target: dbProto, name: 'transaction', original: originalTransaction });
    const watched = this.dbName;
    const open = this.open;
    const refuseIfKilled = (name: string) => this.read(name);
    dbProto.transaction = function (this: IDBDatabase, ...args: unknown[]) {
      if (this.name === watched) refuseIfKilled(this.name);
      const transaction = originalTransaction.apply(this, args) as IDBTransaction;
      if (this.name === watched) {
        open.add(transaction);
        const done = () => open.delete(transaction);
        transaction.addEventListener('complete', done);
        transaction.addEventListener('abort', done);
        transaction.addEventListener('error', done);
      }
      return transaction;
    };
    return this;
  }

  /** Kill at the `n`th write from now (1 = the next one). */
  arm(n: number): void {
    this.writes = 0;
    this.killAt = n;
  }

  /** The app restarts: requests work again (on connections opened from now on). */
  disarm(): void {
    this.killAt = Number.POSITIVE_INFINITY;
    this.killed = false;
  }

  uninstall(): void {
    for (const { target, name, original } of this.patched.reverse()) target[name] = original;
    this.patched.length = 0;
  }

  private wrap(target: Record<string, unknown>, name: string, check: (self: unknown) => void): void {
    const original = target[name] as Method;
    this.patched.push({ target, name, original });
    target[name] = function (this: unknown, ...args: unknown[]) {
      check(this);
      return original.apply(this, args);
    };
  }

  private write(dbName: string): void {
    if (dbName !== this.dbName) return;
    this.read(dbName);
    this.writes++;
    if (this.writes >= this.killAt) this.kill();
  }

  private read(dbName: string): void {
    if (dbName === this.dbName && this.killed) throw new DOMException('The store was killed', 'InvalidStateError');
  }

  private kill(): void {
    this.killed = true;
    // Nothing still uncommitted survives a crash.
    for (const transaction of this.open) {
      try {
        transaction.abort();
      } catch {
        // Already finishing: it committed before the kill, as a real one could have.
      }
    }
    this.open.clear();
    throw new DOMException('The store was killed', 'InvalidStateError');
  }
}
