/** Where one network is: its IXP connections grouped per IXP, and its facilities. */
import type { DiscoveryIndex } from '../index/discovery-index';
import { connectionOf, placeSummary, totalSpeed } from './summaries';
import type { IxConnection, NetAtFac, NetAtIx } from '../../protocol/discovery';

/** Connections grouped by IXP (several ports at one IXP stay together), sorted by IXP name. */
export function ixsOfNet(index: DiscoveryIndex, netId: number): NetAtIx[] {
  const byIx = new Map<number, IxConnection[]>();
  for (const row of index.connectionsOfNet(netId)) {
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

/** Facilities of a network, one entry per facility, sorted by name. */
export function facsOfNet(index: DiscoveryIndex, netId: number): NetAtFac[] {
  const seen = new Map<number, NetAtFac>();
  for (const row of index.facsOfNet(netId)) {
    const fac = index.fac(row.fac_id);
    if (fac && !seen.has(fac.id)) seen.set(fac.id, { fac: placeSummary(fac), localAsn: row.local_asn });
  }
  return Array.from(seen.values()).sort((a, b) => a.fac.name.localeCompare(b.fac.name));
}
