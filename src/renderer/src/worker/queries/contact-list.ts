/**
 * Builds a contact list from the local copy: the networks of a selection, their contacts of
 * the chosen roles, one entry per address per network. Networks are ASNs, as on the Peers
 * screen: members of an IXP are the ASNs its ports carry, each with the contacts of the record
 * behind it, and entries carry that ASN (the one a session and a request are about).
 */
import type { ContactEntry } from '../../../../shared/export/contact-files';
import { POC_ROLES, type Net, type Poc, type PocRole } from '../../../../shared/peeringdb';
import type { LocalCopy } from '../copy/local-copy';
import { getDiscoveryIndex, type DiscoveryIndex } from '../index/discovery-index';
import { textOf } from '../index/row-values';
import type { ContactListArgs, ContactListResult, ContactSelection, NetworkRef } from '../../protocol/contacts';

/** An ASN of the selection and the record behind it, when the copy holds one. */
interface Member {
  asn: number;
  net: Net | undefined;
}

interface ResolvedSelection {
  label: string;
  members: Member[];
  unknownAsns: number[];
}

function ixName(copy: LocalCopy, ixId: number): string {
  return textOf(copy.get('ix', ixId)?.name) || `IXP ${ixId}`;
}

function membersByName(index: DiscoveryIndex, asns: Iterable<number>): Member[] {
  const members = Array.from(asns, (asn) => ({ asn, net: index.holderOfAsn(asn) }));
  const nameOf = (member: Member) => (member.net ? textOf(member.net.name) : '');
  // Members whose record is missing have no name to sort by: they follow, by ASN.
  return members.sort((a, b) => Number(!a.net) - Number(!b.net) || nameOf(a).localeCompare(nameOf(b)) || a.asn - b.asn);
}

export function resolveSelection(copy: LocalCopy, index: DiscoveryIndex, selection: ContactSelection): ResolvedSelection {
  switch (selection.kind) {
    case 'networks': {
      const asns = [...new Set(selection.asns)];
      const members = asns.map((asn) => ({ asn, net: index.holderOfAsn(asn) }));
      const found = members.filter((member) => member.net);
      const single = found.length === 1 && found[0] ? `AS${found[0].asn} ${textOf(found[0].net!.name)}` : null;
      return {
        label: selection.label ?? single ?? `${asns.length} networks`,
        members: found,
        unknownAsns: members.filter((member) => !member.net).map((member) => member.asn),
      };
    }
    case 'ix-members':
      return {
        label: `Members of ${ixName(copy, selection.ixId)}`,
        members: membersByName(index, index.asnsAtIx(selection.ixId)),
        unknownAsns: [],
      };
    case 'shared-members': {
      const ixIds = [...new Set(selection.ixIds)];
      const [first, ...rest] = ixIds.map((id) => index.asnsAtIx(id));
      const shared = [...(first ?? [])].filter((asn) => rest.every((members) => members.has(asn)));
      return {
        label: `Members shared by ${ixIds.map((id) => ixName(copy, id)).join(' and ')}`,
        members: membersByName(index, ixIds.length > 0 ? shared : []),
        unknownAsns: [],
      };
    }
  }
}

const ROLE_ORDER = new Map(POC_ROLES.map((role, i) => [role, i]));

function normalised(text: unknown): string {
  return textOf(text).trim().toLowerCase();
}

/** Same mailbox, same entry: a contact listed for Policy and NOC is written to once. */
function dedupeKey(poc: Poc): string | null {
  const email = normalised(poc.email);
  if (email) return `email:${email}`;
  const name = normalised(poc.name);
  const phone = textOf(poc.phone).replace(/[^\d+]/g, '');
  if (!name && !phone && !normalised(poc.url)) return null;
  return `person:${name}|${phone}|${normalised(poc.url)}`;
}

/** The entries of one ASN: the contacts of the record behind it, under that ASN. */
function entriesForNetwork(asn: number, net: Net, pocs: readonly Poc[], roles: ReadonlySet<PocRole>): ContactEntry[] {
  const byKey = new Map<string, ContactEntry>();
  const chosen = pocs
    .filter((poc) => roles.has(poc.role))
    .sort((a, b) => (ROLE_ORDER.get(a.role) ?? 99) - (ROLE_ORDER.get(b.role) ?? 99) || a.id - b.id);
  for (const poc of chosen) {
    const key = dedupeKey(poc);
    if (!key) continue;
    const existing = byKey.get(key);
    if (!existing) {
      byKey.set(key, {
        asn,
        netId: net.id,
        networkName: textOf(net.name),
        roles: [poc.role],
        name: textOf(poc.name).trim(),
        email: textOf(poc.email).trim(),
        phone: textOf(poc.phone).trim(),
        url: textOf(poc.url).trim(),
        visible: poc.visible,
        pocIds: [poc.id],
      });
      continue;
    }
    if (!existing.roles.includes(poc.role)) existing.roles.push(poc.role);
    existing.pocIds.push(poc.id);
    existing.name ||= textOf(poc.name).trim();
    existing.phone ||= textOf(poc.phone).trim();
    existing.url ||= textOf(poc.url).trim();
    // The entry is visible to anyone as long as one of its records is.
    if (poc.visible === 'Public') existing.visible = 'Public';
  }
  return [...byKey.values()];
}

function ref({ asn, net }: Member): NetworkRef {
  return net ? { netId: net.id, asn, name: textOf(net.name) } : { netId: null, asn, name: `AS${asn}` };
}

export function buildContactList(copy: LocalCopy, args: ContactListArgs, contactsFetchedWithKey: boolean): ContactListResult {
  const index = getDiscoveryIndex(copy);
  const { label, members, unknownAsns } = resolveSelection(copy, index, args.selection);
  const roles = new Set(args.roles);
  const contacts: ContactEntry[] = [];
  const networksWithoutContact: NetworkRef[] = [];
  for (const member of members) {
    const entries = member.net ? entriesForNetwork(member.asn, member.net, index.pocsByNet.get(member.net.id) ?? [], roles) : [];
    if (entries.length === 0) networksWithoutContact.push(ref(member));
    contacts.push(...entries);
  }
  const emails = new Set(contacts.map((c) => normalised(c.email)).filter((e) => e.length > 0));
  return {
    label,
    contacts,
    networkCount: members.length,
    networksWithoutContact,
    unknownAsns,
    contactsFetchedWithKey,
    usersOnlyCount: contacts.filter((c) => c.visible === 'Users').length,
    uniqueEmailCount: emails.size,
  };
}
