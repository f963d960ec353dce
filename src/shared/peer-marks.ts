/** What the user's marks on a network mean for the peer lists. */
import type { PeerStateRecord } from './user-data';

/** Today as YYYY-MM-DD in local time, the form hiddenUntil is stored in. */
export function localIsoDate(date: Date = new Date()): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/**
 * True when a mark takes the network off the potential peers: requested, peered and rejected
 * always; hidden until its date has come (hidden with no date stays hidden). A record with
 * only a note does not hide anything.
 */
export function markHidesPeer(record: PeerStateRecord | undefined, today: string): boolean {
  if (!record?.state) return false;
  if (record.state !== 'hidden') return true;
  return !record.hiddenUntil || today < record.hiddenUntil;
}
