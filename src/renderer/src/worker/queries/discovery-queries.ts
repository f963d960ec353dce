/**
 * Discovery queries the store worker answers (my networks, compare, peers, search, pages).
 * Each reads the discovery index of the worker's copy; those that need the user's own tables
 * (my ASNs, peer marks) read them here, so every answer reflects the latest write.
 */
import type { QueryHandlers, StoreContext } from '../context';
import { compareNetworks } from './compare';
import { getDiscoveryIndex as currentIndex, warmUpSearchSoon } from '../index/discovery-index';
import { filterOptions } from './filter-options';
import { findMembers, type UserContext } from './members';
import { memberFacets } from './member-facets';
import { myNetworksOverview } from './my-networks';
import { facPage, ixPage, networkPage, orgPage } from './pages';
import { localIsoDate } from '../../../../shared/peer-marks';
import { search } from './search';
import type { CompareArgs, PeersArgs, SearchArgs } from '../../protocol/discovery';

/** The index, up to date; the search structures follow in the background. */
function getDiscoveryIndex(copy: StoreContext['copy']) {
  const index = currentIndex(copy);
  warmUpSearchSoon(index);
  return index;
}

async function readUserContext(ctx: StoreContext): Promise<UserContext> {
  const [myNetworks, peerStates] = await Promise.all([ctx.db.myNetworks.toArray(), ctx.db.peerStates.toArray()]);
  return {
    myAsns: myNetworks.sort((a, b) => a.addedAt - b.addedAt).map((record) => record.asn),
    peerStates,
    today: localIsoDate(),
  };
}

export const discoveryQueries = {
  /** My networks with their IXP connections and facilities; `asns` defaults to the stored list. */
  myNetworksOverview: async (ctx: StoreContext, args: { asns?: number[] }) => {
    const asns = args.asns ?? (await readUserContext(ctx)).myAsns;
    return myNetworksOverview(getDiscoveryIndex(ctx.copy), asns);
  },
  compareNetworks: (ctx: StoreContext, args: CompareArgs) => compareNetworks(getDiscoveryIndex(ctx.copy), args),
  /** Potential peers (and, with includeMine/includeMarked, the member lists of pages). */
  findPeers: async (ctx: StoreContext, args: PeersArgs) =>
    findMembers(getDiscoveryIndex(ctx.copy), args, await readUserContext(ctx)),
  networkPage: async (ctx: StoreContext, args: { netId?: number; asn?: number }) =>
    networkPage(getDiscoveryIndex(ctx.copy), args, await readUserContext(ctx)),
  ixPage: async (ctx: StoreContext, args: { ixId: number }) =>
    ixPage(getDiscoveryIndex(ctx.copy), args.ixId, await readUserContext(ctx)),
  facPage: async (ctx: StoreContext, args: { facId: number }) =>
    facPage(getDiscoveryIndex(ctx.copy), args.facId, await readUserContext(ctx)),
  orgPage: (ctx: StoreContext, args: { orgId: number }) => orgPage(getDiscoveryIndex(ctx.copy), args.orgId),
  searchEverything: (ctx: StoreContext, args: SearchArgs) => search(getDiscoveryIndex(ctx.copy), args),
  memberFilterOptions: (ctx: StoreContext, _args: Record<string, never>) => filterOptions(getDiscoveryIndex(ctx.copy)),
  memberFacets: async (ctx: StoreContext, args: PeersArgs) =>
    memberFacets(getDiscoveryIndex(ctx.copy), args, await readUserContext(ctx)),
} satisfies Partial<QueryHandlers>;
