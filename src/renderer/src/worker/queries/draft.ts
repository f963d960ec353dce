/**
 * The data a peering request draft and a session configuration are filled from: both
 * networks, the IXPs they share with each side's ports, and whom to write to (the peer's
 * Policy contacts, else NOC, else Technical).
 */
import type { DraftContext, DraftNetwork, DraftPort, RecipientRole, SharedIxp } from '../../../../shared/export/template';
import type { Net, NetIxLan, Poc } from '../../../../shared/peeringdb';
import type { LocalCopy } from '../copy/local-copy';
import { getDiscoveryIndex } from '../index/discovery-index';
import { amountOf, textOf } from '../index/row-values';

/** A side of the request: the ASN its sessions use, named and described by the record behind it. */
function draftNetwork(asn: number, net: Net | undefined): DraftNetwork {
  return {
    asn,
    name: net ? textOf(net.name) : `AS${asn}`,
    irrAsSet: textOf(net?.irr_as_set),
    maxPrefixes4: typeof net?.info_prefixes4 === 'number' ? net.info_prefixes4 : null,
    maxPrefixes6: typeof net?.info_prefixes6 === 'number' ? net.info_prefixes6 : null,
    policyUrl: textOf(net?.policy_url),
    policyGeneral: textOf(net?.policy_general),
  };
}

function port(row: NetIxLan): DraftPort {
  return {
    asn: row.asn,
    ipv4: textOf(row.ipaddr4) || null,
    ipv6: textOf(row.ipaddr6) || null,
    speed: amountOf(row.speed),
    isRsPeer: row.is_rs_peer === true,
  };
}

function portsByIx(rows: readonly NetIxLan[]): Map<number, NetIxLan[]> {
  const byIx = new Map<number, NetIxLan[]>();
  for (const row of rows) {
    const list = byIx.get(row.ix_id);
    if (list) list.push(row);
    else byIx.set(row.ix_id, [row]);
  }
  return byIx;
}

/** Requests go to the Policy role; a network without one is asked through its NOC, then its technical contact. */
const RECIPIENT_ROLES: readonly RecipientRole[] = ['Policy', 'NOC', 'Technical'];

function recipients(pocs: readonly Poc[]): { to: string[]; role: RecipientRole | null } {
  for (const role of RECIPIENT_ROLES) {
    const firstByAddress = new Map<string, string>();
    for (const poc of pocs) {
      const email = textOf(poc.email).trim();
      if (poc.role !== role || !email) continue;
      if (!firstByAddress.has(email.toLowerCase())) firstByAddress.set(email.toLowerCase(), email);
    }
    if (firstByAddress.size > 0) return { to: [...firstByAddress.values()], role };
  }
  return { to: [], role: null };
}

export type DraftContextResult = { ok: true; context: DraftContext } | { ok: false; error: string };

/**
 * The data of a request between two ASNs: the IXPs where ports carry both (not where their
 * records meet: a record's ports can carry other ASNs), with each side's addresses there.
 * A peer whose record the copy lacks can still be written to, by its ASN, without contacts.
 */
export function buildDraftContext(copy: LocalCopy, myAsn: number, peerAsn: number): DraftContextResult {
  const index = getDiscoveryIndex(copy);
  if (myAsn === peerAsn) return { ok: false, error: 'A peering request needs two different networks.' };
  if (!index.knowsAsn(myAsn)) return { ok: false, error: `AS${myAsn} is not in the local copy. Sync, or check your networks.` };
  if (!index.knowsAsn(peerAsn)) return { ok: false, error: `AS${peerAsn} is not in the local copy.` };
  const me = index.holderOfAsn(myAsn);
  const peer = index.holderOfAsn(peerAsn);

  const mine = portsByIx(index.portsOfAsn(myAsn));
  const theirs = portsByIx(index.portsOfAsn(peerAsn));
  const sharedIxps: SharedIxp[] = [];
  for (const [ixId, myPorts] of mine) {
    const peerPorts = theirs.get(ixId);
    if (!peerPorts) continue;
    sharedIxps.push({
      ixId,
      name: textOf(copy.get('ix', ixId)?.name) || textOf(myPorts[0]?.name) || `IXP ${ixId}`,
      mine: myPorts.map(port),
      theirs: peerPorts.map(port),
    });
  }
  sharedIxps.sort((a, b) => a.name.localeCompare(b.name));

  const { to, role } = recipients(peer ? (index.pocsByNet.get(peer.id) ?? []) : []);
  return {
    ok: true,
    context: { me: draftNetwork(myAsn, me), peer: draftNetwork(peerAsn, peer), sharedIxps, to, recipientRole: role },
  };
}
