/** Plain-data views of PeeringDB rows, as the answers carry them. */
import type { Fac, Ix, Net, NetIxLan } from '../../../../shared/peeringdb';
import type { IxConnection, NetSummary, PlaceSummary } from '../../protocol/discovery';

export function netSummary(net: Net): NetSummary {
  return {
    netId: net.id,
    asn: net.asn,
    name: net.name,
    aka: net.aka ?? '',
    policyGeneral: net.policy_general ?? '',
    infoTypes: infoTypesOf(net),
    traffic: net.info_traffic ?? '',
    ratio: net.info_ratio ?? '',
    scope: net.info_scope ?? '',
  };
}

/** info_types, or the older single info_type when the list is empty. */
export function infoTypesOf(net: Net): Net['info_types'] {
  if (net.info_types && net.info_types.length > 0) return net.info_types.filter((type) => type !== '');
  return net.info_type ? [net.info_type] : [];
}

/** An IXP or a facility: its name and where it is. */
export function placeSummary(place: Ix | Fac): PlaceSummary {
  return {
    id: place.id,
    name: place.name,
    city: place.city ?? '',
    country: place.country ?? '',
    regionContinent: place.region_continent ?? '',
  };
}

export function connectionOf(row: NetIxLan): IxConnection {
  return {
    netixlanId: row.id,
    ixlanId: row.ixlan_id,
    ipaddr4: row.ipaddr4,
    ipaddr6: row.ipaddr6,
    speed: row.speed ?? 0,
    isRsPeer: row.is_rs_peer,
    operational: row.operational,
  };
}

export function totalSpeed(connections: readonly { speed: number }[]): number {
  let sum = 0;
  for (const connection of connections) sum += connection.speed;
  return sum;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

export function sortByName<T extends { name: string }>(items: T[]): T[] {
  return items.sort(byName);
}
