/**
 * Discovery queries the store worker answers (my networks, compare, peers, search, pages).
 * Each reads the discovery index of the worker's copy; those that need the user's own tables
 * (my ASNs, peer marks) read them first, then wait for the index and answer from it at once,
 * so every answer reflects the latest write and one state of the index.
 */
import type { QueryHandlers, StoreContext } from '../context';
import { compareNetworks } from './compare';
import { readyIndex } from '../index/discovery-index';
import { filterOptions } from './filter-options';
import { findMembers } from './members';
import { memberFacets } from './member-facets';
import { myNetworksOverview } from './my-networks';
import { facPage, ixPage, networkPage, orgPage } from './pages';
import { readUserContext } from '../user-context';
import { search, searchNeeds } from './search';
import type { CompareArgs, PeersArgs, SearchArgs } from '../../protocol/discovery';

const discovery = ['discovery'] as const;

export const discoveryQueries = {
  /** My networks with their IXP connections and facilities; `asns` defaults to the stored list. */
  myNetworksOverview: async (ctx: StoreContext, args: { asns?: number[] }) => {
    const asns = args.asns ?? (await readUserContext(ctx.db)).myAsns;
    return myNetworksOverview(await readyIndex(ctx.copy, discovery), asns);
  },
  compareNetworks: async (ctx: StoreContext, args: CompareArgs) => compareNetworks(await readyIndex(ctx.copy, discovery), args),
  /** Potential peers (and, with includeMine/includeMarked, the member lists of pages). */
  findPeers: async (ctx: StoreContext, args: PeersArgs) => {
    const user = await readUserContext(ctx.db);
    return findMembers(await readyIndex(ctx.copy, discovery), args, user);
  },
  networkPage: async (ctx: StoreContext, args: { netId?: number; asn?: number }) => {
    const user = await readUserContext(ctx.db);
    return networkPage(await readyIndex(ctx.copy, discovery), args, user);
  },
  ixPage: async (ctx: StoreContext, args: { ixId: number }) => {
    const user = await readUserContext(ctx.db);
    return ixPage(await readyIndex(ctx.copy, discovery), args.ixId, user);
  },
  facPage: async (ctx: StoreContext, args: { facId: number }) => {
    const user = await readUserContext(ctx.db);
    return facPage(await readyIndex(ctx.copy, discovery), args.facId, user);
  },
  orgPage: async (ctx: StoreContext, args: { orgId: number }) => orgPage(await readyIndex(ctx.copy, discovery), args.orgId),
  searchEverything: async (ctx: StoreContext, args: SearchArgs) => search(await readyIndex(ctx.copy, searchNeeds(args)), args),
  memberFilterOptions: async (ctx: StoreContext, _args: Record<string, never>) => filterOptions(await readyIndex(ctx.copy, discovery)),
  memberFacets: async (ctx: StoreContext, args: PeersArgs) => {
    const user = await readUserContext(ctx.db);
    return memberFacets(await readyIndex(ctx.copy, discovery), args, user);
  },
} satisfies Partial<QueryHandlers>;
