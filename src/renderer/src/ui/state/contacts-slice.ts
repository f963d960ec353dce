import type { StateCreator } from 'zustand';
import type { ContactSelection } from '../../protocol/contacts';
import type { AppState } from './app-state-shape';

/**
 * Hand-offs from other screens: "contacts for these networks" and "draft a request to this
 * peer" open the Contacts screen with that selection or draft ready.
 */
export interface ContactsSlice {
  handedSelection: ContactSelection | null;
  handedDraft: { peerAsn: number; myAsn: number | null } | null;
  /** Shows the Contacts screen with a contact list of this selection. */
  openContactList: (selection: ContactSelection) => void;
  /** Shows the Contacts screen with a peering request draft to this peer (from one of my networks). */
  openPeeringDraft: (peerAsn: number, myAsn?: number) => void;
}

export const createContactsSlice: StateCreator<AppState, [], [], ContactsSlice> = (set, get) => ({
  handedSelection: null,
  handedDraft: null,
  openContactList: (selection) => {
    set({ handedSelection: selection });
    get().navigate('contacts');
  },
  openPeeringDraft: (peerAsn, myAsn) => {
    set({ handedDraft: { peerAsn, myAsn: myAsn ?? null } });
    get().navigate('contacts');
  },
});
