/**
 * What discovery answers read of the user's own tables: my ASNs and peer marks. Kept in memory
 * between writes, as every peers list and page needs them and reading them from IndexedDB cost
 * about as much as answering. Only this worker writes these tables, and every write goes
 * through writeUserTables, which forgets them.
 */
import type { PeerStateRecord } from '../../../shared/user-data';
import { localIsoDate } from '../../../shared/peer-marks';
import type { PeeringDatabase } from './db/schema';

/** What the user's own tables say, read by the operation and passed in. */
export interface UserContext {
  myAsns: readonly number[];
  peerStates: readonly PeerStateRecord[];
  /** YYYY-MM-DD, for hidden-until. */
  today: string;
}

type UserTables = Omit<UserContext, 'today'>;

const kept = new WeakMap<PeeringDatabase, Promise<UserTables>>();

async function readUserTables(db: PeeringDatabase): Promise<UserTables> {
  const [myNetworks, peerStates] = await Promise.all([db.myNetworks.toArray(), db.peerStates.toArray()]);
  return { myAsns: myNetworks.sort((a, b) => a.addedAt - b.addedAt).map((record) => record.asn), peerStates };
}

export async function readUserContext(db: PeeringDatabase): Promise<UserContext> {
  let tables = kept.get(db);
  if (!tables) {
    tables = readUserTables(db);
    kept.set(db, tables);
    tables.catch(() => kept.delete(db));
  }
  return { ...(await tables), today: localIsoDate() };
}

/** Call when the user's tables change: the next answer reads them again. */
export function forgetUserTables(db: PeeringDatabase): void {
  kept.delete(db);
}
