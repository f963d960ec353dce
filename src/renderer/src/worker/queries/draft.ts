/**
 * The data a peering request draft is filled from: both networks, the IXPs they share with
 * each side's ports, and whom to write to (the peer's Policy contacts).
 */
import type { DraftContext, DraftNetwork, DraftPort, SharedIxp } from '../../../../shared/export/template';
import type { Net, NetIxLan } from '../../../../shared/peeringdb';
import type { LocalCopy } from '../copy/local-copy';
import { getDiscoveryIndex } from '../index/discovery-index';

function draftNetwork(net: Net): DraftNetwork {
  return {
    asn: net.asn,
    name: net.name,
    irrAsSet: net.irr_as_set,
    maxPrefixes4: net.info_prefixes4,
    maxPrefixes6: net.info_prefixes6,
    policyUrl: net.policy_url,
  };
}

function port(row: NetIxLan): DraftPort {
  return { ipv4: row.ipaddr4, ipv6: row.ipaddr6, speed: row.speed };
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

  const policyEmails = (index.pocsByNet.get(peer.id) ?? [])
    .filter((poc) => poc.role === 'Policy' && poc.email.trim())
    .map((poc) => poc.email.trim());
  const firstByAddress = new Map<string, string>();
  for (const email of policyEmails) if (!firstByAddress.has(email.toLowerCase())) firstByAddress.set(email.toLowerCase(), email);
  const to = [...firstByAddress.values()];

  return { ok: true, context: { me: draftNetwork(me), peer: draftNetwork(peer), sharedIxps, to } };
}
