/** The choices the member filters offer, from what the copy holds. */
import type { NetInfoType, PolicyGeneral } from '../../../../shared/peeringdb';
import type { DiscoveryIndex } from '../index/discovery-index';
import { textOf } from '../index/row-values';
import { TRAFFIC_LEVELS } from './traffic';
import type { FilterOptions } from '../../protocol/discovery';

const POLICIES: readonly string[] = ['Open', 'Selective', 'Restrictive', 'No'];

export function filterOptions(index: DiscoveryIndex): FilterOptions {
  const regions = new Set<string>();
  const countries = new Set<string>();
  for (const byOrg of [index.ixByOrg, index.facByOrg]) {
    for (const places of byOrg.values()) {
      for (const place of places) {
        const region = textOf(place.region_continent);
        const country = textOf(place.country);
        if (region) regions.add(region);
        if (country) countries.add(country);
      }
    }
  }
  const values = index.netFilterValues();
  const sorted = (texts: Iterable<string>) => Array.from(texts).sort((a, b) => a.localeCompare(b));
  // Today's policies in their order of openness, then any other wording the rows hold, as given.
  const otherPolicies = sorted([...values.policies].filter((policy) => !POLICIES.includes(policy)));
  return {
    policies: [...POLICIES, ...otherPolicies] as PolicyGeneral[],
    infoTypes: sorted(values.infoTypes) as NetInfoType[],
    trafficLevels: [...TRAFFIC_LEVELS],
    scopes: sorted(values.scopes),
    ratios: sorted(values.ratios),
    regions: sorted(regions),
    countries: sorted(countries),
  };
}
