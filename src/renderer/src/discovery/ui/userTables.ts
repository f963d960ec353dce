/**
 * The UI's read-only view of the user's own tables (my networks, peer marks). Every write
 * goes through the store worker's operations; Dexie's live queries see them across threads.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { openDatabase, type PeeringDatabase, type PeerStateRecord } from '../../db/schema';
import { getStoreClient } from '../../store/client';

let readerDb: PeeringDatabase | null = null;

function userTablesDb(): PeeringDatabase {
  readerDb ??= openDatabase();
  return readerDb;
}

/** My ASNs in the order they were added; undefined while loading. */
export function useMyAsns(): number[] | undefined {
  return useLiveQuery(async () => {
    const records = await userTablesDb().myNetworks.toArray();
    return records.sort((a, b) => a.addedAt - b.addedAt || a.asn - b.asn).map((record) => record.asn);
  });
}

/** The user's marks by peer ASN. */
export function usePeerMarks(): Map<number, PeerStateRecord> | undefined {
  return useLiveQuery(async () => {
    const records = await userTablesDb().peerStates.toArray();
    return new Map(records.map((record) => [record.asn, record]));
  });
}

export function addMyNetwork(asn: number): Promise<number[]> {
  return getStoreClient().run('addMyNetwork', { asn });
}

export function removeMyNetwork(asn: number): Promise<number[]> {
  return getStoreClient().run('removeMyNetwork', { asn });
}

export function setPeerMark(mark: {
  asn: number;
  state: PeerStateRecord['state'];
  hiddenUntil?: string | null;
  note?: string;
}): Promise<PeerStateRecord | null> {
  return getStoreClient().run('setPeerState', mark);
}
