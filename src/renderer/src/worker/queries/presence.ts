/** Where a network is: its IXP connections grouped per IXP, and its facilities. */
import type { NetFac, NetIxLan } from '../../../../shared/peeringdb';
import type { DiscoveryIndex } from '../index/discovery-index';
import { connectionOf, placeSummary, totalSpeed } from './summaries';
import type { IxConnection, NetAtFac, NetAtIx } from '../../protocol/discovery';

/** Ports grouped by IXP (several ports at one IXP stay together), sorted by IXP name. */
function groupedByIx(index: DiscoveryIndex, ports: readonly NetIxLan[]): NetAtIx[] {
  const byIx = new Map<number, IxConnection[]>();
  for (const row of ports) {
    const list = byIx.get(row.ix_id);
    if (list) list.push(connectionOf(row));
    else byIx.set(row.ix_id, [connectionOf(row)]);
  }
  const result: NetAtIx[] = [];
  for (const [ixId, connections] of byIx) {
    const ix = index.ix(ixId);
    if (!ix) continue;
    connections.sort((a, b) => a.netixlanId - b.netixlanId);
    result.push({ ix: placeSummary(ix), connections, totalSpeed: totalSpeed(connections) });
  }
  return result.sort((a, b) => a.ix.name.localeCompare(b.ix.name));
}

/** A network record's ports, whichever ASN each carries (its page). */
export function ixsOfNet(index: DiscoveryIndex, netId: number): NetAtIx[] {
  return groupedByIx(index, index.connectionsOfNet(netId));
}

/** The ports that carry an ASN, whichever record holds them (my networks, compare). */
export function ixsOfAsn(index: DiscoveryIndex, asn: number): NetAtIx[] {
  return groupedByIx(index, index.portsOfAsn(asn));
}

/** One entry per facility, sorted by name. */
function facilitiesOf(index: DiscoveryIndex, presences: readonly NetFac[]): NetAtFac[] {
  const seen = new Map<number, NetAtFac>();
  for (const row of presences) {
    const fac = index.fac(row.fac_id);
    if (fac && !seen.has(fac.id)) seen.set(fac.id, { fac: placeSummary(fac), localAsn: row.local_asn });
  }
  return Array.from(seen.values()).sort((a, b) => a.fac.name.localeCompare(b.fac.name));
}

/** Facilities of a network record. */
export function facsOfNet(index: DiscoveryIndex, netId: number): NetAtFac[] {
  return facilitiesOf(index, index.facsOfNet(netId));
}

/** Facilities of the records behind an ASN. */
export function facsOfAsn(index: DiscoveryIndex, asn: number): NetAtFac[] {
  return facilitiesOf(index, index.presencesOfAsn(asn));
}
