import type { StateCreator } from 'zustand';
import type { MemberFilters, MemberPlace } from '../../protocol/discovery';
import type { AppState } from './types';

/**
 * What the discovery screens were showing (the query typed, the networks compared, the peer
 * filters), kept across visits to record pages and other screens.
 */
export interface DiscoverySlice {
  searchQuery: string;
  compareAsns: number[];
  peersPlace: MemberPlace;
  peersFilters: MemberFilters;
  setSearchQuery: (query: string) => void;
  setCompareAsns: (asns: number[]) => void;
  setPeersPlace: (place: MemberPlace) => void;
  setPeersFilters: (filters: MemberFilters) => void;
}

export const createDiscoverySlice: StateCreator<AppState, [], [], DiscoverySlice> = (set) => ({
  searchQuery: '',
  compareAsns: [],
  peersPlace: { kind: 'my-ixs' },
  peersFilters: {},
  setSearchQuery: (searchQuery) => set({ searchQuery }),
  setCompareAsns: (compareAsns) => set({ compareAsns }),
  setPeersPlace: (peersPlace) => set({ peersPlace }),
  setPeersFilters: (peersFilters) => set({ peersFilters }),
});
