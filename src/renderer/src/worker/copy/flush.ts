/**
 * Emptying PeeringDB's data (the menu's flush): every table the schema declares as PeeringDB's
 * is cleared, and no other; the user's tables stay. The data version lives in meta and moves
 * on past its old value, so readers reload.
 */
import { readDataVersion } from '../db/meta';
import { META, PEERINGDB_TABLES, type PeeringDatabase } from '../db/schema';
import type { LocalCopy } from './local-copy';

export async function flushPeeringDb(db: PeeringDatabase, copy: LocalCopy): Promise<number> {
  const tables = PEERINGDB_TABLES.map((name) => db[name]);
  const dataVersion = await db.transaction('rw', tables, async () => {
    const next = (await readDataVersion(db)) + 1;
    await Promise.all(tables.map((table) => table.clear()));
    await db.meta.put({ key: META.dataVersion, value: next });
    return next;
  });
  copy.clear();
  return dataVersion;
}
