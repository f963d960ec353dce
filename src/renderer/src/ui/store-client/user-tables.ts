/**
 * The user's own tables as the page sees them (my networks, peer marks): read through the one
 * query hook, so they follow the worker's change notice like everything else, and written only
 * by the store worker's commands.
 */
import type { PeerMarkArgs } from '../../protocol/operations';
import type { PeerStateRecord } from '../../../../shared/user-data';
import { getStoreClient } from './client';
import { useStoreQuery } from './use-store-query';

const NO_ARGS = {} as Record<string, never>;

/** My ASNs in the order they were added; undefined while loading. */
export function useMyAsns(): number[] | undefined {
  return useStoreQuery('listMyNetworks', NO_ARGS).data;
}

export function addMyNetwork(asn: number): Promise<number[]> {
  return getStoreClient().command('addMyNetwork', { asn });
}

export function removeMyNetwork(asn: number): Promise<number[]> {
  return getStoreClient().command('removeMyNetwork', { asn });
}

export function setPeerMark(mark: PeerMarkArgs): Promise<PeerStateRecord | null> {
  return getStoreClient().command('setPeerState', mark);
}
