/**
 * Emptying PeeringDB's data (the menu's flush): chunks (buckets and staging records), the change
 * log and PeeringDB's meta keys (watermarks, staging counts) go; the user's tables stay. The data
 * version survives and moves on, so readers reload.
 */
import { bumpDataVersion, isPeeringDbMetaKey } from '../db/meta';
import type { PeeringDatabase } from '../db/schema';
import type { LocalCopy } from './copy';

export async function flushPeeringDb(db: PeeringDatabase, copy: LocalCopy): Promise<number> {
  const dataVersion = await db.transaction('rw', [db.chunks, db.changes, db.meta], async () => {
    await db.chunks.clear();
    await db.changes.clear();
    const metaKeys = (await db.meta.toCollection().primaryKeys()) as string[];
    await db.meta.bulkDelete(metaKeys.filter(isPeeringDbMetaKey));
    return bumpDataVersion(db);
  });
  copy.clear();
  return dataVersion;
}
