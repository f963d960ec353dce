import type { StateCreator } from 'zustand';
import type { MemberFilters, MemberPlace } from '../../protocol/discovery';
import type { AppState } from './app-state-shape';

/** The member lists whose filters are remembered: the Peers screen, and each IXP and facility page. */
export type MemberListKey = 'peers' | `ix:${number}` | `fac:${number}`;

/**
 * What the discovery screens were showing (the query typed, the networks compared, the peer
 * filters), kept across visits to record pages and other screens.
 */
export interface DiscoverySlice {
  searchQuery: string;
  compareAsns: number[];
  peersPlace: MemberPlace;
  /** Each member list's own filters: leaving a view and coming back finds them as they were. */
  memberFilters: Partial<Record<MemberListKey, MemberFilters>>;
  setSearchQuery: (query: string) => void;
  setCompareAsns: (asns: number[]) => void;
  setPeersPlace: (place: MemberPlace) => void;
  setMemberFilters: (list: MemberListKey, filters: MemberFilters) => void;
}

export const createDiscoverySlice: StateCreator<AppState, [], [], DiscoverySlice> = (set) => ({
  searchQuery: '',
  compareAsns: [],
  peersPlace: { kind: 'my-ixs' },
  memberFilters: {},
  setSearchQuery: (searchQuery) => set({ searchQuery }),
  setCompareAsns: (compareAsns) => set({ compareAsns }),
  setPeersPlace: (peersPlace) => set({ peersPlace }),
  setMemberFilters: (list, filters) => set((state) => ({ memberFilters: { ...state.memberFilters, [list]: filters } })),
});
