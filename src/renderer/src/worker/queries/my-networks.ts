/** "My networks": for each ASN I work for, its IXP connections and facilities. */
import type { DiscoveryIndex } from '../index/discovery-index';
import { facsOfNet, ixsOfNet } from './presence';
import { netSummary } from './summaries';
import type { MyNetworkOverview } from '../../protocol/discovery';

export function myNetworksOverview(index: DiscoveryIndex, asns: readonly number[]): MyNetworkOverview[] {
  return asns.map((asn) => {
    const net = index.netByAsn(asn);
    if (!net) return { asn, net: null, ixs: [], facs: [] };
    return { asn, net: netSummary(net), ixs: ixsOfNet(index, net.id), facs: facsOfNet(index, net.id) };
  });
}
