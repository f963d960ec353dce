/**
 * Reading and writing the meta table: per-type watermarks, the data version, the last sync.
 * Functions taking a transaction's tables must run inside a Dexie transaction that includes
 * `meta`, so the value moves atomically with the rows it describes.
 */
import { PDB_TYPES, type PdbType } from '../../../../shared/peeringdb';
import type { Watermarks } from '../../../../shared/sync';
import { META, type PeeringDatabase } from './schema';

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

const stagedCountOf = (value: unknown): number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0;

/** How many staging records the type holds: 0 when it is stored as bucket chunks only. */
export async function readStagedCount(db: PeeringDatabase, type: PdbType): Promise<number> {
  return stagedCountOf((await db.meta.get(META.staging(type)))?.value);
}

/** The types whose first load is in progress on disk (kept as staging records). */
export async function readStagedTypes(db: PeeringDatabase): Promise<Set<PdbType>> {
  const records = await db.meta.bulkGet(PDB_TYPES.map((type) => META.staging(type)));
  return new Set(PDB_TYPES.filter((_, index) => stagedCountOf(records[index]?.value) > 0));
}

/**
 * The types whose first load has completed. A database written before the `loaded` mark has
 * none: there a type with a watermark and no staging records had completed, as no other path
 * leaves that state.
 */
export async function readLoadedTypes(db: PeeringDatabase): Promise<Set<PdbType>> {
  const keys = PDB_TYPES.flatMap((type) => [META.loaded(type), META.watermark(type), META.staging(type)]);
  const records = await db.meta.bulkGet(keys);
  const loaded = new Set<PdbType>();
  PDB_TYPES.forEach((type, index) => {
    const [mark, watermark, staging] = [records[index * 3], records[index * 3 + 1], records[index * 3 + 2]];
    if (mark?.value === true) loaded.add(type);
    else if (mark === undefined && typeof watermark?.value === 'number' && stagedCountOf(staging?.value) === 0) loaded.add(type);
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
