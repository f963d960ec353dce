/**
 * The user's own tables as the page sees them (my networks, peer marks): read through the one
 * query hook, so they follow the worker's change notice like everything else, and written only
 * by the store worker's commands. Each change returns how to take it back, for Undo.
 */
import type { PeerMarkArgs } from '../../protocol/operations';
import type { PeerStateRecord } from '../../../../shared/user-data';
import { getStoreClient } from './client';
import { useStoreQuery } from './use-store-query';

const NO_ARGS = {} as Record<string, never>;

/** Puts back what was there before a change. */
export type Undo = () => Promise<void>;

/** My ASNs in the order they were added; undefined while loading. */
export function useMyAsns(): number[] | undefined {
  return useStoreQuery('listMyNetworks', NO_ARGS).data;
}

export function addMyNetwork(asn: number): Promise<number[]> {
  return getStoreClient().command('addMyNetwork', { asn });
}

/** Removes one of my networks; Undo puts it back in its place in the list. */
export async function removeMyNetwork(asn: number): Promise<Undo> {
  const client = getStoreClient();
  const before = await client.query('listMyNetworks', NO_ARGS);
  await client.command('removeMyNetwork', { asn });
  return async () => {
    await client.command('setMyNetworks', { asns: before });
  };
}

/** The mark as a command would write it again. */
function markOf(asn: number, record: PeerStateRecord | null): PeerMarkArgs {
  if (!record) return { asn, state: null, note: '' };
  return {
    asn,
    state: record.state,
    note: record.note,
    hiddenUntil: record.hiddenUntil ?? null,
    requestedAt: record.requestedAt ?? null,
  };
}

/**
 * Sets a peer's mark; Undo restores the mark (state, dates and note) it had before. Dates
 * left undefined keep what the peer had in the same state (a note saved on a requested peer
 * keeps the day it was requested).
 */
export async function setPeerMark(mark: PeerMarkArgs): Promise<Undo> {
  const client = getStoreClient();
  const before = (await client.query('listPeerStates', NO_ARGS)).find((record) => record.asn === mark.asn) ?? null;
  const sameState = before !== null && before.state === mark.state;
  await client.command('setPeerState', {
    ...mark,
    ...(mark.requestedAt === undefined && sameState && before.requestedAt ? { requestedAt: before.requestedAt } : {}),
    ...(mark.hiddenUntil === undefined && sameState && before.hiddenUntil ? { hiddenUntil: before.hiddenUntil } : {}),
  });
  return async () => {
    await client.command('setPeerState', markOf(mark.asn, before));
  };
}
