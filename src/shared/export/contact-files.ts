/**
 * A contact list as the user exports it: one entry per person or mailbox of a network, with
 * the roles it holds there. Serialised to CSV and vCard here; selected in the store worker.
 */
import type { PocRole, Visibility } from '../peeringdb';
import { toCsv, type CsvColumn } from './csv';
import { toVCard, type VCardEntry } from './vcard';

export interface ContactEntry {
  asn: number;
  netId: number;
  networkName: string;
  /** The roles this address holds at the network, in the app's role order. */
  roles: PocRole[];
  name: string;
  email: string;
  phone: string;
  url: string;
  /** 'Users' contacts come only with an API key. */
  visible: Visibility;
  /** The PeeringDB contact records merged into this entry. */
  pocIds: number[];
}

const CONTACT_CSV_COLUMNS: readonly CsvColumn<ContactEntry>[] = [
  { header: 'ASN', value: (c) => c.asn },
  { header: 'Network', value: (c) => c.networkName },
  { header: 'Roles', value: (c) => c.roles.join('; ') },
  { header: 'Name', value: (c) => c.name },
  { header: 'Email', value: (c) => c.email },
  { header: 'Phone', value: (c) => c.phone },
  { header: 'URL', value: (c) => c.url },
  { header: 'Visibility', value: (c) => c.visible },
];

export function contactsToCsv(contacts: readonly ContactEntry[]): string {
  return toCsv(CONTACT_CSV_COLUMNS, contacts, { byteOrderMark: true });
}

function contactCard(contact: ContactEntry): VCardEntry {
  const roles = contact.roles.join(', ');
  return {
    // Role mailboxes often have no person's name; the card still needs a name to be found by.
    fullName: contact.name.trim() || `${contact.networkName} ${roles}`.trim(),
    organization: [contact.networkName],
    role: roles,
    emails: contact.email ? [contact.email] : [],
    phones: contact.phone ? [contact.phone] : [],
    urls: contact.url ? [contact.url] : [],
    categories: ['PeeringDB', `AS${contact.asn}`],
    note: `AS${contact.asn} ${contact.networkName}: ${roles} contact (PeeringDB)`,
  };
}

export function contactsToVCard(contacts: readonly ContactEntry[]): string {
  return toVCard(contacts.map(contactCard));
}
