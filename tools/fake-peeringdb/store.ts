/**
 * The fake PeeringDB's data: rows per type, a virtual clock, and the soft-delete semantics
 * of the real server (status "deleted", `updated` bumped, children cascaded).
 *
 * Rows are never mutated in place: a change replaces the row object, so a snapshot (the
 * public cache) can hold on to the arrays it took without copying them.
 */
import { PDB_TYPES, pdbTimeToEpoch, type PdbRow, type PdbType } from '../../src/shared/peeringdb';
import type { PdbDump } from './dump';
import { completeRow, epochToPdbTime } from './rows';

export type AnyRow = Record<string, unknown> & { id: number; status: string; created: string; updated: string };

interface StoredRow {
  row: AnyRow;
  /** max(created, updated) in whole epoch seconds: what `since` compares against. */
  changedAt: number;
  updatedAt: number;
}

/** Children that a soft delete takes along, as django-peeringdb's delete_cascade does. */
const CASCADE_CHILDREN: Partial<Record<PdbType, readonly { type: PdbType; key: string }[]>> = {
  org: [
    { type: 'net', key: 'org_id' },
    { type: 'fac', key: 'org_id' },
    { type: 'ix', key: 'org_id' },
    { type: 'carrier', key: 'org_id' },
    { type: 'campus', key: 'org_id' },
  ],
  net: [
    { type: 'poc', key: 'net_id' },
    { type: 'netfac', key: 'net_id' },
    { type: 'netixlan', key: 'net_id' },
  ],
  ix: [
    { type: 'ixlan', key: 'ix_id' },
    { type: 'ixfac', key: 'ix_id' },
  ],
  ixlan: [
    { type: 'ixpfx', key: 'ixlan_id' },
    { type: 'netixlan', key: 'ixlan_id' },
  ],
  fac: [
    { type: 'ixfac', key: 'fac_id' },
    { type: 'netfac', key: 'fac_id' },
    { type: 'carrierfac', key: 'fac_id' },
  ],
  carrier: [{ type: 'carrierfac', key: 'carrier_id' }],
};

const POC_PERSONAL_FIELDS = ['name', 'phone', 'email', 'url'] as const;

export class UnknownRowError extends Error {
  override name = 'UnknownRowError';
}

export class VirtualClock {
  private current: number;

  constructor(startEpochSeconds: number) {
    this.current = startEpochSeconds;
  }

  /** Epoch seconds; may carry a fraction (the cache's `meta.generated` does). */
  now(): number {
    return this.current;
  }

  set(epochSeconds: number): void {
    if (!Number.isFinite(epochSeconds)) throw new RangeError(`not a time: ${epochSeconds}`);
    this.current = epochSeconds;
  }

  tick(seconds: number): number {
    if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`cannot tick by ${seconds}`);
    this.current += seconds;
    return this.current;
  }
}

function stored(row: AnyRow): StoredRow {
  const updatedAt = pdbTimeToEpoch(row.updated);
  return { row, updatedAt, changedAt: Math.max(pdbTimeToEpoch(row.created), updatedAt) };
}

export class PdbStore {
  readonly clock: VirtualClock;
  private readonly tables = new Map<PdbType, Map<number, StoredRow>>();
  private readonly byIdCache = new Map<PdbType, AnyRow[]>();
  /**
   * Each type's rows oldest `updated` first (id within a second): a sync asks per page. Built
   * at the first `since`, then kept in order as rows change, as a server's index is: sorting a
   * whole type again after every change made the first `since` after it cost the fake tens of
   * milliseconds a type, which a resync against it measured as its own.
   */
  private readonly sinceOrderCache = new Map<PdbType, StoredRow[]>();

  constructor(dump: PdbDump, clockStart?: number) {
    let newest = 0;
    for (const type of PDB_TYPES) {
      const table = new Map<number, StoredRow>();
      for (const row of (dump[type]?.data ?? []) as unknown as AnyRow[]) {
        const entry = stored(row);
        newest = Math.max(newest, entry.changedAt);
        table.set(row.id, entry);
      }
      this.tables.set(type, table);
    }
    this.clock = new VirtualClock(clockStart ?? Math.max(Date.now() / 1000, newest + 1));
  }

  private table(type: PdbType): Map<number, StoredRow> {
    const table = this.tables.get(type);
    if (!table) throw new UnknownRowError(`unknown type ${type}`);
    return table;
  }

  count(type: PdbType): number {
    return this.table(type).size;
  }

  get<T extends PdbType>(type: T, id: number): PdbRow<T> | undefined {
    return this.table(type).get(id)?.row as unknown as PdbRow<T> | undefined;
  }

  /** Every row of a type, any status, ordered by id. */
  allById(type: PdbType): readonly AnyRow[] {
    let rows = this.byIdCache.get(type);
    if (!rows) {
      rows = [...this.table(type).values()].map((entry) => entry.row).sort((a, b) => a.id - b.id);
      this.byIdCache.set(type, rows);
    }
    return rows;
  }

