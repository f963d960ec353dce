/**
 * The data a peering request draft and a session configuration are filled from: both
 * networks, the IXPs they share with each side's ports, and whom to write to (the peer's
 * Policy contacts, else NOC, else Technical).
 */
import type { DraftContext, DraftNetwork, DraftPort, RecipientRole, SharedIxp } from '../../../../shared/export/template';
import type { Net, NetIxLan, Poc } from '../../../../shared/peeringdb';
import type { LocalCopy } from '../copy/local-copy';
import { getDiscoveryIndex } from '../index/discovery-index';

function draftNetwork(net: Net): DraftNetwork {
  return {
    asn: net.asn,
    name: net.name,
    irrAsSet: net.irr_as_set,
    maxPrefixes4: net.info_prefixes4,
    maxPrefixes6: net.info_prefixes6,
    policyUrl: net.policy_url ?? '',
    policyGeneral: net.policy_general ?? '',
  };
}

function port(row: NetIxLan): DraftPort {
  return { asn: row.asn, ipv4: row.ipaddr4, ipv6: row.ipaddr6, speed: row.speed, isRsPeer: row.is_rs_peer === true };
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
      const email = (poc.email ?? '').trim();
      if (poc.role !== role || !email) continue;
      if (!firstByAddress.has(email.toLowerCase())) firstByAddress.set(email.toLowerCase(), email);
    }
    if (firstByAddress.size > 0) return { to: [...firstByAddress.values()], role };
  }
  return { to: [], role: null };
}

export type DraftContextResult = { ok: true; context: DraftContext } | { ok: false; error: string };

export function buildDraftContext(copy: LocalCopy, myAsn: number, peerAsn: number): DraftContextResult {
  const index = getDiscoveryIndex(copy);
  const me = index.netByAsn(myAsn);
  const peer = index.netByAsn(peerAsn);
  if (!me) return { ok: false, error: `AS${myAsn} is not in the local copy. Sync, or check your networks.` };
  if (!peer) return { ok: false, error: `AS${peerAsn} is not in the local copy.` };
  if (me.id === peer.id) return { ok: false, error: 'A peering request needs two different networks.' };

  const mine = portsByIx(index.connections.byNet.get(me.id) ?? []);
  const theirs = portsByIx(index.connections.byNet.get(peer.id) ?? []);
  const sharedIxps: SharedIxp[] = [];
  for (const [ixId, myPorts] of mine) {
    const peerPorts = theirs.get(ixId);
    if (!peerPorts) continue;
    sharedIxps.push({
      ixId,
      name: copy.get('ix', ixId)?.name ?? myPorts[0]?.name ?? `IXP ${ixId}`,
      mine: myPorts.map(port),
      theirs: peerPorts.map(port),
    });
  }
  sharedIxps.sort((a, b) => a.name.localeCompare(b.name));

  const { to, role } = recipients(index.pocsByNet.get(peer.id) ?? []);
  return { ok: true, context: { me: draftNetwork(me), peer: draftNetwork(peer), sharedIxps, to, recipientRole: role } };
}
