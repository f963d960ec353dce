/**
 * "My networks": for each ASN I work for, the ports that carry it and the facilities of the
 * records behind it. A record whose ports carry several ASNs shows under each, and says so.
 */
import type { DiscoveryIndex } from '../index/discovery-index';
import { facsOfAsn, ixsOfAsn } from './presence';
import { netSummary } from './summaries';
import type { MyNetworkOverview } from '../../protocol/discovery';

export function myNetworksOverview(index: DiscoveryIndex, asns: readonly number[]): MyNetworkOverview[] {
  return asns.map((asn) => {
    const holder = index.holderOfAsn(asn);
    return {
      asn,
      net: holder ? netSummary(holder) : null,
      ixs: ixsOfAsn(index, asn),
      facs: facsOfAsn(index, asn),
      otherAsns: holder ? index.asnsOfNet(holder).filter((other) => other !== asn) : [],
    };
  });
}
