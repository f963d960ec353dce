/** The store's status for the UI: what the copy holds, how fresh it is, what syncs changed. */
import { readDataVersion, readLastSyncAt, readLoadedTypes, readWatermarks } from '../db/meta';
import { PDB_TYPES } from '../../../../shared/peeringdb';
import type { PeeringDatabase } from '../db/schema';
import type { LocalCopy } from './local-copy';
import type { StoreStatus } from '../../protocol/messages';

export const RECENT_CHANGES = 20;

export async function readStoreStatus(db: PeeringDatabase, copy: LocalCopy): Promise<StoreStatus> {
  const [watermarks, lastSyncAt, recentChanges, dataVersion, loaded] = await db.transaction(
    'r',
    [db.meta, db.changes],
    () =>
      Promise.all([
        readWatermarks(db),
        readLastSyncAt(db),
        db.changes.orderBy('id').reverse().limit(RECENT_CHANGES).toArray(),
        readDataVersion(db),
        readLoadedTypes(db),
      ]),
  );
  const loadedTypes = PDB_TYPES.filter((type) => loaded.has(type));
  return { counts: copy.counts(), watermarks, lastSyncAt, recentChanges, dataVersion, loadedTypes };
}
