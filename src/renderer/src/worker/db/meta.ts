/**
 * Reading and writing the meta table: per-type watermarks, the data version, the last sync.
 * Functions taking a transaction's tables must run inside a Dexie transaction that includes
 * `meta`, so the value moves atomically with the rows it describes.
 */
import { PDB_TYPES, type PdbType } from '../../../../shared/peeringdb';
import type { Watermarks } from '../../../../shared/sync';
import { META, type LogRange, type PeeringDatabase } from './schema';

export async function readWatermarks(db: PeeringDatabase): Promise<Watermarks> {
  const records = await db.meta.bulkGet(PDB_TYPES.map((type) => META.watermark(type)));
  const watermarks: Watermarks = {};
  PDB_TYPES.forEach((type, index) => {
    const value = records[index]?.value;
    if (typeof value === 'number' && Number.isFinite(value)) watermarks[type] = value;
  });
  return watermarks;
}

export async function readWatermark(db: PeeringDatabase, type: PdbType): Promise<number | null> {
  const value = (await db.meta.get(META.watermark(type)))?.value;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A stored log range; a bare count n (from before ranges) means records 1 to n. */
function logRangeOf(value: unknown): LogRange | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? { first: 1, last: value, rows: 0, base: 0 } : null;
  if (typeof value !== 'object' || value === null) return null;
  const { first, last, rows, base } = value as Partial<LogRange>;
  const whole = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
  if (!whole(first) || !whole(last) || first < 1 || last < first) return null;
  return { first, last, rows: whole(rows) ? rows : 0, base: whole(base) ? base : 0 };
}

/** The type's log records (see LogRange); null when it is stored as bucket chunks only. */
export async function readLogRange(db: PeeringDatabase, type: PdbType): Promise<LogRange | null> {
  return logRangeOf((await db.meta.get(META.log(type)))?.value);
}

/** Every type's log range, for loading the copy. */
export async function readLogRanges(db: PeeringDatabase): Promise<Map<PdbType, LogRange>> {
  const records = await db.meta.bulkGet(PDB_TYPES.map((type) => META.log(type)));
  const ranges = new Map<PdbType, LogRange>();
  PDB_TYPES.forEach((type, index) => {
    const range = logRangeOf(records[index]?.value);
    if (range) ranges.set(type, range);
  });
  return ranges;
}

/**
 * The types whose first load has completed. A database written before the `loaded` mark has
 * none: there a type with a watermark and no log records (then only first loads wrote them)
 * had completed, as no other path leaves that state.
 */
export async function readLoadedTypes(db: PeeringDatabase): Promise<Set<PdbType>> {
  const keys = PDB_TYPES.flatMap((type) => [META.loaded(type), META.watermark(type), META.log(type)]);
  const records = await db.meta.bulkGet(keys);
  const loaded = new Set<PdbType>();
  PDB_TYPES.forEach((type, index) => {
    const [mark, watermark, log] = [records[index * 3], records[index * 3 + 1], records[index * 3 + 2]];
    if (mark?.value === true) loaded.add(type);
    else if (mark === undefined && typeof watermark?.value === 'number' && logRangeOf(log?.value) === null) loaded.add(type);
  });
  return loaded;
}

export async function readDataVersion(db: PeeringDatabase): Promise<number> {
  const value = (await db.meta.get(META.dataVersion))?.value;
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** Increments the data version; call inside the rw transaction whose writes it announces. */
export async function bumpDataVersion(db: PeeringDatabase): Promise<number> {
  const next = (await readDataVersion(db)) + 1;
  await db.meta.put({ key: META.dataVersion, value: next });
  return next;
}

export async function readLastSyncAt(db: PeeringDatabase): Promise<number | null> {
  const value = (await db.meta.get(META.lastSync))?.value;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export async function readPocWithKey(db: PeeringDatabase): Promise<boolean> {
  return (await db.meta.get(META.pocWithKey))?.value === true;
}
