/**
 * When a requested peer is due a follow-up: the last request (from the log, or the date a peer
 * was marked requested before the log existed) plus the user's follow-up days.
 */
import type { PeerStateRecord, RequestLogRecord } from './user-data';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RequestStatus {
  asn: number;
  /** Epoch ms of the last request, or null when the peer is marked requested with no date. */
  lastRequestAt: number | null;
  requestCount: number;
  /** Epoch ms the follow-up falls due; null without a last request. */
  dueAt: number | null;
  /** True once the follow-up is due (a requested peer with no date is due at once). */
  due: boolean;
  lastTo: string[];
  lastIxps: string[];
  note: string;
  /** The YYYY-MM-DD the peer was marked requested on, as stored with the mark. */
  requestedOn: string | null;
}

/** A YYYY-MM-DD date as local midnight, as the user set it. */
function localDateMs(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime() : null;
}

/** The peers marked requested, with their last request and follow-up, the most overdue first. */
export function requestStatuses(
  states: readonly PeerStateRecord[],
  log: readonly RequestLogRecord[],
  followUpDays: number,
  now: number,
): RequestStatus[] {
  const byPeer = new Map<number, RequestLogRecord[]>();
  for (const entry of log) {
    const list = byPeer.get(entry.peerAsn);
    if (list) list.push(entry);
    else byPeer.set(entry.peerAsn, [entry]);
  }
  const statuses: RequestStatus[] = [];
  for (const state of states) {
    if (state.state !== 'requested') continue;
    const entries = byPeer.get(state.asn) ?? [];
    const last = entries.reduce<RequestLogRecord | null>((a, b) => (!a || b.at > a.at ? b : a), null);
    const marked = state.requestedAt ? localDateMs(state.requestedAt) : null;
    const lastRequestAt = last ? Math.max(last.at, marked ?? 0) : marked;
    const dueAt = lastRequestAt === null ? null : lastRequestAt + followUpDays * DAY_MS;
    statuses.push({
      asn: state.asn,
      lastRequestAt,
      requestCount: entries.length,
      dueAt,
      due: dueAt === null || dueAt <= now,
      lastTo: last?.to ?? [],
      lastIxps: last?.ixps ?? [],
      note: state.note,
      requestedOn: state.requestedAt ?? null,
    });
  }
  return statuses.sort((a, b) => (a.dueAt ?? -Infinity) - (b.dueAt ?? -Infinity) || a.asn - b.asn);
}

/** Whole days from `from` to `to`, for "3 days ago" and "due in 11 days". */
export function daysBetween(from: number, to: number): number {
  return Math.floor((to - from) / DAY_MS);
}

/** The last request to this peer if it is more recent than the follow-up period: asking again now is too soon. */
export function tooSoonToAskAgain(
  log: readonly RequestLogRecord[],
  peerAsn: number,
  followUpDays: number,
  now: number,
): RequestLogRecord | null {
  let last: RequestLogRecord | null = null;
  for (const entry of log) if (entry.peerAsn === peerAsn && (!last || entry.at > last.at)) last = entry;
  return last && now - last.at < followUpDays * DAY_MS ? last : null;
}
