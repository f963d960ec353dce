/** The choices the member filters offer, from what the copy holds. */
import type { NetInfoType, PolicyGeneral } from '../../../../shared/peeringdb';
import type { DiscoveryIndex } from '../index/discovery-index';
import { TRAFFIC_LEVELS } from './traffic';
import type { FilterOptions } from '../../protocol/discovery';

const POLICIES: PolicyGeneral[] = ['Open', 'Selective', 'Restrictive', 'No'];

export function filterOptions(index: DiscoveryIndex): FilterOptions {
  const regions = new Set<string>();
  const countries = new Set<string>();
  for (const byOrg of [index.ixByOrg, index.facByOrg]) {
    for (const places of byOrg.values()) {
      for (const place of places) {
        if (place.region_continent) regions.add(place.region_continent);
        if (place.country) countries.add(place.country);
      }
    }
  }
  const sorted = (values: Iterable<string>) => Array.from(values).sort((a, b) => a.localeCompare(b));
  return {
    policies: POLICIES,
    infoTypes: sorted(index.netSection.infoTypes) as NetInfoType[],
    trafficLevels: [...TRAFFIC_LEVELS],
    scopes: sorted(index.netSection.scopes),
    ratios: sorted(index.netSection.ratios),
    regions: sorted(regions),
    countries: sorted(countries),
  };
}