  /**
   * What `?since=` returns before status filtering: rows changed strictly after `since`
   * (whole seconds), oldest `updated` first.
   */
  changedSince(type: PdbType, since: number): AnyRow[] {
    let ordered = this.sinceOrderCache.get(type);
    if (!ordered) {
      ordered = [...this.table(type).values()].sort(bySinceOrder);
      this.sinceOrderCache.set(type, ordered);
    }
    const hits: AnyRow[] = [];
    for (const entry of ordered) {
      if (entry.changedAt > since) hits.push(entry.row);
    }
    return hits;
  }

  private put(type: PdbType, row: AnyRow): void {
    const table = this.table(type);
    const before = table.get(row.id);
    const isNew = before === undefined;
    const entry = stored(row);
    table.set(row.id, entry);
    this.keepSinceOrder(type, before, entry);
    const cached = this.byIdCache.get(type);
    if (!cached) return;
    if (isNew) {
      this.byIdCache.delete(type);
    } else {
      // Same ids, same order: replace the one entry instead of re-sorting the whole type.
      const at = binarySearchById(cached, row.id);
      if (at >= 0) cached[at] = row;
      else this.byIdCache.delete(type);
    }
  }

  /** Moves a changed row to its place in the type's `since` order, if that order was built. */
  private keepSinceOrder(type: PdbType, before: StoredRow | undefined, entry: StoredRow): void {
    const ordered = this.sinceOrderCache.get(type);
    if (!ordered) return;
    if (before) {
      const at = sinceOrderPlace(ordered, before);
      // A time that does not parse has no place to search for: the order is built afresh.
      if (ordered[at] !== before) {
        this.sinceOrderCache.delete(type);
        return;
      }
      ordered.splice(at, 1);
    }
    ordered.splice(sinceOrderPlace(ordered, entry), 0, entry);
  }

  private stampNow(): string {
    return epochToPdbTime(this.clock.now());
  }

  /** Adds a row; missing fields are filled as an empty field of that type would be. */
  add<T extends PdbType>(type: T, values: Partial<PdbRow<T>>): PdbRow<T> {
    const table = this.table(type);
    const id = values.id ?? this.nextId(type);
    if (table.has(id)) throw new UnknownRowError(`${type} ${id} already exists`);
    const row = completeRow(type, id, this.clock.now(), values);
    this.put(type, row as unknown as AnyRow);
    return row;
  }

  private nextId(type: PdbType): number {
    let max = 0;
    for (const id of this.table(type).keys()) if (id > max) max = id;
    return max + 1;
  }

  /** Changes fields of a row and bumps `updated` to the clock, as any edit on PeeringDB does. */
  update<T extends PdbType>(type: T, id: number, patch: Partial<PdbRow<T>>): PdbRow<T> {
    const current = this.table(type).get(id);
    if (!current) throw new UnknownRowError(`${type} ${id} does not exist`);
    const row: AnyRow = { ...current.row, ...(patch as Record<string, unknown>), id, updated: this.stampNow() };
    this.put(type, row);
    return row as unknown as PdbRow<T>;
  }

  /** Soft delete: the row stays, with status "deleted", and shows up in `since` feeds. */
  remove<T extends PdbType>(type: T, id: number): PdbRow<T> {
    const current = this.table(type).get(id);
    if (!current) throw new UnknownRowError(`${type} ${id} does not exist`);
    const row: AnyRow = { ...current.row, status: 'deleted', updated: this.stampNow() };
    if (type === 'poc') {
      // PeeringDB blanks a deleted contact's personal data (peeringdb#569).
      for (const field of POC_PERSONAL_FIELDS) row[field] = '';
    }
    this.put(type, row);
    return row as unknown as PdbRow<T>;
  }

  /**
   * Soft-deletes a row and, recursively, its children that are not deleted yet, all in the
   * same second. Returns every row it deleted, parent first.
   */
  cascadeDelete(type: PdbType, id: number): { type: PdbType; id: number }[] {
    const deleted: { type: PdbType; id: number }[] = [];
    const visit = (currentType: PdbType, currentId: number): void => {
      this.remove(currentType, currentId);
      deleted.push({ type: currentType, id: currentId });
      for (const child of CASCADE_CHILDREN[currentType] ?? []) {
        for (const entry of [...this.table(child.type).values()]) {
          if (entry.row[child.key] === currentId && entry.row.status !== 'deleted') {
            visit(child.type, entry.row.id);
          }
        }
      }
    };
    visit(type, id);
    return deleted;
  }
}

function bySinceOrder(a: StoredRow, b: StoredRow): number {
  return a.updatedAt - b.updatedAt || a.row.id - b.row.id;
}

/** The first place in `ordered` whose row does not come before `entry`. */
function sinceOrderPlace(ordered: readonly StoredRow[], entry: StoredRow): number {
  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (bySinceOrder(ordered[mid]!, entry) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

function binarySearchById(rows: readonly AnyRow[], id: number): number {
  let low = 0;
  let high = rows.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const midId = rows[mid]!.id;
    if (midId === id) return mid;
    if (midId < id) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
