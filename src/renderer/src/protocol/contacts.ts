/**
 * Arguments and answers of the contact operations. Plain data: they cross the worker
 * boundary by structured clone.
 */
import type { ContactEntry } from '../../../shared/export/contact-files';
import type { DraftContext, DraftTemplate } from '../../../shared/export/template';
import type { PocRole } from '../../../shared/peeringdb';

/** Which networks a contact list covers. */
export type ContactSelection =
  /** Networks by ASN: one network, a filtered peer list, a Compare result. */
  | { kind: 'networks'; asns: number[]; label?: string }
  /** Every network connected to one IXP. */
  | { kind: 'ix-members'; ixId: number }
  /** The networks connected to every one of these IXPs. */
  | { kind: 'shared-members'; ixIds: number[] };

export interface ContactListArgs {
  selection: ContactSelection;
  roles: PocRole[];
}

export interface NetworkRef {
  /** Null when the copy lacks the record (only ports carry the ASN). */
  netId: number | null;
  asn: number;
  name: string;
}

export interface ContactListResult {
  /** Describes the selection, for titles and file names. */
  label: string;
  contacts: ContactEntry[];
  /** Networks of the selection found in the local copy. */
  networkCount: number;
  /** Networks with no contact of the chosen roles in the copy. */
  networksWithoutContact: NetworkRef[];
  /** ASNs asked for that the copy does not hold. */
  unknownAsns: number[];
  /** False: contacts were fetched anonymously, so those visible to registered users only are missing. */
  contactsFetchedWithKey: boolean;
  /** Entries that exist only because contacts were fetched with a key ('Users' visibility). */
  usersOnlyCount: number;
  /** Distinct email addresses over the whole list. */
  uniqueEmailCount: number;
}

export interface IxChoice {
  id: number;
  name: string;
  city: string;
  country: string;
  memberCount: number;
}

export interface ContactSources {
  myNetworks: NetworkRef[];
  ixps: IxChoice[];
}

export interface PeeringDraftArgs {
  myAsn: number;
  peerAsn: number;
}

export type PeeringDraftResult =
  | { ok: true; context: DraftContext; template: DraftTemplate; templateIsDefault: boolean }
  | { ok: false; error: string };
