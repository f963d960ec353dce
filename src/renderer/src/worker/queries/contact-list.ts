/**
 * Builds a contact list from the local copy: the networks of a selection, their contacts of
 * the chosen roles, one entry per address per network.
 */
import type { ContactEntry } from '../../../../shared/export/contacts';
import { POC_ROLES, type Net, type Poc, type PocRole } from '../../../../shared/peeringdb';
import type { LocalCopy } from '../copy/local-copy';
import { getDiscoveryIndex, type DiscoveryIndex } from '../index/discovery-index';
import type { ContactListArgs, ContactListResult, ContactSelection, NetworkRef } from '../../protocol/contacts';

interface ResolvedSelection {
  label: string;
  nets: Net[];
  unknownAsns: number[];
}

function ixName(copy: LocalCopy, ixId: number): string {
  return copy.get('ix', ixId)?.name ?? `IXP ${ixId}`;
}

function netsByIds(copy: LocalCopy, netIds: Iterable<number>): Net[] {
  const nets: Net[] = [];
  for (const id of netIds) {
    const net = copy.get('net', id);
    if (net) nets.push(net);
  }
  return nets.sort((a, b) => a.name.localeCompare(b.name) || a.asn - b.asn);
}

export function resolveSelection(copy: LocalCopy, index: DiscoveryIndex, selection: ContactSelection): ResolvedSelection {
  switch (selection.kind) {
    case 'networks': {
      const asns = [...new Set(selection.asns)];
      const nets = asns.map((asn) => index.netByAsn(asn)).filter((n): n is Net => !!n);
      const unknownAsns = asns.filter((asn) => !index.netByAsn(asn));
      const single = nets.length === 1 && nets[0] ? `AS${nets[0].asn} ${nets[0].name}` : null;
      return { label: selection.label ?? single ?? `${asns.length} networks`, nets, unknownAsns };
    }
    case 'ix-members':
      return {
        label: `Members of ${ixName(copy, selection.ixId)}`,
        nets: netsByIds(copy, index.netIdsAtIx(selection.ixId)),
        unknownAsns: [],
      };
    case 'shared-members': {
      const ixIds = [...new Set(selection.ixIds)];
      const [first, ...rest] = ixIds.map((id) => index.netIdsAtIx(id));
      const shared = [...(first ?? [])].filter((netId) => rest.every((members) => members.has(netId)));
      return {
        label: `Members shared by ${ixIds.map((id) => ixName(copy, id)).join(' and ')}`,
        nets: netsByIds(copy, ixIds.length > 0 ? shared : []),
        unknownAsns: [],
      };
    }
  }
}

const ROLE_ORDER = new Map(POC_ROLES.map((role, i) => [role, i]));

function normalised(text: string): string {
  return text.trim().toLowerCase();
}

/** Same mailbox, same entry: a contact listed for Policy and NOC is written to once. */
function dedupeKey(poc: Poc): string | null {
  const email = normalised(poc.email);
  if (email) return `email:${email}`;
  const name = normalised(poc.name);
  const phone = poc.phone.replace(/[^\d+]/g, '');
  if (!name && !phone && !poc.url.trim()) return null;
  return `person:${name}|${phone}|${normalised(poc.url)}`;
}

function entriesForNetwork(net: Net, pocs: readonly Poc[], roles: ReadonlySet<PocRole>): ContactEntry[] {
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
        asn: net.asn,
        netId: net.id,
        networkName: net.name,
        roles: [poc.role],
        name: poc.name.trim(),
        email: poc.email.trim(),
        phone: poc.phone.trim(),
        url: poc.url.trim(),
        visible: poc.visible,
        pocIds: [poc.id],
      });
      continue;
    }
    if (!existing.roles.includes(poc.role)) existing.roles.push(poc.role);
    existing.pocIds.push(poc.id);
    existing.name ||= poc.name.trim();
    existing.phone ||= poc.phone.trim();
    existing.url ||= poc.url.trim();
    // The entry is visible to anyone as long as one of its records is.
    if (poc.visible === 'Public') existing.visible = 'Public';
  }
  return [...byKey.values()];
}

function ref(net: Net): NetworkRef {
  return { netId: net.id, asn: net.asn, name: net.name };
}

export function buildContactList(copy: LocalCopy, args: ContactListArgs, contactsFetchedWithKey: boolean): ContactListResult {
  const index = getDiscoveryIndex(copy);
  const { label, nets, unknownAsns } = resolveSelection(copy, index, args.selection);
  const roles = new Set(args.roles);
  const contacts: ContactEntry[] = [];
  const networksWithoutContact: NetworkRef[] = [];
  for (const net of nets) {
    const entries = entriesForNetwork(net, index.pocsByNet.get(net.id) ?? [], roles);
    if (entries.length === 0) networksWithoutContact.push(ref(net));
    contacts.push(...entries);
  }
  const emails = new Set(contacts.map((c) => normalised(c.email)).filter((e) => e.length > 0));
  return {
    label,
    contacts,
    networkCount: nets.length,
    networksWithoutContact,
    unknownAsns,
    contactsFetchedWithKey,
    usersOnlyCount: contacts.filter((c) => c.visible === 'Users').length,
    uniqueEmailCount: emails.size,
  };
}
