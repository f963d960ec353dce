/**
 * Hand-offs from other screens: "contacts for these networks" and "draft a request to this
 * peer" open the Contacts screen with that selection or draft ready.
 */
import { create } from 'zustand';
import { useAppStore } from '../../state/store';
import type { ContactSelection } from '../../contacts/types';

interface ContactsIntent {
  selection: ContactSelection | null;
  draftPeerAsn: number | null;
  draftMyAsn: number | null;
}

export const useContactsIntent = create<ContactsIntent>()(() => ({
  selection: null,
  draftPeerAsn: null,
  draftMyAsn: null,
}));

/** Shows the Contacts screen with a contact list of this selection. */
export function openContactList(selection: ContactSelection): void {
  useContactsIntent.setState({ selection });
  useAppStore.getState().navigate('contacts');
}

/** Shows the Contacts screen with a peering request draft to this peer (from one of my networks). */
export function openPeeringDraft(peerAsn: number, myAsn?: number): void {
  useContactsIntent.setState({ draftPeerAsn: peerAsn, draftMyAsn: myAsn ?? null });
  useAppStore.getState().navigate('contacts');
}
